"""The C examples of examples/c/ run as a user would run them, their output
checked against the CLI (the same figures by another road) and, where the
arithmetic is short, against figures computed by hand."""
import json
import os
import re
import subprocess
import tempfile
import unittest

BIN = os.environ.get("REPARATIONS_BIN", "reparations")
EX = os.environ.get("EXAMPLES_DIR", "")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CASES = os.path.join(ROOT, "examples", "cases")


def run(prog, *args):
    p = subprocess.run([prog, *args], capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def cli_json(*args):
    rc, out, err = run(BIN, *args, "--format", "json")
    assert rc == 0, err
    return json.loads(out)


class Examples(unittest.TestCase):
    def test_estimate_case(self):
        case = os.path.join(CASES, "acquitted-kz.json")
        rc, out, err = run(os.path.join(EX, "estimate_case"), case, "kz-cpc")
        self.assertEqual(rc, 0, err)
        est = cli_json("estimate", case, "--scheme", "kz-cpc")["estimates"][0]
        self.assertIn(f"total: {est['total']} KZT", out)
        self.assertEqual(est["total"], "12604838.71")
        for line in est["lines"]:
            self.assertRegex(out, r"\d+\. " + re.escape(line["label"][:50]) + r" +" + re.escape(line["amount"]))
        self.assertEqual(out.count("\ncites: "), len(est["citations"]))
        self.assertEqual(out.count("\nwarning: "), len(est["warnings"]))
        # an unknown scheme: the error, with a suggestion, and exit 2
        rc, out, err = run(os.path.join(EX, "estimate_case"), case, "kz-cp")
        self.assertEqual(rc, 2)
        self.assertIn("did you mean kz-cpc", err)

    def test_compare_schemes(self):
        case = os.path.join(CASES, "kz-activist.json")
        schemes = ["kz-cpc", "kz-reform", "echr", "de-streg"]
        rc, out, err = run(os.path.join(EX, "compare_schemes"), case, "EUR", "EUR/KZT=520", "USD/KZT=480", "--", *schemes)
        self.assertEqual(rc, 0, err)
        cmp = cli_json("compare", case, "--schemes", ",".join(schemes), "--report-currency", "EUR",
                       "--fx", "EUR/KZT=520", "--fx", "USD/KZT=480")
        rows = {r["scheme"]: r for r in cmp["comparison"]}
        for sid in schemes:
            r = rows[sid]
            m = re.search(r"^" + re.escape(sid) + r" +(yes|no) +(\S+) +(\S+) +(\S+) +(\S+)$", out, re.M)
            self.assertIsNotNone(m, f"{sid} row in:\n{out}")
            self.assertEqual(m.group(2), r["total"])
            self.assertEqual(m.group(4), r["report_total"])

    def test_custom_scheme(self):
        scheme = os.path.join(ROOT, "examples", "schemes", "example-tariff.json")
        case = os.path.join(CASES, "acquitted-kz.json")
        rc, out, err = run(os.path.join(EX, "custom_scheme"), scheme, case, "daily_mci=3")
        self.assertEqual(rc, 0, err)
        # 483 days of custody ending 2023-05-02, MCI 3450 then:
        #   3 MCI x 3450 x 365 = 3,777,750; 3 MCI x 3450 x 118 = 1,221,300; torture 100 MCI = 345,000;
        #   + proven 7,304,838.71 + 4,500,000 + 800,000 = 17,948,888.71
        self.assertIn("Custody, days 1-365                            3777750.00", out)
        self.assertIn("Custody, from day 366                          1221300.00", out)
        self.assertIn("total: 17948888.71 KZT", out)
        est = cli_json("estimate", case, "--scheme-file", scheme, "--scheme", "example-tariff",
                       "--option", "example-tariff.daily_mci=3")["estimates"][0]
        self.assertEqual(est["total"], "17948888.71")
        rc, out, err = run(os.path.join(EX, "custom_scheme"), scheme, case, "daily_mc=3")
        self.assertEqual(rc, 2)
        self.assertIn("did you mean daily_mci?", err)

    def test_build_case(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "built.json")
            rc, out, err = run(os.path.join(EX, "build_case"), path)
            self.assertEqual(rc, 0, err)
            # 2022-01-06..2022-07-05 both counted: 26 + 28 + 31 + 30 + 31 + 30 + 5 = 181 days;
            # kz-cpc pays the proven legal costs, 600,000
            self.assertIn("kz-cpc: 181 days, total 600000.00 KZT", out)
            with open(path, encoding="utf-8") as f:
                saved = json.load(f)
            self.assertEqual(saved["detentions"][0]["note"], "SIZO, Almaty")
            self.assertEqual(saved["harms"][0]["amount"], "600000")
            rc, vout, err = run(BIN, "validate", path)
            self.assertEqual(rc, 0, err)
            est = cli_json("estimate", path, "--scheme", "kz-cpc")["estimates"][0]
            self.assertEqual((est["days"], est["total"]), (181, "600000.00"))


if __name__ == "__main__":
    unittest.main(verbosity=2)
