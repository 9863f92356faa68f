#!/usr/bin/env python3
"""Write docs/schemes/ID.md, one page per built-in scheme, from the scheme itself
(`reparations schemes --export ID`: the rule as data, with every figure's source and
confidence mark) and a worked example (`reparations estimate CASE --scheme ID`), so
that the page says what the code does and cannot drift from it.

    gen_scheme_docs.py --bin build/tools/reparations            # (re)write the pages
    gen_scheme_docs.py --bin build/tools/reparations --check    # fail if a page differs (the suite)

Run from the repository root. The worked example of each scheme is one of the bundled
example cases (EXAMPLES below); its figures are the CLI's, and --check fails when any
figure on a page is no longer what the library computes."""
import argparse
import difflib
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# scheme -> (example case, extra CLI arguments)
EXAMPLES = {
    "kz-cpc": ("kz-acquittal.json", []),
    "kz-admin": ("kz-admin-arrest-protest.json", []),
    "kz-repression": ("kz-soviet-repression.json", []),
    "kz-victims-fund": ("kz-torture-146.json", []),
    "kz-reform": ("kz-amnesty-coerced.json", []),
    "uz-cpc": ("uz-acquittal.json", []),
    "intl-un": ("kz-activist.json", ["--fx-file", "examples/cases/kz-activist.fx"]),
    "echr": ("kz-activist.json", ["--fx-file", "examples/cases/kz-activist.fx"]),
    "de-streg": ("de-acquittal.json", []),
    "de-streg-draft-2024": ("de-acquittal.json", []),
    "us-federal": ("us-federal-exoneration.json", []),
    "us-tx": ("us-federal-exoneration.json", []),
    "us-ca": ("us-federal-exoneration.json", []),
    "us-fl": ("us-federal-exoneration.json", []),
    "jp-cca": ("jp-retrial-acquittal.json", []),
    "nl-lovs": ("nl-dismissal.json", []),
    "uk-cja": ("uk-quashed.json", []),
    "nz-guidelines": ("nz-pardon-innocent.json", []),
    "ca-guidelines": ("ca-wrongful-conviction.json", []),
}

MEASURES = {
    "days": "days",
    "years_365": "years of 365 days (inclusive days / 365)",
    "years_36525": "years of 365.25 days (inclusive days / 365.25)",
    "years_ymd": "years, months and days of each period (whole years + months/12 + days/365)",
    "months_commenced": "months, a commenced month counting as a whole one (per period)",
    "months_whole": "whole months only (a partial month is dropped)",
}
DAYCOUNTS = {
    "inclusive": "both the first and the last day count (end - start + 1)",
    "exclusive_last": "the last day does not count (end - start)",
    "commenced": "each commenced day counts",
}
AT = {
    "each_day": "each day at the rule in force that day",
    "detention_end": "the last day of deprivation of liberty",
    "decision": "the decision date (the valuation date if absent)",
    "application": "the application date (the valuation date if absent)",
    "as_of": "the valuation date",
}
ROUNDING = {
    "half_up": "to the nearest, ties away from zero",
    "half_even": "to the nearest, ties to the even digit",
    "half_down": "to the nearest, ties toward zero",
    "down": "toward zero (truncated)",
    "up": "away from zero",
    "floor": "toward minus infinity",
    "ceiling": "toward plus infinity",
}


def cli(binary, *args):
    # the pages are English at the default width, whatever the caller's locale and terminal
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE", "COLUMNS")}
    p = subprocess.run([binary, *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"{binary} {' '.join(args)}: {p.stderr.strip()}")
    return p.stdout


def fig(f):
    """'75 (verified: StrEG ...)' for a figure object or a bare value."""
    if isinstance(f, dict):
        return f"{f['value']} ({f.get('confidence', 'unverified')}: {f.get('source', 'no source given')})"
    return str(f)


def fig_value(f):
    return f["value"] if isinstance(f, dict) else str(f)


def window(d, a="valid_from", b="valid_to"):
    if d.get(a) and d.get(b):
        return f"from {d[a]} to {d[b]}"
    if d.get(a):
        return f"from {d[a]}"
    if d.get(b):
        return f"until {d[b]}"
    return ""


def unverified(d, path="", out=None):
    """Every figure of the scheme whose confidence is not 'verified', with where it is."""
    out = [] if out is None else out
    if isinstance(d, dict):
        if "value" in d and "confidence" in d:
            if d["confidence"] != "verified":
                out.append((path, d))
            return out
        label = d.get("label") or d.get("name") or d.get("text")
        for k, v in d.items():
            where = f"{label} — {k}" if label and isinstance(v, dict) and "value" in v else path
            unverified(v, where or k, out)
    elif isinstance(d, list):
        for x in d:
            unverified(x, path, out)
    return out


def page(binary, sid):
    d = json.loads(cli(binary, "schemes", "--export", sid))
    out = []
    w = out.append
    w(f"# {sid}: {d['name']}\n")
    w("<!-- generated by tools/gen_scheme_docs.py from `reparations schemes --export "
      f"{sid}` and the worked example below; the suite fails if this page drifts from the code -->\n")
    cur = d.get("currency") or "the case's currency"
    places = d.get("places", -1)
    rnd = d.get("rounding", "half_up")
    w("| | |\n|---|---|")
    w(f"| jurisdiction | {d.get('jurisdiction', '')} |")
    w(f"| status | {d.get('status', 'law')} |")
    w(f"| pays in | {cur} |")
    eff = window(d, "effective_from", "effective_to")
    if eff:
        w(f"| in force | {eff} |")
    w(f"| rounding | each line {ROUNDING.get(rnd, rnd)}, to "
      f"{'the currency' + chr(39) + 's minor unit' if places == -1 else str(places) + ' decimal places'}; "
      "the lines add up to the total |")
    w("")
    w("The rule as data, to read, copy and change: `reparations schemes --export "
      f"{sid} -o my-{sid}.json`, then `--scheme-file my-{sid}.json` (docs/schemes.md).\n")

    w("## The rule in words\n")
    if d.get("notes"):
        w(d["notes"] + "\n")
    w("### Who qualifies\n")
    if d.get("proc_kinds_text") or d.get("proc_kinds"):
        w(f"- Proceedings: {d.get('proc_kinds_text') or ', '.join(d['proc_kinds'])}.")
    for r in d.get("qualifying", []):
        what = ", ".join(r.get("outcomes", []) + r.get("flags", []))
        w(f"- Qualifies ({what}): {r['text']}" + (f" [{r['basis']}]" if r.get("basis") else ""))
    for r in d.get("bars", []):
        what = ", ".join(r.get("outcomes", []) + r.get("flags", []))
        w(f"- Barred ({what}): {r['text']}" + (f" [{r['basis']}]" if r.get("basis") else ""))
    if d.get("requires_detention"):
        w("- Without deprivation of liberty there is nothing to pay.")
    if d.get("requires_torture"):
        w("- Only a torture finding (Criminal Code art. 146) gives a claim.")
    for dl in d.get("deadlines", []):
        w(f"- Time limit: {dl['months']} months from the {dl.get('from', 'notice')} date: {dl['text']}"
          + (f" [{dl['basis']}]" if dl.get("basis") else ""))
    w("")
    if d.get("tariffs"):
        w("### Deprivation of liberty\n")
        for t in d["tariffs"]:
            unit = t.get("unit", "day")
            rate = f"{fig_value(t['rate'])} per {unit}" if t.get("rate") else f"option {t.get('rate_option')}"
            if t.get("index"):
                rate += f" in units of {t['index']} (valued at {AT.get(t.get('index_at', 'each_day'))})"
            elif t.get("rate_currency"):
                rate += f" {t['rate_currency']} (converted at the valuation date)"
            bits = [f"**{t['label']}**: {rate}", f"for {', '.join(t['kinds'])}"]
            if t.get("tier_from") or t.get("tier_to"):
                bits.append(f"days {t.get('tier_from', 1)} to {t.get('tier_to', 'the last')} of all deprivation")
            if window(t):
                bits.append(f"in force {window(t)} (the version at {AT.get(t.get('version_at', 'each_day'))})")
            if t.get("rate_option"):
                bits.append(f"option `{t['rate_option']}` replaces the rate")
            if t.get("rate_low") or t.get("rate_high"):
                bits.append(f"the law's range {t.get('rate_low', '')}..{t.get('rate_high', '')}")
            if t.get("cap"):
                bits.append(f"capped at {fig_value(t['cap'])} ({t.get('cap_basis') or t.get('basis')})")
            if t.get("range_only"):
                bits.append("a benchmark: counted in the range only, not in the total")
            if t.get("when_option"):
                bits.append(f"applies when option `{t['when_option']}` is {t.get('when_value')}")
            w("- " + "; ".join(bits) + f". Basis: {t.get('basis', '')}." + (f" {t['formula']}." if t.get("formula") else ""))
        w("")
    if d.get("heads"):
        w("### Harms\n")
        w("| harm | treatment | line | basis | note |\n|---|---|---|---|---|")
        for h in d["heads"]:
            w(f"| {h['category']} | {h.get('treatment', 'proven')} | {h['label']} | {h.get('basis', '')} | {h.get('note', '')} |")
        w("\nA harm category not listed is not compensated under this scheme (the estimate says so).\n")
    if d.get("fixed"):
        w("### Fixed amounts\n")
        for f in d["fixed"]:
            trig = ("every eligible case" if f.get("trigger") == "always"
                    else f"a torture finding under art. 146 part {f.get('lo', 1)}..{f.get('hi', 3)}")
            amt = fig_value(f["amount"]) + (f" {f['index']}" if f.get("index") else "")
            extra = f" (band {f.get('amount_low')}..{f.get('amount_high')})" if f.get("amount_low") else ""
            w(f"- **{f['label']}**: {amt}{extra}, for {trig}. Basis: {f.get('basis', '')}.")
        w("")
    if d.get("caps"):
        w("### Caps\n")
        for c in d["caps"]:
            months = ""
            if c.get("min_months", -1) >= 0 or c.get("max_months", -1) >= 0:
                months = f", for {c.get('min_months', 0)}..{c.get('max_months', 'any')} whole months of deprivation"
            when = f", {window(c)}" if window(c) else ""
            amt = fig_value(c["amount"]) + (f" {c['index']}" if c.get("index") else "")
            w(f"- **{c['label']}**: {amt} on the {c.get('scope', 'total')}{months}{when}. Basis: {c.get('basis', '')}.")
        w("")
    for key, title in [("late_interest", "Interest for late payment"), ("annuity", "Annuity")]:
        if d.get(key):
            x = d[key]
            w(f"### {title}\n\n**{x['label']}**. {x.get('formula', '')} Basis: {x.get('basis', '')}."
              + (f" {x['note']}" if x.get("note") else "") + "\n")

    w("## Day count\n")
    if d.get("tariffs"):
        seen = []
        for t in d["tariffs"]:
            m = t.get("measure", "days")
            s = MEASURES[m] + (f", {DAYCOUNTS[t.get('daycount', 'inclusive')]}" if m == "days" else "")
            if s not in seen:
                seen.append(s)
        for s in seen:
            w(f"- Deprivation of liberty is counted in {s}.")
    else:
        w("- No tariff per day: days of deprivation of liberty are counted (both ends, overlaps once) "
          "only for the total per day.")
    w("- Lost earnings run over their own period: whole calendar months, a partial month pro-rated by its days.\n")

    if d.get("options"):
        w("## Options\n")
        for o in d["options"]:
            allowed = o.get("choices") or f"{o.get('min', '')}..{o.get('max', '')}"
            w(f"- `{sid}.{o['name']}` ({o.get('type', 'decimal')}, default `{o['default']}`, {allowed}): {o.get('description', '')}")
        w("")

    w("## Articles and sources\n")
    for c in d.get("citations", []):
        w(f"- {c['instrument']}" + (f", {c['article']}" if c.get("article") else "") + (f" <{c['url']}>" if c.get("url") else ""))
    w("")

    w("## What is unverified\n")
    unv = unverified(d)
    for where, f in unv:
        w(f"- {where}: {f['value']} is **{f['confidence']}** ({f.get('source', '')})")
    if not unv:
        w("- Every figure of this scheme is marked verified; the notes above say which articles remain to be checked.")
    for x in d.get("warnings", []):
        w(f"- Always shown: {x}")
    w("")

    case, extra = EXAMPLES[sid]
    path = f"examples/cases/{case}"
    est = json.loads(cli(binary, "estimate", path, "--scheme", sid, "--format", "json", *extra))["estimates"][0]
    cmd = " ".join(["reparations", "estimate", path, "--scheme", sid, *extra])
    w("## Worked example\n")
    w(f"The case [{case}](../../{path}), valued at {est['as_of']}:\n")
    w(f"```\n{cmd}\n```\n")
    w(f"Eligible: **{'yes' if est['eligible'] else 'no'}**. "
      f"{est['days']} days of deprivation of liberty.\n")
    for f in est["findings"]:
        if f["bars"]:
            w(f"- Barred: {f['text']}")
    w("| # | line | formula (with its inputs) | amount |\n|---|---|---|---:|")
    for i, l in enumerate(est["lines"], 1):
        w(f"| {i} | {l['label']} | {l['formula']} | {l['amount']} |")
    w(f"| | **total {est['currency']}** | pecuniary {est['totals']['pecuniary']}, "
      f"non-pecuniary {est['totals']['non_pecuniary']} | **{est['total']}** |\n")
    if est.get("range"):
        r = est["range"]
        w(f"Range: {r['low']} to {r['high']} {est['currency']} (the total uses the {r['uses']} value).\n")
    if est.get("warnings"):
        w("Warnings on this estimate:\n")
        for x in est["warnings"]:
            w(f"- {x}")
        w("")
    return "\n".join(out).rstrip() + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--out", default=os.path.join(ROOT, "docs", "schemes"))
    ap.add_argument("--check", action="store_true")
    a = ap.parse_args()
    binary = os.path.abspath(a.bin)
    ids = [s["id"] for s in json.loads(cli(binary, "schemes", "--format", "json"))["schemes"]]
    missing = sorted(set(ids) - set(EXAMPLES))
    if missing:
        sys.exit(f"no worked example for: {', '.join(missing)} (add one to EXAMPLES)")
    os.makedirs(a.out, exist_ok=True)
    bad = 0
    for sid in ids:
        text = page(binary, sid)
        path = os.path.join(a.out, f"{sid}.md")
        if a.check:
            old = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
            if old != text:
                bad += 1
                sys.stdout.writelines(difflib.unified_diff(old.splitlines(True), text.splitlines(True), path, "generated"))
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
    extra = sorted(set(f[:-3] for f in os.listdir(a.out) if f.endswith(".md")) - set(ids) - {"README"})
    if a.check and extra:
        print(f"pages for schemes that do not exist: {extra}")
        bad += 1
    if bad:
        sys.exit(f"{bad} scheme page(s) differ from the code: run tools/gen_scheme_docs.py --bin BUILD/tools/reparations")
    print(f"{len(ids)} scheme pages {'checked' if a.check else 'written'}")


if __name__ == "__main__":
    main()
