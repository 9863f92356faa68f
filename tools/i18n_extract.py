#!/usr/bin/env python3
"""Keep po/ complete: collect every message the library can print and merge
the new ones into po/ru.po and po/kk.po (empty, for a translator to fill).

usage: tools/i18n_extract.py BUILD_DIR

The messages are
  - the renderers' own words: RT(r, "..."), f1/f2/f3/fmt1/fmt2/fmt3(r, "..."),
    rep_tr_fmt(&r->tr, "...", and N_("...") in lib/io/render*.c;
  - the vocabulary they show as words (outcomes, kinds of detention, harm
    categories, statuses, confidence marks);
  - the shapes of the texts the engine assembles (po/engine-templates.txt);
  - every scheme text the built library leaves untranslated when it renders
    each case of tests/cases and examples/cases under every scheme in
    Russian (found by running BUILD_DIR/tools/reparations; repeated, with a
    rebuild, until nothing new turns up, since a new template exposes the
    texts inside it).
The template is written to po/reparations.pot; msgmerge adds what is new to
each language. Run the i18n tests afterwards: they fail until every new
message has a translation."""
import glob
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LANGS = ["ru", "kk"]


def c_unescape(s):
    return bytes(s, "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")


def ui_messages():
    out = []
    pat = re.compile(r'(?:\bRT\(r,\s*|\bf[123]\(r,\s*|\bfmt[123]\(r,\s*|rep_tr_fmt\(&r->tr,\s*|\bN_\()((?:"(?:[^"\\]|\\.)*"\s*)+)')
    for path in sorted(glob.glob(os.path.join(ROOT, "lib/io/render*.c"))):
        text = open(path, encoding="utf-8").read()
        for m in pat.finditer(text):
            parts = re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1))
            out.append(c_unescape("".join(parts)))
    case_c = open(os.path.join(ROOT, "lib/case.c"), encoding="utf-8").read()
    for arr in ("proc_kind_names", "outcome_names", "detention_names", "harm_names"):
        m = re.search(arr + r"\[[^\]]*\]\s*=\s*\{([^}]*)\}", case_c)
        if m:
            out += [n.replace("_", " ") for n in re.findall(r'"([^"]+)"', m.group(1))]
            if arr == "detention_names":  # as they appear in the lists of periods
                out += [n for n in re.findall(r'"([^"]+)"', m.group(1)) if "_" in n]
    out += ["confiscated", "seized", "destroyed", "damaged", "returned"]
    # the engine's words for how days become a quantity (measure_words in lib/engine/tariffs.c)
    out += ["commenced days", "days (the day of release not counted)", "days (both ends counted)",
            "years (days / 365)", "years (days / 365.25)", "years (whole years + months/12 + days/365)",
            "months (a commenced month counts as a whole month)", "whole months", "units"]
    # the engine's words inside its sentences: which date picks a rate version
    # (basis_words), the facts an eligibility rule needs (need_missing,
    # need_failed), a limit's missing date, the method of a monthly stream
    out += ["the decision date, proceedings.decision_date", "the application date, proceedings.application_date",
            "the last day of deprivation of liberty", "the valuation date, as_of", "each day",
            "proceedings.conviction (whether a conviction came first: an object with its date, article and "
            "sentence, or false)",
            "proceedings.acquitted_on_retrial (true when the acquittal came on a retrial after a conviction)",
            "proceedings.pardon_ground (innocence or clemency)",
            "proceedings.certificate_of_innocence (true when a court certified the person's innocence)",
            "there was no conviction (proceedings.conviction is false), and this route pays only after one",
            "the acquittal did not come on a retrial after a conviction: an acquittal at a first trial does not "
            "qualify",
            "the pardon was granted on the ground of clemency, and only a pardon for innocence qualifies",
            "no certificate of innocence was issued (proceedings.certificate_of_innocence is false)",
            "torture.victim_recognised (the date the person was recognised as a victim)",
            "interest", "reference data missing"]
    out += ["law", "draft", "guideline", "practice", "scenario", "standard"]
    out += ["verified", "secondary", "unverified", "low", "high", "default", "option", "barred"]
    return out


def templates():
    path = os.path.join(ROOT, "po/engine-templates.txt")
    return [l.rstrip("\n") for l in open(path, encoding="utf-8") if l.strip() and not l.startswith("#")]


def po_msgids(path):
    sys.path.insert(0, os.path.join(ROOT, "tools"))
    import gen_i18n

    return [m for m, _, _ in gen_i18n.parse_po(path)]


def run_cases(exe):
    schemes = []
    out = subprocess.run([exe, "schemes", "--format", "json"], capture_output=True, text=True, check=True).stdout
    schemes = [s["id"] for s in json.loads(out)["schemes"]]
    found = []
    cases = sorted(glob.glob(os.path.join(ROOT, "tests/cases/*.json")) + glob.glob(os.path.join(ROOT, "examples/cases/*.json")))
    fx = os.path.join(ROOT, "examples/cases/kz-activist.fx")
    for case in cases:
        if case.endswith(".expected.json"):
            continue
        for cur in ("EUR", None):
            args = [exe, "compare", case, "--schemes", ",".join(schemes), "--format", "json", "--lang", "ru", "--fx-file", fx]
            if cur:
                args += ["--report-currency", cur]
            r = subprocess.run(args, capture_output=True, text=True)
            if not r.stdout:
                continue
            found += json.loads(r.stdout).get("untranslated", [])
    return found


def quote(s):
    s = s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return '"' + s + '"'


def write_pot(path, entries):
    with open(path, "w", encoding="utf-8") as f:
        f.write('# Messages of reparations (generated by tools/i18n_extract.py).\nmsgid ""\nmsgstr ""\n'
                '"Content-Type: text/plain; charset=UTF-8\\n"\n\n')
        for msgid, fmt in entries:
            if fmt:
                f.write("#, c-format\n")
            f.write(f"msgid {quote(msgid)}\nmsgstr \"\"\n\n")


def main(argv):
    if len(argv) != 1:
        raise SystemExit(__doc__)
    build = argv[0]
    exe = os.path.join(build, "tools", "reparations")
    pot = os.path.join(ROOT, "po", "reparations.pot")
    for round_ in range(6):
        known = po_msgids(os.path.join(ROOT, "po", "ru.po"))
        entries, seen = [], set()

        def add(m, fmt):
            if m and m not in seen:
                seen.add(m)
                entries.append((m, fmt))

        for m in templates():
            add(m, True)
        for m in ui_messages():
            add(m, bool(re.search(r"%[sd%]", m)))
        for m in known:
            add(m, bool(re.search(r"%[sd%]", m)))
        before = len(seen)
        if round_ > 0:  # first the templates, so that their instances are not taken for new texts
            for m in run_cases(exe):
                add(m, False)
        write_pot(pot, entries)
        for lang in LANGS:
            subprocess.run(["msgmerge", "--quiet", "--update", "--backup=none", "--no-fuzzy-matching", "--no-wrap",
                            os.path.join(ROOT, "po", lang + ".po"), pot], check=True)
        print(f"round {round_}: {len(entries)} messages, {len(seen) - before} new from the cases")
        if len(seen) == before and round_ > 0:
            break
        subprocess.run(["ninja", "-C", build], check=True, stdout=subprocess.DEVNULL)


if __name__ == "__main__":
    main(sys.argv[1:])
