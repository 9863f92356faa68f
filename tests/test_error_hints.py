"""Errors that say the fix, through the CLI as a user meets them: dates in
another shape, amounts with digit grouping, mistyped scheme ids and options,
JSON syntax errors by line and column, and a UTF-8 byte-order mark (which
Windows editors write) accepted in case, scheme and series files."""
import json
import os
import subprocess
import tempfile
import unittest

BIN = os.environ.get("REPARATIONS_BIN", "reparations")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CASE = os.path.join(ROOT, "examples", "cases", "acquitted-kz.json")
BOM = b"\xef\xbb\xbf"


def run(*args):
    p = subprocess.run([BIN, *args], capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


class Hints(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, name, data):
        path = os.path.join(self.tmp.name, name)
        with open(path, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode())
        return path

    def case_with(self, **over):
        with open(CASE, encoding="utf-8") as f:
            c = json.load(f)
        c.update(over)
        return c

    def validate(self, obj_or_text):
        text = obj_or_text if isinstance(obj_or_text, (str, bytes)) else json.dumps(obj_or_text, ensure_ascii=False)
        return run("validate", self.write("c.json", text))

    def test_dates(self):
        for given, example in [("06.01.2022", "2022-01-06"), ("31/12/2023", "2023-12-31"), ("2023-2-3", "2023-02-03"),
                               ("1 March 2026", "2022-01-06")]:
            rc, out, err = self.validate(self.case_with(as_of=given))
            self.assertEqual(rc, 2)
            self.assertIn(f'as_of: "{given}" is not a valid date (expected YYYY-MM-DD, e.g. {example})', err)

    def test_amounts(self):
        hint = "amounts take no thousands separators and a point for decimals"
        for given, fix in [("350 000", "write 350000)"), ("350,000.50", "write 350000.50)"), ("350000,50", "write 350000.50)"),
                           ("1,500", "write 1500, or 1.500 if the comma marks decimals)"),
                           ("350\u00a0000", "write 350000)"), ("1.234.567,89", "write 1234567.89)"),
                           ("1,234,567", "write 1234567)"), ("1.234.567", "write 1234567)"), ("1 234.5", "write 1234.5)"),
                           ("-1,000,000", "write -1000000)")]:
            c = self.case_with()
            c["harms"][2]["amount"] = given
            rc, out, err = self.validate(c)
            self.assertEqual(rc, 2, given)
            self.assertIn("harms[2].amount: ", err)
            self.assertIn(f"is not a decimal number: {hint} ({fix}", err)
        # nothing to suggest for a word
        c = self.case_with()
        c["harms"][2]["amount"] = "lots"
        rc, out, err = self.validate(c)
        self.assertIn('"lots" is not a decimal number\n', err)

    def test_scheme_ids(self):
        rc, out, err = run("estimate", CASE, "--scheme", "kz-cp")
        self.assertEqual(rc, 2)
        self.assertIn('unknown scheme "kz-cp": did you mean kz-cpc', err)
        self.assertNotIn("run `reparations", err)
        rc, out, err = run("estimate", CASE, "--scheme", "nonsense-scheme")
        self.assertEqual(rc, 2)
        self.assertIn("(the schemes are: kz-cpc, kz-admin,", err)
        # ids are accepted whatever their case, and the estimate names the real id
        rc, out, err = run("estimate", CASE, "--scheme", "KZ-CPC", "--format", "json")
        self.assertEqual(rc, 0, err)
        self.assertEqual(json.loads(out)["estimates"][0]["scheme"], "kz-cpc")
        rc, out, err = run("compare", CASE, "--schemes", "Kz-Cpc,KZ-REFORM", "--format", "json")
        self.assertEqual(rc, 0, err)

    def test_options(self):
        rc, out, err = run("estimate", CASE, "--scheme", "kz-cpc", "--option", "kz-cpc.indexaton=cpi")
        self.assertEqual(rc, 2)
        self.assertIn("option kz-cpc.indexaton: unknown option: did you mean indexation?", err)
        rc, out, err = run("estimate", CASE, "--scheme", "kz-cpc", "--option", "kz-cp.indexation=cpi")
        self.assertEqual(rc, 2)
        self.assertIn('unknown scheme "kz-cp": did you mean kz-cpc', err)
        # an option given with the id in capitals applies to the scheme
        rc1, a, e1 = run("estimate", CASE, "--scheme", "kz-cpc", "--option", "KZ-CPC.indexation=cpi", "--format", "json")
        rc2, b, e2 = run("estimate", CASE, "--scheme", "kz-cpc", "--option", "kz-cpc.indexation=cpi", "--format", "json")
        self.assertEqual((rc1, a), (rc2, b), e1)
        # and a later assignment wins whatever the case of the id
        rc3, c, e3 = run("estimate", CASE, "--scheme", "kz-cpc", "--option", "KZ-CPC.indexation=mci",
                         "--option", "kz-cpc.indexation=cpi", "--format", "json")
        self.assertEqual((rc3, c), (rc2, b), e3)

    def test_cli_flags(self):
        for typed, meant in [("--fxfile", "--fx-file"), ("--as_of", "--as-of"), ("--Scheme-File", "--scheme-file"),
                             ("--schemes", "--scheme")]:
            rc, out, err = run("estimate", CASE, "--scheme", "kz-cpc", typed, "x")
            self.assertEqual(rc, 2)
            self.assertIn(f"unknown option {typed}: did you mean {meant}?", err)
        rc, out, err = run("estimate", CASE, "--scheme", "kz-cpc", "--colour", "x")
        self.assertIn("unknown option --colour (see `reparations estimate --help`)", err)

    def test_json_line_and_column(self):
        text = '{\n  "id": "x",\n  "currency": "KZT",,\n}\n'
        rc, out, err = self.validate(text)
        self.assertEqual(rc, 2)
        # yajl stops at or just after the bad token, so the column is that of the token or the next one
        self.assertRegex(err, r"line 3, column 2[12]\)")
        self.assertNotIn("byte", err)
        # columns count characters, not bytes
        text = '{"id": "ё",\n "description": "Жанаозен" x}'
        rc, out, err = self.validate(text)
        self.assertRegex(err, r"line 2, column 2[89]\)")

    def test_bom(self):
        with open(CASE, "rb") as f:
            case = f.read()
        rc, out, err = run("validate", self.write("bom.json", BOM + case))
        self.assertEqual(rc, 0, err)
        rc, scheme, err = run("schemes", "--export", "de-streg")
        self.assertEqual(rc, 0, err)
        path = self.write("s.json", BOM + scheme.encode())
        rc, out, err = run("estimate", CASE, "--scheme", "de-streg", "--scheme-file", path, "--fx", "EUR/KZT=520")
        self.assertEqual(rc, 0, err)
        series = self.write("mci.json", BOM + json.dumps({"id": "KZ.MCI", "name": "MCI", "unit": "KZT", "until": "2027-12-31", "points": [
            {"from": "2027-01-01", "value": "5000", "confidence": "unverified", "source": "test"}]}).encode())
        rc, out, err = run("refdata", "KZ.MCI", "--series-file", series)
        self.assertEqual(rc, 0, err)
        self.assertIn("5000", out)
        # an exchange-rate file saved by a Windows editor: the mark is skipped, the rate is used
        rates = self.write("rates.fx", BOM + b"EUR/KZT=600\n")
        rc, out, err = run("estimate", CASE, "--scheme", "de-streg", "--fx-file", rates, "--format", "json")
        self.assertEqual(rc, 0, err)
        self.assertIn('"600"', out)


if __name__ == "__main__":
    unittest.main(verbosity=2)
