"""reparations.batch and reparations.sweep: rows in input order, bad cases as
rows, values computed by hand, the same figures as the CLI. The pandas checks
are skipped when pandas is not importable by this Python."""
import csv
import datetime
import io
import json
import os
import pickle
import subprocess
import tempfile
import unittest
from decimal import Decimal

import reparations

BIN = os.environ.get("REPARATIONS_BIN")


def case(cid, days=10, currency="EUR", harms=()):
    """Pre-trial custody from 2023-03-01 for `days` days (at most 31)."""
    return {"id": cid, "currency": currency, "as_of": "2026-03-01",
            "proceedings": {"kind": "criminal", "outcome": "acquitted", "decision_date": "2023-06-01",
                            "conviction": {}, "acquitted_on_retrial": True},
            "detentions": [{"kind": "pretrial_custody", "start": "2023-03-01", "end": f"2023-03-{days:02d}"}],
            "harms": list(harms)}


def have_pandas():
    try:
        import pandas  # noqa: F401
        return True
    except ImportError:
        return False


class Batch(unittest.TestCase):
    def test_values_and_order(self):
        cases = [case(f"c{i}", 1 + i % 31) for i in range(500)]
        one = reparations.batch(cases, ["de-streg", "us-federal"]).collect()
        two = reparations.batch(iter(cases), ("de-streg", "us-federal"), jobs=2).collect()
        self.assertEqual(len(one), 1000)
        self.assertEqual(list(one), list(two))
        self.assertEqual([r.index for r in one][:6], [0, 0, 1, 1, 2, 2])
        r = one[18]  # c9: 10 days
        self.assertEqual((r.case, r.scheme, r.ok, r.eligible, r.days), ("c9", "de-streg", True, True, 10))
        # StrEG § 7(3): 10 x EUR 75 = 750.00, all of it the liberty head, non-pecuniary
        self.assertEqual(r.total, Decimal("750.00"))
        self.assertIsInstance(r.total, Decimal)
        self.assertEqual(r.heads, {"liberty": Decimal("750.00")})
        self.assertEqual((r.total_non_pecuniary, r.total_pecuniary, r.per_day),
                         (Decimal("750.00"), Decimal("0.00"), Decimal("75.00")))
        # 28 U.S.C. § 2513(e): 10 x 50,000 / 365 = 1,369.863... -> 1,369.86
        self.assertEqual((one[19].scheme, one[19].currency, one[19].total), ("us-federal", "USD", Decimal("1369.86")))
        self.assertIsNone(one[0].line)
        self.assertIsNone(one[0].lines)
        self.assertEqual(one[0].warnings, 0)

    def test_bad_cases_are_rows(self):
        kz = case("kz", 10, "CHF", [{"category": "legal_costs", "amount": "800000", "date": "2026-02-01"}])
        cases = [case("a"), '{"id": "broken", "currency": ',
                 {"id": "bad-date", "currency": "EUR", "detentions": [{"kind": "prison", "start": "2023-02-30"}]},
                 kz, case("z", 20)]
        rows = reparations.batch(cases, ["de-streg", "nope"]).collect()
        self.assertEqual([(r.index, r.scheme, r.status) for r in rows], [
            (0, "de-streg", "ok"), (0, "nope", "not_found"), (1, None, "syntax"), (2, None, "range"),
            (3, "de-streg", "no_data"), (3, "nope", "not_found"), (4, "de-streg", "ok"), (4, "nope", "not_found")])
        self.assertEqual(rows[3].case, "bad-date")
        self.assertEqual(rows[3].error_path, "detentions[0].start")
        self.assertIsInstance(rows[3].error(), reparations.InvalidCase)
        self.assertIsInstance(rows[1].error(), reparations.UnknownScheme)
        self.assertIsInstance(rows[4].error(), reparations.MissingReferenceData)
        self.assertIn("CHF/EUR", rows[4].error_message)
        self.assertIsNone(rows[0].error())
        self.assertEqual(rows[6].total, Decimal("1500.00"))  # 20 x 75
        self.assertEqual(len(reparations.batch(cases, "de-streg").collect().failures), 3)

    def test_jsonl_file(self):
        data = (json.dumps(case("a")) + "\n\n" + "{oops\n").encode() + b'{"id": "caf\xe9"}\n' + \
            b'{"id": "' + b"x" * (3 << 20) + b'"}\n' + (json.dumps(case("b", 2)) + "\r\n").encode()
        fd, path = tempfile.mkstemp(suffix=".jsonl")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            rows = list(reparations.batch(path, "de-streg", jobs=2))
            self.assertEqual([(r.line, r.index, r.status) for r in rows],
                             [(1, 0, "ok"), (3, 1, "syntax"), (4, 2, "syntax"), (5, 3, "limit"), (6, 4, "ok")])
            self.assertIn("UTF-8", rows[2].error_message)
            self.assertEqual(rows[4].total, Decimal("150.00"))  # 2 x 75
            with open(path, "rb") as f:
                self.assertEqual(list(reparations.batch(f, "de-streg")), rows)
            with open(path, encoding="utf-8", errors="replace") as f:
                with self.assertRaises(TypeError):
                    reparations.batch(f, "de-streg")
            if BIN:  # the same rows as `reparations batch`
                out = subprocess.run([BIN, "batch", path, "--scheme", "de-streg", "-q"], capture_output=True,
                                     text=True).stdout
                cli = list(csv.DictReader(io.StringIO(out)))
                self.assertEqual([(int(c["line"]), c["status"], c["total"]) for c in cli],
                                 [(r.line, r.status, r._t[9] or "") for r in rows])
        finally:
            os.unlink(path)

    def test_many_chunks_stream(self):
        produced = []

        def gen():
            for i in range(10000):
                produced.append(i)
                yield case(f"g{i}", 1 + i % 31)
        run = reparations.batch(gen(), "de-streg", jobs=2)
        first = next(run)
        self.assertEqual(first.total, Decimal("75.00"))  # 1 day x 75
        self.assertLess(len(produced), 10000)            # streamed by chunks, not read whole
        rest = list(run)
        self.assertEqual(len(rest), 9999)
        self.assertEqual(rest[-1].index, 9999)
        self.assertEqual(rest[-1].total, Decimal(75 * (1 + 9999 % 31)))

    def test_lines(self):
        rows = reparations.batch([case("a", 10)], "de-streg", fields="lines").collect()
        (line,) = rows[0].lines
        self.assertEqual((line.head, line.quantity, line.amount), ("liberty", "10", Decimal("750.00")))
        self.assertTrue(line.basis)

    def test_bad_arguments(self):
        with self.assertRaises(TypeError):
            reparations.batch(case("a"), "de-streg")
        with self.assertRaises(ValueError):
            reparations.batch([case("a")], "de-streg", fields="all")
        with self.assertRaises(ValueError):
            reparations.batch([case("a")], [])
        with self.assertRaises(reparations.InvalidOption):
            list(reparations.batch([case("a")], "de-streg", options={"jp-cca.daily_rate": "5"}))
        with self.assertRaises(ValueError):
            list(reparations.batch([case("a")], "de-streg", jobs=1000))

    def test_to_pandas(self):
        res = reparations.batch([case("a"), case("b", 2)], ["de-streg", "us-federal"]).collect()
        if not have_pandas():
            with self.assertRaises(ImportError):
                res.to_pandas()
            self.skipTest("pandas is not importable by this Python")
        df = res.to_pandas()
        self.assertEqual(len(df), 4)
        self.assertEqual(list(df["total"]), [Decimal("750.00"), Decimal("1369.86"), Decimal("150.00"),
                                             Decimal("273.97")])  # 2 x 50,000 / 365 = 273.97
        self.assertEqual(list(df["scheme"])[:2], ["de-streg", "us-federal"])


class EstimateObjects(unittest.TestCase):
    """estimate() reads the C estimate through its accessors; Estimate(raw) reads the JSON.
    Every attribute must be the same either way."""

    FIELDS = ("case", "scheme", "name", "jurisdiction", "status", "currency", "as_of", "eligible", "findings",
              "lines", "totals", "total", "total_if_eligible", "range", "days", "per_day", "options", "refdata",
              "warnings", "notes", "citations")

    def test_same_as_from_json(self):
        root = os.environ.get("REPARATIONS_SOURCE_ROOT") or os.path.join(os.path.dirname(__file__), "..", "..", "..")
        acq = os.path.join(root, "examples", "cases", "acquitted-kz.json")
        calls = [(acq, "kz-cpc", {}), (acq, "kz-reform", {}), (acq, "de-streg", {"fx": {"EUR/KZT": "520"}}),
                 (acq, "intl-un", {"fx": {"EUR/KZT": "520"}}), (acq, "jp-cca", {"fx": {"JPY/KZT": "3.4"}}),
                 (case("a", 10), "us-federal", {}), (case("b", 3), "de-streg", {})]
        for c, scheme, kw in calls:
            with self.subTest(scheme=scheme):
                est = reparations.estimate(c, scheme, **kw)
                doc = json.loads(est.to_json())
                ref = reparations.Estimate(doc, est.case)
                for f in self.FIELDS:
                    self.assertEqual(getattr(est, f), getattr(ref, f), f)
                self.assertEqual(est, ref)
                self.assertEqual(pickle.loads(pickle.dumps(est)), est)


class Sweep(unittest.TestCase):
    def test_grid(self):
        res = reparations.sweep(case("s", 5), "de-streg", as_frame=False, jobs=2, vary={
            "detentions[0].end": (datetime.date(2023, 3, 10), "2023-05-10", "1m"),
            "option:jp-cca.daily_rate": [1000, 2000]})
        self.assertEqual(len(res), 6)
        self.assertEqual([r.point["detentions[0].end"] for r in res][::2], ["2023-03-10", "2023-04-10", "2023-05-10"])
        self.assertEqual(res[1].point["option:jp-cca.daily_rate"], "2000")
        # 10, 41, 71 days x EUR 75
        self.assertEqual([r.total for r in res][::2], [Decimal("750.00"), Decimal("3075.00"), Decimal("5325.00")])

    def test_days_step_and_invalid_point(self):
        res = reparations.sweep(case("s", 5), ["de-streg"], as_frame=False,
                                vary={"detentions[0].start": ("2023-03-04", "2023-03-08", datetime.timedelta(days=2))})
        self.assertEqual([r.status for r in res], ["ok", "invalid", "invalid"])  # the end is 03-05
        self.assertEqual(res[0].total, Decimal("150.00"))  # 03-04..03-05: 2 x 75
        self.assertEqual(res[2].error_path, "detentions[0]")

    def test_errors(self):
        with self.assertRaises(reparations.Error) as cm:
            reparations.sweep(case("s"), "de-streg", vary={"harms[0].amount": "1:2:1"})
        self.assertIn("0 harms", cm.exception.message)
        with self.assertRaises(reparations.Error) as cm:
            reparations.sweep(case("s"), "jp-cca", vary={"option:jp-cca.daily_rate": "0:2000000:1"})
        self.assertEqual(cm.exception.code, "limit")
        with self.assertRaises(TypeError):
            reparations.sweep(case("s"), "de-streg", vary={"harms[0].amount": (0.1, 1, 0.1)})
        with self.assertRaises(reparations.UnknownScheme):
            reparations.sweep(case("s"), "nope", vary={"as_of": ["2026-03-01"]})

    def test_frame(self):
        vary = {"detentions[0].end": "2023-03-10:2023-03-20:5d"}
        if not have_pandas():
            self.assertIsInstance(reparations.sweep(case("s"), "de-streg", vary=vary), reparations.BatchResult)
            self.skipTest("pandas is not importable by this Python")
        df = reparations.sweep(case("s"), "de-streg", vary=vary)
        self.assertEqual(list(df["detentions[0].end"]), ["2023-03-10", "2023-03-15", "2023-03-20"])
        self.assertEqual(list(df["total"]), [Decimal("750.00"), Decimal("1125.00"), Decimal("1500.00")])  # 10, 15, 20 x 75


if __name__ == "__main__":
    unittest.main()
