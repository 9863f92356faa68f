"""The bundled example cases (examples/cases/): each validates, and each is
estimated under the route it illustrates with the outcome it is there to show.
Totals are pinned; where the arithmetic is short it is written out."""
import decimal
import glob
import json
import os
import subprocess
import unittest

BIN = os.environ.get("REPARATIONS_BIN", "reparations")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CASES = os.path.join(ROOT, "examples", "cases")

# file, scheme, eligible, total
ROUTES = [
    ("kz-acquittal.json", "kz-cpc", True, "4647857.14"),
    ("kz-amnesty-coerced.json", "kz-cpc", False, "0.00"),       # amnesty and the coerced confession both bar
    # 419 days x 9100 = 3812900; wages month by month: 300000 x [(25/31 + 2) x 3932/3063 + 9 x 3932/3180
    # + 6 x 3932/3450] = 6470768.80; 500000 x 3932/3180 = 618238.99; 120000 x 3932/3450 = 136765.22
    ("kz-amnesty-coerced.json", "kz-reform", True, "11038673.01"),
    ("kz-admin-arrest-protest.json", "kz-admin", True, "375000.00"),
    ("kz-soviet-repression.json", "kz-repression", True, "265824.00"),
    ("kz-torture-146.json", "kz-victims-fund", True, "110760.00"),
    ("de-acquittal.json", "de-streg", True, "46209.68"),
    # 2018-05-01..2024-04-30: 2192 days; USD 50,000 a year: 50000 x 2192 / 365 = 300,273.97
    ("us-federal-exoneration.json", "us-federal", True, "300273.97"),
    # 2013-09-01..2023-08-31: 3652 days at the maximum JPY 12,500 a day = 45,650,000
    ("jp-retrial-acquittal.json", "jp-cca", True, "45650000"),
    # filed (as_of) 2025-03-01, LOVS 2021 levels, day of release not counted: 3 x 130 + 59 x 100 = 6290
    ("nl-dismissal.json", "nl-lovs", True, "6290.00"),
    ("uk-quashed.json", "uk-cja", True, "500000.00"),
    # 2019-08-01..2023-07-31: 1461 days; NZD 100,000 a year: 100000 x 1461 / 365 = 400,273.97
    ("nz-pardon-innocent.json", "nz-guidelines", True, "400273.97"),
    # assessed non-pecuniary CAD 100,000 + lost earnings 4,200 x 60 months = 252,000
    ("ca-wrongful-conviction.json", "ca-guidelines", True, "352000.00"),
    ("uz-acquittal.json", "uz-cpc", True, "46500000.00"),
]


def run(*args):
    p = subprocess.run([BIN, *args], capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


class ExampleCases(unittest.TestCase):
    def test_every_case_validates(self):
        files = sorted(glob.glob(os.path.join(CASES, "*.json")))
        self.assertGreaterEqual(len(files), 15)
        for f in files:
            rc, out, err = run("validate", f)
            self.assertEqual(rc, 0, f"{f}: {err}")

    def test_every_case_is_in_a_route(self):
        named = {r[0] for r in ROUTES} | {"acquitted-kz.json", "kz-activist.json"}
        for f in glob.glob(os.path.join(CASES, "*.json")):
            self.assertIn(os.path.basename(f), named, "a new example case needs its route here")

    def test_routes(self):
        for name, scheme, eligible, total in ROUTES:
            rc, out, err = run("estimate", os.path.join(CASES, name), "--scheme", scheme, "--format", "json")
            self.assertEqual(rc, 0, f"{name}: {err}")
            e = json.loads(out)["estimates"][0]
            self.assertEqual((e["eligible"], e["total"]), (eligible, total), f"{name} / {scheme}")
            self.assertEqual(sum(decimal.Decimal(l["amount"]) for l in e["lines"]), decimal.Decimal(e["total"]))
            if not eligible:
                self.assertTrue(any(f["bars"] for f in e["findings"]), f"{name}: a barred estimate says why")

    def test_amnesty_bars_on_both_grounds(self):
        rc, out, err = run("estimate", os.path.join(CASES, "kz-amnesty-coerced.json"), "--scheme", "kz-cpc",
                           "--format", "json")
        bars = [f["code"] for f in json.loads(out)["estimates"][0]["findings"] if f["bars"]]
        self.assertEqual(len(bars), 2, bars)


if __name__ == "__main__":
    unittest.main(verbosity=2)
