"""docs/case.schema.json (JSON Schema draft 2020-12), the case format for
systems that generate case files: it is a valid schema; every bundled and
test case, and every case the library writes (rep_case_to_json, through the
builder example), validates against it; and on the catalogue of bad inputs
it rejects what the reader rejects, except the checks a schema cannot
express, listed here one by one so that any drift shows."""
import glob
import json
import os
import subprocess
import tempfile
import unittest

import jsonschema

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLES_BIN = os.environ.get("EXAMPLES_DIR", "")

# Bad case files the reader rejects and a schema cannot: why, for each.
BEYOND_A_SCHEMA = {
    "discount-minus-one.json": "a rate must be > -1: a numeric bound on a decimal string",
    "years-too-many.json": "at most 100 years: a numeric bound on a decimal string",
    "duplicate-nested-key.json": "duplicate keys: JSON parsers keep the last one before a schema sees them",
    "duplicate-top-key.json": "duplicate keys, as above",
    "earnings-end-before-start.json": "the order of two dates",
    "end-before-start.json": "the order of two dates",
    "feb-30.json": "a day the month does not have",
    "future-detention.json": "a date after as_of (or today)",
    "future-harm-date.json": "a date after as_of",
    "huge-integer.json": "the magnitude of a JSON number (1e-30..1e30)",
    "exponent-bomb-number.json": "the magnitude of a JSON number, as above",
    "gap-in-reference-data.json": "reference data missing for a date: the case itself is valid",
    "option-bad-choice.json": "a scheme option, not part of the case",
    "option-not-decimal.json": "a scheme option",
    "option-other-scheme.json": "a scheme option",
    "option-out-of-range.json": "a scheme option",
    "option-unknown.json": "a scheme option",
    "unknown-scheme.json": "the scheme asked for, not the case",
}


def load(path):
    with open(path, encoding="utf-8-sig") as f:
        return json.load(f)


class Schema(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.schema = load(os.path.join(ROOT, "docs", "case.schema.json"))
        jsonschema.Draft202012Validator.check_schema(cls.schema)
        cls.v = jsonschema.Draft202012Validator(cls.schema)

    def test_draft(self):
        self.assertEqual(self.schema["$schema"], "https://json-schema.org/draft/2020-12/schema")

    def test_every_good_case_validates(self):
        files = sorted(glob.glob(os.path.join(ROOT, "examples", "cases", "*.json")) +
                       [f for f in glob.glob(os.path.join(ROOT, "tests", "cases", "*.json")) if ".expected." not in f])
        self.assertGreater(len(files), 40)
        for f in files:
            errors = [f"{list(e.path)}: {e.message}" for e in self.v.iter_errors(load(f))]
            self.assertEqual(errors, [], f)

    @unittest.skipUnless(EXAMPLES_BIN, "needs the built C examples")
    def test_what_the_library_writes_validates(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "built.json")
            subprocess.run([os.path.join(EXAMPLES_BIN, "build_case"), out], check=True, capture_output=True)
            doc = load(out)
        self.assertEqual([e.message for e in self.v.iter_errors(doc)], [])

    def test_rejects_what_the_reader_rejects(self):
        rejected, accepted = [], []
        for f in sorted(glob.glob(os.path.join(ROOT, "tests", "bad", "*.json"))):
            with open(f[:-5] + ".expect", encoding="utf-8") as e:
                if "kind: case" not in e.read():
                    continue
            try:
                doc = load(f)
            except (ValueError, UnicodeDecodeError):
                continue  # not JSON at all: no schema is asked
            (accepted if self.v.is_valid(doc) else rejected).append(os.path.basename(f))
        self.assertEqual(sorted(accepted), sorted(BEYOND_A_SCHEMA), "schema and reader disagree")
        self.assertGreater(len(rejected), 40)

    def test_a_few_by_hand(self):
        base = {"id": "x", "currency": "KZT"}
        self.assertTrue(self.v.is_valid(base))
        for bad in [{"id": "x"}, {"id": "x", "currency": "XXX"}, dict(base, as_of="06.01.2022"),
                    dict(base, harms=[{"category": "legal_costs", "amount": "350 000"}]),
                    dict(base, harms=[{"category": "legal_costs", "amount": "-5"}]),
                    dict(base, harms=[{"category": "legal_costs", "monthly": "5"}]),
                    dict(base, detentions=[{"kind": "prison"}]),
                    dict(base, torture={"cc146_part": 4}),
                    dict(base, colour="red")]:
            self.assertFalse(self.v.is_valid(bad), bad)


if __name__ == "__main__":
    unittest.main(verbosity=2)
