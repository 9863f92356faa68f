"""Output that cannot be injected, and tables that keep every figure:
control characters from a case never reach the terminal raw; a newline in
an id cannot open a Markdown block; CSV text cells that start with = + - @
are neutralised (numbers never are); the table wraps long labels instead of
cutting them, at COLUMNS or --width; pasteable formats carry the steps."""
import csv
import io
import json
import os
import subprocess
import tempfile
import unittest

BIN = os.environ.get("REPARATIONS_BIN", "build/tools/reparations")
ROOT = os.environ.get("SOURCE_ROOT", os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CASE = os.path.join(ROOT, "examples/cases/kz-activist.json")
FX = os.path.join(ROOT, "examples/cases/kz-activist.fx")


def golden_total(scheme):
    """A scheme's total for the bundled case, from the golden file (a change of law updates one place)."""
    with open(os.path.join(ROOT, "tests/cases/kz-activist.expected.json"), encoding="utf-8") as f:
        d = json.load(f)
    return [e for e in d["estimates"] if e["scheme"] == scheme][0]["total"]


def grouped(amount, sep=",", dot="."):
    whole, _, frac = amount.partition(".")
    out = ""
    while len(whole) > 3:
        out = sep + whole[-3:] + out
        whole = whole[:-3]
    return whole + out + (dot + frac if frac else "")


def run(*args, env=None, check=True):
    e = dict(os.environ, LANG="C.UTF-8")
    e.pop("COLUMNS", None)
    e.update(env or {})
    r = subprocess.run([BIN, *args], capture_output=True, env=e)
    if check and r.returncode != 0:
        raise AssertionError(f"{args}: exit {r.returncode}: {r.stderr!r}")
    return r


def hostile_case(d, **changes):
    with open(CASE) as f:
        c = json.load(f)
    c.update(changes.pop("top", {}))
    for i, desc in changes.pop("descriptions", {}).items():
        c["harms"][i]["description"] = desc
    p = os.path.join(d, "case.json")
    with open(p, "w") as f:
        json.dump(c, f)
    return p


CONTROL = "\x1b]0;owned\x07\x1b[31mred\r\nline\x9b2J\u202egnp"


def display_width(line):
    return len(line)


class Injection(unittest.TestCase):
    def test_table_escapes_control_characters(self):
        with tempfile.TemporaryDirectory() as d:
            p = hostile_case(d, top={"id": "id" + CONTROL}, descriptions={2: "car" + CONTROL})
            for cmd in (["estimate", p, "--scheme", "kz-reform"], ["compare", p, "--all", "--report-currency", "EUR",
                                                                    "--fx-file", FX]):
                for lang in ("en", "ru"):
                    out = run(*cmd, "--lang", lang).stdout
                    text = out.decode("utf-8")
                    for bad in ("\x1b", "\x07", "\r", "\x9b", "\u202e"):
                        self.assertNotIn(bad, text, (cmd[0], lang, repr(bad)))
                    self.assertIn("id\\e]0;owned\\x07\\e[31mred\\r\\nline\\u009B2J\\u202Egnp", text)
                    # the id stays on its own line: no line starts with the injected text
                    self.assertFalse(any(l.startswith("line") for l in text.splitlines()))

    def test_error_messages_stay_one_harmless_line(self):
        with tempfile.TemporaryDirectory() as d:
            p = hostile_case(d)
            r = run("estimate", p, "--scheme", "no-such\x1b[2J\r\nscheme", check=False)
            self.assertEqual(r.returncode, 2)
            err = r.stderr.decode()
            self.assertNotIn("\x1b", err)
            self.assertNotIn("\r", err)
            self.assertEqual(len(err.strip().splitlines()), 1, err)
            self.assertIn("no-such\\x1b[2J\\x0d\\x0ascheme", err)

    def test_markdown_newline_in_an_id_opens_no_block(self):
        with tempfile.TemporaryDirectory() as d:
            p = hostile_case(d, top={"id": "x\n# Injected heading\n| a | b |"},
                             descriptions={2: "car\n\n## fake section\n- item"})
            for cmd in (["estimate", p, "--scheme", "kz-reform", "--scheme", "kz-cpc"], ["compare", p]):
                text = run(*cmd, "--format", "markdown").stdout.decode()
                lines = text.splitlines()
                self.assertFalse(any(l.startswith("# Injected") or l.startswith("## fake") or l == "- item"
                                     for l in lines), text[:500])
                self.assertEqual(sum(1 for l in lines if l.startswith("# ")), 1)

    def test_csv_formula_cells_neutralised_numbers_untouched(self):
        with tempfile.TemporaryDirectory() as d:
            p = hostile_case(d, top={"id": "=HYPERLINK(\"http://evil\")"}, descriptions={2: "@SUM(A1)"})
            for cmd in (["estimate", p, "--scheme", "uk-cja", "--fx-file", FX], ["compare", p]):
                text = run(*cmd, "--format", "csv").stdout.decode()
                rows = list(csv.reader(io.StringIO(text)))
                self.assertTrue(all(r[0] == "'=HYPERLINK(\"http://evil\")" for r in rows[1:]), rows[1][0])
                for r in rows:
                    for cell in r:
                        self.assertFalse(cell[:1] in ("=", "+", "@"), cell)
                        if cell.startswith("-"):
                            float(cell)  # only numbers may start with a minus sign

    def test_negative_amounts_stay_numbers_in_csv(self):
        # a cap line is negative: it must stay a plain number, not "'-..."
        t = run("estimate", os.path.join(ROOT, "tests/cases/intl-uk-12y-after.json"), "--scheme", "uk-cja",
                "--format", "csv").stdout.decode()
        rows = list(csv.DictReader(io.StringIO(t)))
        caps = [r for r in rows if r["head"] == "cap"]
        self.assertTrue(caps)
        for r in caps:
            self.assertTrue(r["amount"].startswith("-"), r["amount"])
            float(r["amount"])


class Widths(unittest.TestCase):
    def test_wide_terminal_keeps_labels_whole(self):
        out = run("estimate", CASE, "--scheme", "intl-un", "--fx-file", FX, "--width", "200").stdout.decode()
        self.assertNotIn("…", out)
        self.assertIn("Lost opportunities (employment, education, social benefits): for assessment", out)

    def test_narrow_terminal_wraps_never_cuts(self):
        for env, args in (({"COLUMNS": "60"}, []), ({}, ["--width", "60"])):
            out = run("estimate", CASE, "--scheme", "intl-un", "--fx-file", FX, *args, env=env).stdout.decode()
            self.assertNotIn("…", out)
            for line in out.splitlines():
                self.assertLessEqual(display_width(line), 60, line)
            words = out.split()
            label = "Lost opportunities (employment, education, social benefits): for assessment".split()
            start = words.index("opportunities") - 1
            got = [w for w in words[start:start + len(label) + 2] if not w[0].isdigit()]
            self.assertEqual(got[:len(label)], label)
            # every amount survives whole
            js = json.loads(run("estimate", CASE, "--scheme", "intl-un", "--fx-file", FX, "--format", "json").stdout)
            for l in js["estimates"][0]["lines"]:
                whole, _, frac = l["amount"].partition(".")
                self.assertIn(f"{int(whole):,}.{frac}", out)

    def test_bad_width(self):
        r = run("estimate", CASE, "--scheme", "kz-cpc", "--width", "abc", check=False)
        self.assertEqual(r.returncode, 2)


class Pasteable(unittest.TestCase):
    def test_markdown_estimate_carries_steps_reference_data_and_currency(self):
        md = run("estimate", CASE, "--scheme", "kz-reform", "--scheme", "kz-cpc", "--format", "markdown").stdout.decode()
        self.assertIn("| Amount (KZT) |", md)
        self.assertIn("**Total (KZT)**", md)
        # the indexation step: nominal amount, method and points
        self.assertIn("nominal 6500000.00; indexed by the ratio of KZ.MCI: 4325 on 2026-03-01 / 3063 on 2022-03-15 = x1.412014",
                      md)
        self.assertIn("Reference data used:", md)
        self.assertIn("- KZ.MCI on 2026-03-01 = 4325", md)
        # the barred scheme's reasons and what it would pay (22,607,258.06 KZT, tests/golden)
        self.assertIn("release under an amnesty is a non-rehabilitating ground", md)
        self.assertIn("22,607,258.06 KZT (total_if_eligible)", md)

    def test_markdown_comparison_names_the_currencies(self):
        md = run("compare", CASE, "--all", "--report-currency", "EUR", "--fx-file", FX, "--format",
                 "markdown").stdout.decode()
        self.assertIn("| Total (EUR) | Per day (EUR) |", md)
        self.assertNotIn("(report)", md)
        self.assertIn(f"| {grouped(golden_total('kz-reform'))} KZT |", md)
        self.assertIn("no: release under an amnesty", md)
        self.assertIn("| 22,607,258.06 KZT |", md)
        self.assertIn("Exchange rates used:", md)

    def test_csv_carries_steps_refdata_and_barred_totals(self):
        t = run("estimate", CASE, "--scheme", "kz-reform", "--scheme", "kz-cpc", "--format", "csv").stdout.decode()
        rows = list(csv.DictReader(io.StringIO(t)))
        prop = [r for r in rows if r["scheme"] == "kz-reform" and r["head"] == "property"][0]
        self.assertEqual(prop["nominal"], "6500000.00")
        self.assertIn("indexed by the ratio of KZ.MCI", prop["adjustment"])
        refs = [r for r in rows if r["line"] == "refdata" and r["scheme"] == "kz-reform"]
        self.assertTrue(any(r["label"] == "KZ.MCI" and r["rate"] == "4325" for r in refs))
        tot = [r for r in rows if r["scheme"] == "kz-cpc" and r["line"] == "total"][0]
        self.assertEqual(tot["amount"], "0.00")
        self.assertEqual(tot["total_if_eligible"], "22607258.06")
        self.assertIn("amnesty", tot["reason"])
        cmp_rows = list(csv.DictReader(io.StringIO(run("compare", CASE, "--format", "csv").stdout.decode())))
        cpc = [r for r in cmp_rows if r["scheme"] == "kz-cpc"][0]
        self.assertEqual(cpc["total_if_eligible"], "22607258.06")
        self.assertIn("amnesty", cpc["reason"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
