"""`reparations calc`: the time-value calculators on the command line.

Exact JSON values for pv, interest, index and annuity (the check values of
docs/time-value.md), and bad input: exit 2 with one line on stderr that
names the flag. The binary comes from REPARATIONS_BIN."""
import json
import os
import subprocess
import tempfile
import unittest

BIN = os.environ.get("REPARATIONS_BIN", "reparations")


def run(*args):
    p = subprocess.run([BIN, "calc", *args], capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def calc_json(*args):
    rc, out, err = run(*args, "--format", "json")
    if rc != 0:
        raise AssertionError(f"exit {rc}: {err}")
    return json.loads(out)


class TestPv(unittest.TestCase):
    def test_growing_annuity(self):
        # W1 = 50,000, g = 3 %, d = 5 %, N = 20 (research §4.4)
        j = calc_json("pv", "--amount", "50000", "--years", "20", "--rate", "0.05", "--growth", "3%")
        self.assertEqual(j["present_value"], "798239.18")
        self.assertEqual(j["multiplier"], "15.964784")
        self.assertEqual(j["timing"], "end")
        self.assertEqual(j["undiscounted"], "1343518.72")
        j = calc_json("pv", "--amount", "50000", "--years", "20", "--rate", "5%", "--growth", "0.03",
                      "--timing", "mid")
        self.assertEqual(j["present_value"], "817951.75")

    def test_ogden(self):
        # Ogden Table 36: 20 years at -0.25 % and +0.5 %
        for rate, want, mult in (("-0.25%", "20.51", "20.509086"), ("0.5%", "19.03", "19.034848")):
            j = calc_json("pv", "--amount", "1", "--years", "20", "--rate", rate, "--timing", "continuous")
            self.assertEqual(j["present_value"], want)
            self.assertEqual(j["multiplier"], mult)
        j = calc_json("pv", "--amount", "100000", "--years", "5", "--rate", "-0.0025", "--timing", "continuous")
        self.assertEqual(j["present_value"], "503142.01")
        self.assertEqual(j["multiplier"], "5.031420")

    def test_zero_rate_and_text(self):
        j = calc_json("pv", "--amount", "1000", "--years", "2.5", "--rate", "0")
        self.assertEqual(j["present_value"], "2500.00")
        rc, out, err = run("pv", "--amount", "1000", "--years", "10", "--rate", "4%", "--growth", "4%")
        self.assertEqual(rc, 0, err)
        self.assertIn("present_value: 9615.38", out)


class TestInterest(unittest.TestCase):
    def test_ecthr_fixed(self):
        # EUR 7,500 at 5.40 % simple for 100 days = 110.96
        j = calc_json("interest", "--amount", "7500", "--from", "2025-07-01", "--to", "2025-10-09",
                      "--rate", "5.40%")
        self.assertEqual(j["interest"], "110.96")
        self.assertEqual(j["days"], 100)
        self.assertEqual(j["rate"], "0.054")
        self.assertEqual(len(j["periods"]), 1)

    def test_ecthr_series(self):
        # ECB.MLF + 3 points across three rate changes and a year end:
        # 10000 x (0.0665 x 17 + 0.064 x 14 + 0.064 x 35 + 0.0615 x 10) / 365 = 133.74
        j = calc_json("interest", "--amount", "10000", "--from", "2024-12-01", "--to", "2025-02-15",
                      "--series", "ECB.MLF", "--margin", "3%")
        self.assertEqual(j["interest"], "133.74")
        self.assertEqual(j["days"], 76)
        self.assertEqual([p["days"] for p in j["periods"]], [17, 14, 35, 10])
        self.assertEqual([p["rate"] for p in j["periods"]], ["0.0665", "0.064", "0.064", "0.0615"])
        self.assertEqual(j["periods"][1]["to"], "2025-01-01")
        self.assertEqual([p["value"] for p in j["points"]], ["3.65", "3.40", "3.15"])
        for p in j["points"]:
            self.assertEqual(p["series"], "ECB.MLF")
            self.assertTrue(p["source"])

    def test_grace_and_bases(self):
        # judgment 2025-03-10 + 3 months: 1 day at 5.65 %, 99 at 5.40 % -> 111.01
        j = calc_json("interest", "--amount", "7500", "--from", "2025-03-10", "--to", "2025-09-18",
                      "--series", "ECB.MLF", "--margin", "0.03", "--grace-months", "3")
        self.assertEqual(j["interest"], "111.01")
        self.assertEqual(j["start"], "2025-06-10")
        self.assertEqual(j["days"], 100)
        # 1000 at 10 % over 2024 and 2025, compounded at 31 December, act/act: exactly 210
        j = calc_json("interest", "--amount", "1000", "--from", "2024-01-01", "--to", "2026-01-01",
                      "--rate", "10%", "--basis", "actact", "--compound")
        self.assertEqual(j["interest"], "210.00")
        self.assertEqual([p["year_days"] for p in j["periods"]], [366, 365])
        # 30/360: 3600 at 12 % from 2024-01-31 to 2024-03-31 is 60 days -> 72.00
        j = calc_json("interest", "--amount", "3600", "--from", "2024-01-31", "--to", "2024-03-31",
                      "--rate", "0.12", "--basis", "30360")
        self.assertEqual(j["interest"], "72.00")


class TestIndex(unittest.TestCase):
    def test_mci(self):
        # 100,000 x 4325 / 3450 = 125,362.32
        j = calc_json("index", "--amount", "100000", "--from", "2023-05-01", "--to", "2026-03-01",
                      "--series", "KZ.MCI")
        self.assertEqual(j["indexed"], "125362.32")
        self.assertEqual(j["kind"], "ratio")
        self.assertEqual([p["value"] for p in j["points"]], ["3450", "4325"])
        j = calc_json("index", "--amount", "100000", "--from", "2023-05-01", "--to", "2026-03-01",
                      "--method", "mci")
        self.assertEqual(j["indexed"], "125362.32")

    def test_cpi_loaded_series(self):
        # a user file replaces KZ.CPI_DEC for 2022..2024 with 20 %, 10 %, 5 %:
        # 1000 x 1.32 x (1 + 0.05 x 91/366) / (1 + 0.20 x 181/365) = 1215.83
        csv = ("# id: KZ.CPI_DEC\n# unit: percent\n# until: 2024-12-31\nfrom,value,confidence,source\n"
               "2022-01-01,20,verified,test\n2023-01-01,10,verified,test\n2024-01-01,5,verified,test\n")
        fd, path = tempfile.mkstemp(suffix=".csv")
        try:
            with os.fdopen(fd, "w") as f:
                f.write(csv)
            j = calc_json("index", "--amount", "1000", "--from", "2022-07-01", "--to", "2024-04-01",
                          "--series", "KZ.CPI_DEC", "--series-file", path)
            self.assertEqual(j["indexed"], "1215.83")
            self.assertEqual(j["kind"], "annual_rates")
            self.assertEqual(j["factor"], "1.2158264959")
            self.assertEqual(len(j["points"]), 3)
            j = calc_json("index", "--amount", "1000", "--from", "2022-01-01", "--to", "2025-01-01",
                          "--method", "cpi", "--series-file", path)
            self.assertEqual(j["indexed"], "1386.00")
        finally:
            os.unlink(path)


class TestAnnuity(unittest.TestCase):
    def test_texas(self):
        j = calc_json("annuity", "--amount", "800000", "--years", "40", "--rate", "5%",
                      "--convention", "nominal_monthly")
        self.assertEqual(j["monthly_payment"], "3857.57")
        j = calc_json("annuity", "--amount", "800000", "--years", "40", "--rate", "5%")
        self.assertEqual(j["monthly_payment"], "3798.92")
        self.assertEqual(j["convention"], "effective_annual")


class TestErrors(unittest.TestCase):
    def check(self, flag, *args):
        rc, out, err = run(*args)
        self.assertEqual(rc, 2, err)
        self.assertEqual(out, "")
        self.assertEqual(err.count("\n"), 1, err)
        self.assertTrue(err.startswith(f"reparations: {flag}: "), err)
        return err

    def test_bare_rate_of_one_or_more(self):
        err = self.check("--rate", "pv", "--amount", "1", "--years", "5", "--rate", "5")
        self.assertIn("5%", err)

    def test_bad_values(self):
        self.check("--amount", "pv", "--amount", "1,000", "--years", "5", "--rate", "0.05")
        self.check("--years", "pv", "--amount", "1", "--years", "1001", "--rate", "0.05")
        self.check("--timing", "pv", "--amount", "1", "--years", "5", "--rate", "0.05", "--timing", "start")
        self.check("--from", "interest", "--amount", "1", "--from", "2023-02-30", "--to", "2024-01-01",
                   "--rate", "0.05")
        self.check("--to", "interest", "--amount", "1", "--from", "2024-01-01", "--to", "2023-01-01",
                   "--rate", "0.05")
        self.check("--basis", "interest", "--amount", "1", "--from", "2023-01-01", "--to", "2024-01-01",
                   "--rate", "0.05", "--basis", "act360")
        self.check("--margin", "interest", "--amount", "1", "--from", "2023-01-01", "--to", "2024-01-01",
                   "--rate", "0.05", "--margin", "0.03")
        self.check("--rate", "interest", "--amount", "1", "--from", "2023-01-01", "--to", "2024-01-01")
        self.check("--grace-months", "interest", "--amount", "1", "--from", "2023-01-01", "--to",
                   "2024-01-01", "--rate", "0.05", "--grace-months", "three")
        self.check("--compound", "pv", "--amount", "1", "--years", "5", "--rate", "0.05", "--compound")
        self.check("--series", "index", "--amount", "1", "--from", "2023-01-01", "--to", "2024-01-01",
                   "--series", "KZ.NOPE")
        self.check("--years", "annuity", "--amount", "1", "--years", "1.01", "--rate", "0.05")

    def test_dates_outside_series(self):
        err = self.check("--from", "index", "--amount", "1", "--from", "1999-05-01", "--to", "2020-01-01",
                         "--series", "KZ.MCI")
        self.assertIn("KZ.MCI has no value for 1999-05-01", err)
        err = self.check("--to", "interest", "--amount", "1", "--from", "2025-01-01", "--to", "2030-01-01",
                         "--series", "ECB.MLF")
        self.assertIn("ECB.MLF has no value", err)

    def test_help(self):
        for sub in ("pv", "interest", "index", "annuity"):
            rc, out, err = run(sub, "--help")
            self.assertEqual(rc, 0)
            self.assertIn(f"usage: reparations calc {sub}", out)
        rc, out, err = run("--help")
        self.assertEqual(rc, 0)
        self.assertIn("present_value", out)
        rc, out, err = run("future")
        self.assertEqual(rc, 2)


if __name__ == "__main__":
    unittest.main()
