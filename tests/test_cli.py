"""The `reparations` command line: contract names, exit statuses and the
one-line error messages that name the file and the field."""
import json
import os
import subprocess
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BIN = os.environ.get("REPARATIONS_BIN", "reparations")
EXAMPLE = os.path.join(ROOT, "examples", "cases", "acquitted-kz.json")

BASE = {
    "id": "t", "currency": "EUR", "as_of": "2026-03-01",
    "proceedings": {"kind": "criminal", "outcome": "acquitted", "decision_date": "2023-05-02"},
    "detentions": [{"kind": "pretrial_custody", "start": "2023-01-01", "end": "2023-01-10"}],
    "harms": [],
}


def run(*args, stdin=None):
    p = subprocess.run([BIN, *args], capture_output=True, text=True, input=stdin)
    return p.returncode, p.stdout, p.stderr


class CaseFile:
    """A temporary case file from raw text."""

    def __init__(self, text):
        self.text = text

    def __enter__(self):
        fd, self.path = tempfile.mkstemp(suffix=".json")
        with os.fdopen(fd, "wb") as f:
            f.write(self.text if isinstance(self.text, bytes) else self.text.encode())
        return self.path

    def __exit__(self, *exc):
        os.unlink(self.path)


def with_change(**kw):
    case = json.loads(json.dumps(BASE))
    for k, v in kw.items():
        case[k] = v
    return json.dumps(case)


class TestCli(unittest.TestCase):
    def bad(self, text, expected_message, *extra):
        with CaseFile(text) as path:
            rc, out, err = run("estimate", path, "--scheme", "de-streg", *extra)
        self.assertEqual(rc, 2, err)
        self.assertEqual(out, "")
        self.assertEqual(err.count("\n"), 1, "one line on stderr")
        self.assertTrue(err.startswith("reparations: " + path + ": "), err)
        self.assertIn(expected_message, err)

    def test_version_and_help(self):
        rc, out, _ = run("--version")
        self.assertEqual(rc, 0)
        self.assertRegex(out, r"^reparations \d+\.\d+\.\d+\n$")
        for cmd in ("estimate", "compare", "schemes", "validate", "refdata"):
            rc, out, _ = run(cmd, "--help")
            self.assertEqual(rc, 0, cmd)
            self.assertIn("usage: reparations " + cmd, out)

    def test_estimate_json_contract(self):
        rc, out, err = run("estimate", EXAMPLE, "--scheme", "de-streg", "--scheme", "us-federal",
                           "--format", "json", "--fx", "EUR/KZT=500", "--fx", "USD/KZT=450")
        self.assertEqual(rc, 0, err)
        doc = json.loads(out)
        self.assertEqual(doc["case"], "case-001")
        self.assertEqual([e["scheme"] for e in doc["estimates"]], ["de-streg", "us-federal"])
        for e in doc["estimates"]:
            for key in ("scheme", "currency", "eligible", "findings", "lines", "total"):
                self.assertIn(key, e)
            for line in e["lines"]:
                for key in ("head", "label", "basis", "formula", "amount"):
                    self.assertIn(key, line)

    def test_formats(self):
        for fmt, marker in (("table", "TOTAL EUR"), ("csv", "case,scheme,currency"), ("markdown", "| # | Item")):
            rc, out, err = run("estimate", EXAMPLE, "--scheme", "de-streg", "--format", fmt, "--fx", "EUR/KZT=500")
            self.assertEqual(rc, 0, err)
            self.assertIn(marker, out)

    def test_unknown_scheme(self):
        rc, out, err = run("estimate", EXAMPLE, "--scheme", "xx-none")
        self.assertEqual(rc, 2)
        self.assertIn('unknown scheme "xx-none"', err)

    def test_bad_option(self):
        rc, _, err = run("estimate", EXAMPLE, "--scheme", "de-streg", "--option", "de-streg.nothing=1")
        self.assertEqual(rc, 2)
        self.assertIn("option de-streg.nothing: unknown option", err)
        rc, _, err = run("estimate", EXAMPLE, "--scheme", "de-streg", "--option", "garbage")
        self.assertEqual(rc, 2)
        self.assertIn("SCHEME.NAME=VALUE", err)

    def test_invalid_date(self):
        dets = [{"kind": "pretrial_custody", "start": "2023-01-01", "end": "2023-01-10"},
                {"kind": "prison", "start": "2023-01-11", "end": "2023-02-30"}]
        self.bad(with_change(detentions=dets), "detentions[1].end: 2023-02-30 is not a valid date")

    def test_negative_amount(self):
        harms = [{"category": "lost_earnings", "monthly": "-5", "start": "2023-01-01", "end": "2023-02-01"}]
        self.bad(with_change(harms=harms), 'harms[0].monthly: "-5" must not be negative')

    def test_end_before_start(self):
        dets = [{"kind": "prison", "start": "2021-03-01", "end": "2021-01-01"}]
        self.bad(with_change(detentions=dets), "detentions[0]: end 2021-01-01 is before start 2021-03-01")

    def test_unknown_key(self):
        self.bad(with_change(colour="red"), "colour: unknown key")

    def test_unknown_enum(self):
        self.bad(with_change(proceedings={"kind": "criminal", "outcome": "forgiven"}),
                 'proceedings.outcome: unknown value "forgiven"')

    def test_wrong_type(self):
        self.bad(with_change(as_of=20260301), "as_of: expected a date string YYYY-MM-DD, got a number")

    def test_duplicate_key(self):
        text = with_change()[:-1] + ', "currency": "KZT"}'
        self.bad(text, "currency: duplicate key")

    def test_invalid_utf8(self):
        text = with_change(id="x").replace('"id": "x"', '"id": "\xff\xfe"').encode("latin-1")
        self.bad(text, "id: invalid UTF-8 in a string")

    def test_deep_nesting(self):
        self.bad('{"id": ' + "[" * 40 + "]" * 40 + "}", "nesting deeper than 32 levels")

    def test_number_amounts_exact(self):
        harms = [{"category": "legal_costs", "amount": 1000.005, "date": "2023-02-01"}]
        with CaseFile(with_change(harms=harms)) as path:
            rc, out, err = run("estimate", path, "--scheme", "de-streg", "--format", "json")
        self.assertEqual(rc, 0, err)
        lines = json.loads(out)["estimates"][0]["lines"]
        # 1000.005 read from its lexeme, rounded half-up once: 1000.01 (a double would give 1000.00)
        self.assertEqual([l["amount"] for l in lines if l["head"] == "legal_costs"], ["1000.01"])

    def test_fx_conversion_and_missing_rate(self):
        harms = [{"category": "property", "amount": "500000", "date": "2023-01-05"}]
        text = with_change(currency="KZT", harms=harms)
        with CaseFile(text) as path:
            rc, out, err = run("estimate", path, "--scheme", "de-streg", "--format", "json", "--fx", "EUR/KZT=500")
            self.assertEqual(rc, 0, err)
            e = json.loads(out)["estimates"][0]
            prop = [l for l in e["lines"] if l["head"] == "property"][0]
            # 500,000 KZT / 500 KZT per EUR = 1,000.00 EUR, and the rate is shown
            self.assertEqual(prop["amount"], "1000.00")
            self.assertIn("1 EUR = 500 KZT", prop["adjustment"])
            self.assertIn("FX KZT/EUR", [r["series"] for r in e["refdata"]])
        # valued after every built-in EUR/KZT point: --strict-data refuses to extrapolate ...
        with CaseFile(with_change(currency="KZT", harms=harms, as_of="2099-03-01")) as path:
            rc, out, err = run("estimate", path, "--scheme", "de-streg", "--strict-data")
            self.assertEqual(rc, 2)
            self.assertIn("no exchange rate KZT/EUR for 2099-03-01", err)
            # ... and by default the latest point is used, with a warning saying how to give a rate
            rc, out, err = run("estimate", path, "--scheme", "de-streg", "--format", "json")
            self.assertEqual(rc, 0, err)
            warnings = json.loads(out)["estimates"][0]["warnings"]
            self.assertTrue(any("FX.EUR_KZT ends on" in w and "--fx-file" in w for w in warnings), warnings)

    def test_fx_cross_rate_through_any_currency(self):
        # a USD amount into a EUR scheme through KZT: 1000 x 480.25 / 520.50 = 922.6705... -> 922.67;
        # valued in 2099, after every built-in series, so only the user's rates are current
        harms = [{"category": "legal_costs", "amount": "1000", "date": "2023-01-05"}]
        with CaseFile(with_change(currency="USD", harms=harms, as_of="2099-01-01")) as path:
            rc, out, err = run("estimate", path, "--scheme", "de-streg", "--format", "json",
                               "--fx", "EUR/KZT=520.50", "--fx", "USD/KZT=480.25")
            self.assertEqual(rc, 0, err)
            e = json.loads(out)["estimates"][0]
            line = [l for l in e["lines"] if l["head"] == "legal_costs"][0]
            self.assertEqual(line["amount"], "922.67")
            self.assertIn("cross rate via KZT", line["adjustment"])
            series = [r["series"] for r in e["refdata"]]
            self.assertIn("FX USD/KZT", series)
            self.assertIn("FX KZT/EUR", series)

    def test_compare_report_currency(self):
        rc, out, err = run("compare", EXAMPLE, "--schemes", "de-streg,us-federal", "--report-currency", "EUR",
                           "--format", "json", "--fx", "EUR/KZT=500", "--fx", "EUR/USD=1.25")
        self.assertEqual(rc, 0, err)
        rows = json.loads(out)["comparison"]
        self.assertEqual([r["scheme"] for r in rows], ["de-streg", "us-federal"])
        us = rows[1]
        # US federal: 483 days x 50,000/365 = 66,164.38 USD; / 1.25 = 52,931.504 -> 52,931.50 EUR
        self.assertEqual(us["total"], "66164.38")
        self.assertEqual(us["report_total"], "52931.50")
        self.assertEqual(us["days"], 483)

    def test_validate(self):
        rc, out, _ = run("validate", EXAMPLE)
        self.assertEqual(rc, 0)
        self.assertIn('valid case "case-001"', out)
        rc, _, err = run("validate", "/nonexistent/case.json")
        self.assertEqual(rc, 2)
        self.assertIn("/nonexistent/case.json: cannot open", err)

    def test_output_file_is_atomic(self):
        with tempfile.TemporaryDirectory() as d:
            target = os.path.join(d, "out.json")
            rc, _, err = run("estimate", EXAMPLE, "--scheme", "de-streg", "--format", "json", "-o", target,
                             "--fx", "EUR/KZT=500")
            self.assertEqual(rc, 0, err)
            self.assertEqual(json.load(open(target))["case"], "case-001")
            bad = os.path.join(d, "bad.json")
            rc, _, _ = run("estimate", EXAMPLE, "--scheme", "xx-none", "-o", bad)
            self.assertEqual(rc, 2)
            self.assertEqual(os.listdir(d), ["out.json"])

    def test_schemes_json(self):
        rc, out, _ = run("schemes", "--format", "json")
        self.assertEqual(rc, 0)
        ids = [s["id"] for s in json.loads(out)["schemes"]]
        for sid in ("de-streg", "de-streg-draft-2024", "us-federal"):
            self.assertIn(sid, ids)


if __name__ == "__main__":
    unittest.main(verbosity=2)
