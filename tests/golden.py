"""Golden cases: each tests/cases/NAME.expected.json names an input case and,
per scheme, the figures the estimate must show. The runner calls the CLI
(`reparations estimate CASE --scheme ID --format json`) and compares: the
fields given must match exactly (a subset match: what is not named is not
checked), lines are compared in order, and every line's amount must come
with the arithmetic that produced it ("arithmetic" key, for the reader).
It also checks that printed lines add up to the printed total."""
import decimal
import glob
import json
import os
import subprocess
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
BIN = os.environ.get("REPARATIONS_BIN", "reparations")


def run_cli(*args):
    p = subprocess.run([BIN, *args], capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def subset_mismatch(expected, actual, path="$"):
    """The first place where `expected` is not found in `actual`, or None."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return f"{path}: expected an object, got {actual!r}"
        for k, v in expected.items():
            if k == "arithmetic":
                continue
            if k not in actual:
                return f"{path}.{k}: missing"
            m = subset_mismatch(v, actual[k], f"{path}.{k}")
            if m:
                return m
        return None
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            n = len(actual) if isinstance(actual, list) else "not a list"
            return f"{path}: expected {len(expected)} items, got {n}"
        for i, (e, a) in enumerate(zip(expected, actual)):
            m = subset_mismatch(e, a, f"{path}[{i}]")
            if m:
                return m
        return None
    if expected != actual:
        return f"{path}: expected {expected!r}, got {actual!r}"
    return None


class Golden(unittest.TestCase):
    pass


def make_test(spec_path):
    def test(self):
        with open(spec_path, encoding="utf-8") as f:
            spec = json.load(f)
        case = os.path.join(HERE, "cases", spec["case"])
        for exp in spec["estimates"]:
            args = ["estimate", case, "--scheme", exp["scheme"], "--format", "json"]
            for opt in spec.get("options", []) + exp.get("options", []):
                args += ["--option", opt]
            for fx in spec.get("fx", []):
                args += ["--fx", fx]
            rc, out, err = run_cli(*args)
            self.assertEqual(rc, 0, f"{exp['scheme']}: exit {rc}: {err}")
            got = json.loads(out)["estimates"][0]
            for line in exp.get("lines", []):
                if "amount" in line:
                    self.assertIn("arithmetic", line, f"{spec_path}: every expected amount shows its arithmetic")
            want = {k: v for k, v in exp.items() if k not in ("options",)}
            mismatch = subset_mismatch(want, got)
            self.assertIsNone(mismatch, f"{os.path.basename(spec_path)} / {exp['scheme']}: {mismatch}")
            total = sum(decimal.Decimal(l["amount"]) for l in got["lines"])
            self.assertEqual(total, decimal.Decimal(got["total"]), f"{exp['scheme']}: lines do not add up")
    return test


for spec in sorted(glob.glob(os.path.join(HERE, "cases", "*.expected.json"))):
    name = "test_" + os.path.basename(spec)[: -len(".expected.json")].replace("-", "_")
    setattr(Golden, name, make_test(spec))

if __name__ == "__main__":
    unittest.main(verbosity=2)
