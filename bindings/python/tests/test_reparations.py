"""Tests of the Python binding (run by `meson test --suite python`).

Standard library only: the Python meson finds may not see Debian's python3-* packages, so
the pandas check is skipped when pandas is not importable.

  * golden: every tests/cases/*.expected.json, with the same subset rule as tests/golden.py,
    through reparations.estimate() from a path and from a dict; with REPARATIONS_BIN set,
    each estimate must also equal the CLI's JSON for the same arguments, field for field;
  * API: Decimal amounts everywhere, input forms, options forms, as_of, compare, schemes,
    refdata, validate;
  * errors: the exception classes, .path/.code/.message, floats -> TypeError;
  * threads: 8 threads computing different estimates at once give the single-threaded results;
  * leaks: 100,000 calls (RSS growth bound) and exact reference counts of the arguments.
"""
import copy
import datetime
import gc
import glob
import json
import os
import pathlib
import pickle
import subprocess
import sys
import threading
import time
import unittest
from decimal import Decimal

import reparations
from reparations import _reparations as _c

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.environ.get("REPARATIONS_SOURCE_ROOT") or os.path.normpath(os.path.join(HERE, "..", "..", ".."))
CASES = os.path.join(ROOT, "tests", "cases")
EXAMPLES = os.path.join(ROOT, "examples", "cases")
ACQUITTED = os.path.join(EXAMPLES, "acquitted-kz.json")
ACTIVIST = os.path.join(EXAMPLES, "kz-activist.json")
ACTIVIST_FX = os.path.join(EXAMPLES, "kz-activist.fx")
CLI = os.environ.get("REPARATIONS_BIN")


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def subset_mismatch(expected, actual, path="$"):
    """The first place where `expected` is not found in `actual`, or None (tests/golden.py's rule)."""
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


def as_cli_json(est):
    """The estimate's JSON with the fx= source named as the CLI names its --fx source."""
    return json.loads(est.to_json().replace("user-supplied (fx=)", "user-supplied (--fx)"))


def rss_bytes():
    """Current resident set size (Linux /proc), else the peak from getrusage."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        import resource
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak if sys.platform == "darwin" else peak * 1024


# ------------------------------------------------------------------------------------------
# Golden cases: the same figures as the C library and the CLI
# ------------------------------------------------------------------------------------------

class Golden(unittest.TestCase):
    def check_spec(self, spec_path):
        spec = load(spec_path)
        case_path = os.path.join(CASES, spec["case"])
        case_dict = json.loads(pathlib.Path(case_path).read_text(encoding="utf-8"), parse_float=Decimal)
        for exp in spec["estimates"]:
            with self.subTest(scheme=exp["scheme"]):
                options = spec.get("options", []) + exp.get("options", [])
                fx = spec.get("fx") or None
                est = reparations.estimate(case_path, exp["scheme"], options=options, fx=fx)
                got = as_cli_json(est)
                want = {k: v for k, v in exp.items() if k != "options"}
                mismatch = subset_mismatch(want, got)
                self.assertIsNone(mismatch, f"{os.path.basename(spec_path)} / {exp['scheme']}: {mismatch}")
                # the typed view holds the same amounts, as Decimal
                if "total" in exp:
                    self.assertEqual(est.total, Decimal(exp["total"]))
                    self.assertIsInstance(est.total, Decimal)
                if "total_if_eligible" in exp:
                    self.assertEqual(est.total_if_eligible, Decimal(exp["total_if_eligible"]))
                for i, line in enumerate(exp.get("lines", [])):
                    if "amount" in line:
                        self.assertEqual(est.lines[i].amount, Decimal(line["amount"]))
                    if "head" in line:
                        self.assertEqual(est.lines[i].head, line["head"])
                self.assertEqual(sum((l.amount for l in est.lines), Decimal(0)), est.total, "lines add up")
                # a dict case (amounts as Decimal) gives the very same estimate
                est2 = reparations.estimate(case_dict, exp["scheme"], options=options, fx=fx)
                self.assertEqual(est2.to_json(), est.to_json())
                if CLI:
                    args = [CLI, "estimate", case_path, "--scheme", exp["scheme"], "--format", "json"]
                    for o in options:
                        args += ["--option", o]
                    for f in spec.get("fx", []):
                        args += ["--fx", f]
                    p = subprocess.run(args, capture_output=True, text=True)
                    self.assertEqual(p.returncode, 0, p.stderr)
                    cli = json.loads(p.stdout)
                    self.assertEqual(cli["estimates"][0], got, "the binding and the CLI agree on every field")
                    self.assertEqual(cli["case"], est.case)


def _make_golden(spec_path):
    def test(self):
        self.check_spec(spec_path)
    return test


_SPECS = sorted(glob.glob(os.path.join(CASES, "*.expected.json")))
for _spec in _SPECS:
    _name = "test_" + os.path.basename(_spec)[: -len(".expected.json")].replace("-", "_")
    setattr(Golden, _name, _make_golden(_spec))


class GoldenPresent(unittest.TestCase):
    def test_specs_found(self):
        self.assertTrue(_SPECS, f"no golden cases under {CASES}")


# ------------------------------------------------------------------------------------------
# The API
# ------------------------------------------------------------------------------------------

class Api(unittest.TestCase):
    def setUp(self):
        self.case = load(ACQUITTED)
        self.text = pathlib.Path(ACQUITTED).read_text(encoding="utf-8")

    def test_version(self):
        self.assertEqual(reparations.__version__, reparations.library_version()[0])

    def test_estimate_amounts_are_decimal(self):
        est = reparations.estimate(self.case, "de-streg", fx={"EUR/KZT": "520"})
        self.assertEqual(est.scheme, "de-streg")
        self.assertEqual(est.currency, "EUR")
        self.assertTrue(est.eligible)
        self.assertIsInstance(est.as_of, datetime.date)
        for value in [est.total, est.totals.total, est.totals.pecuniary, est.totals.non_pecuniary, est.per_day]:
            self.assertIsInstance(value, Decimal)
        for line in est.lines:
            self.assertIsInstance(line.amount, Decimal)
            self.assertTrue(line.head and line.label and line.basis and line.formula)
        self.assertEqual(est.totals.pecuniary + est.totals.non_pecuniary, est.total)
        self.assertEqual(est.lines[0].head, "liberty")
        self.assertEqual(est.lines[0].amount, Decimal("36225.00"))
        self.assertEqual(est.lines[0].class_, "non_pecuniary")
        self.assertEqual(est.total, Decimal("60465.08"))
        self.assertEqual(est.refdata[0].value, Decimal("520"))
        self.assertTrue(any("unverified" in w for w in est.warnings))
        self.assertTrue(est.findings and est.findings[0].code)
        d = est.to_dict()
        self.assertIsInstance(d["total"], Decimal)
        self.assertIsInstance(d["lines"][0]["amount"], Decimal)
        j = json.loads(est.to_json())
        self.assertEqual(j["total"], "60465.08")
        self.assertIn("60465.08", repr(est))

    def test_range(self):
        spec = load(os.path.join(CASES, "kz-acquitted.expected.json"))
        case = os.path.join(CASES, spec["case"])
        for exp in spec["estimates"]:
            if "range" in exp:
                est = reparations.estimate(case, exp["scheme"], options=exp.get("options"))
                self.assertIsNotNone(est.range)
                self.assertIsInstance(est.range.low, Decimal)
                self.assertLessEqual(est.range.low, est.range.high)
                return
        self.skipTest("no golden estimate with a range")

    def test_case_forms_agree(self):
        ref = reparations.estimate(ACQUITTED).to_json()
        self.assertEqual(reparations.estimate(pathlib.Path(ACQUITTED)).to_json(), ref)
        self.assertEqual(reparations.estimate(self.text).to_json(), ref)
        self.assertEqual(reparations.estimate(self.text.encode()).to_json(), ref)
        self.assertEqual(reparations.estimate(self.case).to_json(), ref)
        self.assertEqual(reparations.estimate(self.case, scheme="kz-cpc").scheme, "kz-cpc")

    def test_input_amount_types(self):
        ref = reparations.estimate(self.case).total
        for v in (Decimal("350000"), 350000, "350000", Decimal("3.5E+5")):
            c = copy.deepcopy(self.case)
            c["harms"][0]["monthly"] = v
            self.assertEqual(reparations.estimate(c).total, ref, repr(v))

    def test_dates_as_date_objects(self):
        c = copy.deepcopy(self.case)
        c["as_of"] = datetime.date(2026, 3, 1)
        c["detentions"][0]["start"] = datetime.date(2022, 1, 5)
        self.assertEqual(reparations.estimate(c).to_json(), reparations.estimate(self.case).to_json())
        with self.assertRaises(TypeError):
            c["as_of"] = datetime.datetime(2026, 3, 1, 12, 0)
            reparations.estimate(c)

    def test_as_of_overrides(self):
        est = reparations.estimate(self.case, as_of="2026-06-30")
        self.assertEqual(est.as_of, datetime.date(2026, 6, 30))
        self.assertEqual(reparations.estimate(self.case, as_of=datetime.date(2026, 6, 30)).to_json(), est.to_json())

    def test_options_forms_agree(self):
        a = reparations.estimate(self.case, options={"kz-cpc.indexation": "mci"})
        b = reparations.estimate(self.case, options={"kz-cpc": {"indexation": "mci"}})
        c = reparations.estimate(self.case, options=["kz-cpc.indexation=mci"])
        d = reparations.estimate(self.case, options="kz-cpc.indexation=mci")
        self.assertEqual(a.to_json(), b.to_json())
        self.assertEqual(a.to_json(), c.to_json())
        self.assertEqual(a.to_json(), d.to_json())
        self.assertIn(reparations.OptionValue("indexation", "mci", True), a.options)
        self.assertNotEqual(a.total, reparations.estimate(self.case).total)
        e = reparations.estimate(self.case, options={"kz-cpc.moral_benchmark_per_day": 9100})
        f = reparations.estimate(self.case, options={"kz-cpc.moral_benchmark_per_day": Decimal("9100")})
        self.assertEqual(e.to_json(), f.to_json())

    def test_fx_forms_agree(self):
        a = reparations.estimate(self.case, "de-streg", fx={"EUR/KZT": Decimal("520")})
        b = reparations.estimate(self.case, "de-streg", fx=["EUR/KZT=520"])
        c = reparations.estimate(self.case, "de-streg", fx="EUR/KZT=520")
        d = reparations.estimate(self.case, "de-streg", fx={"EUR/KZT": ("520", "2026-01-01")})
        self.assertEqual(a.to_json(), b.to_json())
        self.assertEqual(a.to_json(), c.to_json())
        self.assertEqual(a.total, d.total)
        self.assertEqual(d.refdata[0].from_, datetime.date(2026, 1, 1))

    def test_compare(self):
        cmp = reparations.compare(ACTIVIST, report_currency="EUR", fx=ACTIVIST_FX)
        ids = [s.id for s in reparations.schemes()]
        self.assertEqual([r.scheme for r in cmp], ids, "schemes=None compares every scheme")
        self.assertEqual(cmp.report_currency, "EUR")
        self.assertEqual(cmp.case, "kz-activist-2022")
        for row in cmp:
            if row.ok:
                self.assertIsInstance(row.total, Decimal)
                self.assertIsInstance(row.report_total, Decimal)
                self.assertIn(row.scheme, cmp.estimates)
                self.assertEqual(cmp.estimates[row.scheme].total, row.total)
            else:
                self.assertTrue(row.error)
                self.assertIn(row, cmp.failures)
        reform = cmp["kz-reform"]
        self.assertTrue(reform.ok and reform.eligible and reform.total > 0)
        self.assertEqual(reparations.compare(ACTIVIST, ["kz-reform"]).rows[0].total, reform.total)
        self.assertEqual(reparations.compare(ACTIVIST, "kz-reform").rows[0].total, reform.total)
        self.assertIsInstance(cmp.to_dict()["comparison"][0]["total"], Decimal)
        self.assertEqual(json.loads(cmp.to_json())["report_currency"], "EUR")
        if CLI:
            p = subprocess.run([CLI, "compare", ACTIVIST, "--schemes", ",".join(ids), "--report-currency", "EUR",
                                "--fx-file", ACTIVIST_FX, "--format", "json"], capture_output=True, text=True)
            cli = json.loads(p.stdout)
            mine = json.loads(cmp.to_json().replace(ACTIVIST_FX, "FXFILE"))
            cli = json.loads(json.dumps(cli).replace(ACTIVIST_FX, "FXFILE"))
            self.assertEqual(cli, mine, "the binding and the CLI compare alike")

    def test_compare_missing_rates_become_rows(self):
        # strict data: no current KZT/EUR rate in 2099, and the latest point is not used
        cmp = reparations.compare(ACTIVIST, ["kz-cpc", "de-streg"], report_currency="EUR", as_of="2099-03-01",
                                  strict_data=True)
        self.assertFalse(cmp["kz-cpc"].ok)
        self.assertIn("exchange rate", cmp["kz-cpc"].error)
        self.assertTrue(cmp["de-streg"].ok)

    def test_to_pandas(self):
        cmp = reparations.compare(ACTIVIST, report_currency="EUR", fx=ACTIVIST_FX)
        try:
            import pandas  # noqa: F401
        except ImportError:
            with self.assertRaises(ImportError) as cm:
                cmp.to_pandas()
            self.assertIn("pandas", str(cm.exception))
            self.skipTest("pandas is not importable by this Python; checked the ImportError message only")
        df = cmp.to_pandas()
        self.assertEqual(list(df.index), [r.scheme for r in cmp])
        self.assertEqual(df.loc["kz-reform", "total"], cmp["kz-reform"].total)
        self.assertIsInstance(df.loc["kz-reform", "total"], Decimal)

    def test_schemes(self):
        ss = reparations.schemes()
        byid = {s.id: s for s in ss}
        self.assertIn("kz-cpc", byid)
        kz = byid["kz-cpc"]
        self.assertEqual(kz.currency, "KZT")
        opt = {o.name: o for o in kz.options}["indexation"]
        self.assertEqual(opt.type, "choice")
        self.assertIn("cpi", opt.choices)

    def test_refdata(self):
        series = reparations.refdata()
        self.assertIn("KZ.MCI", [s.id for s in series])
        mci = reparations.refdata("KZ.MCI")
        self.assertTrue(mci.points)
        self.assertIsInstance(mci.points[0].value, Decimal)
        self.assertIsInstance(mci.points[0].from_, datetime.date)
        self.assertEqual(len(mci.points), {s.id: s for s in series}["KZ.MCI"].points)

    def test_scheme_files(self):
        path = os.path.join(ROOT, "examples", "schemes", "example-tariff.json")
        if not os.path.exists(path):
            self.skipTest("no example scheme file")
        sid = load(path)["id"]
        self.assertIn(sid, [s.id for s in reparations.schemes(scheme_files=path)])
        self.assertNotIn(sid, [s.id for s in reparations.schemes()], "a scheme file affects its own call only")
        a = reparations.estimate(ACQUITTED, sid, scheme_files=path)
        b = reparations.estimate(ACQUITTED, sid, scheme_files=[load(path)])
        self.assertEqual(a.to_json(), b.to_json())
        self.assertEqual(a.scheme, sid)
        with self.assertRaises(reparations.InvalidScheme) as cm:
            reparations.estimate(ACQUITTED, scheme_files=[{"id": "x"}])
        self.assertTrue(cm.exception.path)

    def test_validate(self):
        info = reparations.validate(ACTIVIST)
        self.assertEqual(info, reparations.CaseInfo("kz-activist-2022", "KZT", 3, 7))


# ------------------------------------------------------------------------------------------
# Errors
# ------------------------------------------------------------------------------------------

class Errors(unittest.TestCase):
    def setUp(self):
        self.case = load(ACQUITTED)

    def test_bad_date_names_its_path(self):
        self.case["detentions"][1]["end"] = "2023-02-30"
        with self.assertRaises(reparations.InvalidCase) as cm:
            reparations.estimate(self.case)
        e = cm.exception
        self.assertEqual(e.path, "detentions[1].end")
        self.assertEqual(e.code, "range")
        self.assertEqual(e.message, "detentions[1].end: 2023-02-30 is not a valid date")
        self.assertEqual(str(e), e.message)
        self.assertIsInstance(e, reparations.Error)
        self.assertIsInstance(e, ValueError)
        with self.assertRaises(reparations.InvalidCase) as cm:
            reparations.validate(self.case)
        self.assertEqual(cm.exception.path, "detentions[1].end")

    def test_malformed_date(self):
        self.case["detentions"][0]["start"] = "2022-1-5"
        with self.assertRaises(reparations.InvalidCase) as cm:
            reparations.estimate(self.case)
        self.assertEqual((cm.exception.path, cm.exception.code), ("detentions[0].start", "syntax"))

    def test_bad_as_of(self):
        with self.assertRaises(reparations.InvalidCase) as cm:
            reparations.estimate(self.case, as_of="2026-13-01")
        self.assertEqual(cm.exception.path, "as_of")
        with self.assertRaises(reparations.InvalidCase) as cm:
            reparations.estimate(self.case, as_of="2020-01-01")  # before the decision
        self.assertEqual(cm.exception.path, "proceedings.decision_date")

    def test_json_errors(self):
        with self.assertRaises(reparations.InvalidCase) as cm:
            reparations.estimate('{"id": "a", "id": "b", "currency": "KZT"}')
        self.assertEqual(cm.exception.path, "id")
        with self.assertRaises(reparations.InvalidCase) as cm:
            reparations.estimate({**self.case, "colour": "red"})
        self.assertEqual(cm.exception.path, "colour")
        self.case["harms"][0]["monthly"] = "-5"
        with self.assertRaises(reparations.InvalidCase) as cm:
            reparations.estimate(self.case)
        self.assertEqual(cm.exception.path, "harms[0].monthly")

    def test_floats_are_refused(self):
        self.case["harms"][0]["monthly"] = 350000.1
        with self.assertRaises(TypeError) as cm:
            reparations.estimate(self.case)
        msg = str(cm.exception)
        self.assertIn("harms[0].monthly", msg)
        self.assertIn("binary floating point", msg)
        self.assertIn("allow_float=True", msg)
        with self.assertRaises(TypeError):
            reparations.validate(self.case)
        with self.assertRaises(TypeError):
            reparations.estimate(ACQUITTED, options={"kz-cpc.moral_benchmark_per_day": 9100.0})
        with self.assertRaises(TypeError):
            reparations.estimate(ACQUITTED, "de-streg", fx={"EUR/KZT": 520.5})

    def test_allow_float_uses_repr(self):
        self.case["harms"][0]["monthly"] = 350000.1
        a = reparations.estimate(self.case, allow_float=True)
        self.case["harms"][0]["monthly"] = "350000.1"
        self.assertEqual(a.to_json(), reparations.estimate(self.case).to_json())
        self.case["harms"][0]["monthly"] = float("nan")
        with self.assertRaises(ValueError):
            reparations.estimate(self.case, allow_float=True)

    def test_unknown_scheme(self):
        with self.assertRaises(reparations.UnknownScheme) as cm:
            reparations.estimate(self.case, "xx-nowhere")
        self.assertEqual(cm.exception.code, "not_found")
        self.assertIn("xx-nowhere", str(cm.exception))
        self.assertIsInstance(cm.exception, LookupError)
        with self.assertRaises(reparations.UnknownScheme):
            reparations.compare(self.case, ["kz-cpc", "xx-nowhere"])

    def test_options(self):
        with self.assertRaises(reparations.InvalidOption):
            reparations.estimate(self.case, options={"kz-cpc.indexation": "bogus"})
        with self.assertRaises(reparations.InvalidOption):
            reparations.estimate(self.case, options={"kz-cpc.nope": "1"})
        with self.assertRaises(reparations.InvalidOption):
            reparations.estimate(self.case, options=["garbage"])
        with self.assertRaises(TypeError):
            reparations.estimate(self.case, options=[1])

    def test_missing_reference_data(self):
        # KZT amounts valued in 2099, after every built-in EUR/KZT point
        self.case["as_of"] = "2099-01-01"
        with self.assertRaises(reparations.MissingReferenceData) as cm:
            reparations.estimate(self.case, "de-streg", strict_data=True)
        self.assertEqual(cm.exception.code, "no_data")
        # by default the latest point stands in, and the estimate says so
        e = reparations.estimate(self.case, "de-streg")
        self.assertTrue(any("FX.EUR_KZT ends on" in w and "--fx" in w for w in e.warnings), e.warnings)
        self.assertFalse(reparations.compare(self.case, ["de-streg"], strict_data=True)["de-streg"].ok)
        with self.assertRaises(reparations.MissingReferenceData):
            reparations.refdata("NO.SUCH.SERIES")

    def test_bad_arguments(self):
        with self.assertRaises(reparations.InvalidArgument) as cm:
            reparations.compare(self.case, ["kz-cpc"], report_currency="ZZZ")
        self.assertEqual(cm.exception.path, "report_currency")
        with self.assertRaises(reparations.InvalidReferenceData):
            reparations.estimate(self.case, "de-streg", fx={"EUR/KZT": "abc"})
        with self.assertRaises(FileNotFoundError):
            reparations.estimate("/no/such/case.json")
        with self.assertRaises(TypeError):
            reparations.estimate(42)
        with self.assertRaises(TypeError):
            reparations.estimate(self.case, scheme=["kz-cpc"])

    def test_errors_pickle(self):
        self.case["detentions"][1]["end"] = "2023-02-30"
        try:
            reparations.estimate(self.case)
        except reparations.InvalidCase as e:
            e2 = pickle.loads(pickle.dumps(e))
            self.assertIs(type(e2), reparations.InvalidCase)
            self.assertEqual((e2.path, e2.code, e2.message), (e.path, e.code, e.message))


# ------------------------------------------------------------------------------------------
# Threads
# ------------------------------------------------------------------------------------------

def _jobs():
    """Eight different computations: schemes, options, as_of, fx (own context) and compare."""
    acq = load(ACQUITTED)
    return [
        lambda: reparations.estimate(acq, "kz-cpc").to_json(),
        lambda: reparations.estimate(acq, "kz-cpc", options={"kz-cpc.indexation": "mci"}).to_json(),
        lambda: reparations.estimate(acq, "kz-reform", as_of="2026-06-30").to_json(),
        lambda: reparations.estimate(acq, "de-streg", fx={"EUR/KZT": "520"}).to_json(),
        lambda: reparations.estimate(ACTIVIST, "kz-victims-fund").to_json(),
        lambda: reparations.estimate(ACTIVIST, "us-federal", fx=ACTIVIST_FX).to_json(),
        lambda: reparations.compare(ACTIVIST, report_currency="EUR", fx=ACTIVIST_FX).to_json(),
        lambda: repr(sorted(r.scheme + str(r.total) for r in reparations.compare(acq))),
    ]


class Threads(unittest.TestCase):
    ROUNDS = 40

    def test_eight_threads_agree_with_one(self):
        jobs = _jobs()
        expected = [job() for job in jobs]
        self.assertEqual(len(set(expected)), len(expected), "the eight jobs compute different things")
        barrier = threading.Barrier(len(jobs))
        results = [[] for _ in jobs]
        errors = []

        def worker(i):
            try:
                barrier.wait()
                for _ in range(self.ROUNDS):
                    results[i].append(jobs[i]())
            except BaseException as e:  # noqa: B902 - reported below
                errors.append(e)

        t0 = time.perf_counter()
        for job in jobs:
            for _ in range(self.ROUNDS):
                job()
        sequential = time.perf_counter() - t0
        threads = [threading.Thread(target=worker, args=(i,)) for i in range(len(jobs))]
        t0 = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - t0
        self.assertEqual(errors, [])
        for i, rs in enumerate(results):
            self.assertEqual(len(rs), self.ROUNDS)
            for r in rs:
                self.assertEqual(r, expected[i], f"job {i} differs under threads")
        print(f"\n  threads: 8 x {self.ROUNDS} calls in {elapsed:.2f} s on 8 threads, {sequential:.2f} s on one "
              f"({os.cpu_count()} CPUs)", file=sys.stderr)

    def test_gil_released_during_compute(self):
        """While one thread is inside the library, another thread keeps running Python code."""
        text = pathlib.Path(ACTIVIST).read_text(encoding="utf-8")
        stop = threading.Event()
        ticks = [0]

        def counter():
            while not stop.is_set():
                ticks[0] += 1

        # The raw C call spends nearly all its time in the library. With a switch interval of
        # 0.2 s and at most 0.1 s of calls, the counter thread can only run during the calls if
        # they release the GIL. Stop at the first sign of progress: the main thread then waits
        # up to one interval to take the GIL back.
        t = threading.Thread(target=counter)
        old = sys.getswitchinterval()
        sys.setswitchinterval(0.2)
        try:
            t.start()
            time.sleep(0.01)
            start = ticks[0]
            t0 = time.perf_counter()
            while ticks[0] == start and time.perf_counter() - t0 < 0.1:
                _c.compare(text, None, (), None, "EUR", None)
            progressed = ticks[0] - start
        finally:
            stop.set()
            t.join()
            sys.setswitchinterval(old)
        self.assertGreater(progressed, 0, "the counter thread never ran: the GIL was not released")


# ------------------------------------------------------------------------------------------
# Leaks and reference counts
# ------------------------------------------------------------------------------------------

class Leaks(unittest.TestCase):
    CALLS = 100_000
    RSS_BOUND = 4 * 1024 * 1024  # bytes of growth allowed over CALLS calls (~40 bytes a call)

    def test_reference_counts_of_arguments(self):
        """Each argument object's reference count is back where it was after many calls,
        on success and on every error path (a leaked reference is an exact +1 per call)."""
        text = pathlib.Path(ACQUITTED).read_text(encoding="utf-8") + " "  # a fresh, unshared str
        bad = text.replace("2023-05-02", "2023-02-30")
        scheme, opt, as_of = "kz-cpc" + "", "kz-cpc.indexation=" + "mci", "2026-" + "03-01"
        fx = ("EUR/" + "KZT", "5" + "20", None, None)
        calls = [
            lambda: _c.estimate(text, (scheme,), (opt,), as_of, None),
            lambda: _c.estimate(text, [scheme], [opt], as_of, ([fx], [], [])),
            lambda: _c.compare(text, [scheme], [opt], as_of, "EUR", ([fx], (), ())),
            lambda: _c.validate(text, as_of),
        ]
        failing = [
            lambda: _c.estimate(bad, (scheme,), (opt,), as_of, None),
            lambda: _c.estimate(text, ("no-such-scheme",), (opt,), as_of, None),
            lambda: _c.estimate(text, (scheme,), ("garbage",), as_of, None),
            lambda: _c.estimate(text, (scheme,), (opt,), "2026-99-01", None),
            lambda: _c.estimate(text, (scheme,), (opt,), as_of, ([("EURKZT", "1", None, None)], (), ())),
            lambda: _c.estimate(text, (scheme,), (opt, 5), as_of, None),  # TypeError in argument parsing
        ]
        objs = [text, bad, scheme, opt, as_of, fx, fx[0], fx[1]]
        for f in calls + failing:  # warm up caches (UTF-8 copies, interned names)
            try:
                f()
            except (_c.LibraryError, TypeError):
                pass
        gc.collect()
        before = [sys.getrefcount(o) for o in objs]
        for _ in range(2000):
            for f in calls:
                f()
            for f in failing:
                try:
                    f()
                except (_c.LibraryError, TypeError):
                    pass
        gc.collect()
        after = [sys.getrefcount(o) for o in objs]
        self.assertEqual(before, after)

    def test_rss_over_100000_calls(self):
        """100,000 calls through the public API (successes of several kinds, errors, validate,
        a few compares): resident memory grows by less than RSS_BOUND after warm-up."""
        acq = load(ACQUITTED)
        bad = copy.deepcopy(acq)
        bad["detentions"][1]["end"] = "2023-02-30"
        text = pathlib.Path(ACQUITTED).read_text(encoding="utf-8")

        def err(f):
            try:
                f()
            except reparations.Error:
                return
            raise AssertionError("expected an error")

        kinds = [
            lambda: reparations.estimate(acq, "kz-cpc", options={"kz-cpc.indexation": "mci"}),
            lambda: reparations.estimate(text, "de-streg", fx={"EUR/KZT": "520"}),
            lambda: reparations.estimate(acq, "kz-reform"),
            lambda: err(lambda: reparations.estimate(bad)),
            lambda: err(lambda: reparations.estimate(text, "no-such-scheme")),
            lambda: err(lambda: reparations.estimate(acq, "de-streg", as_of="2099-01-01", strict_data=True)),
            lambda: reparations.validate(text),
            lambda: reparations.validate(acq),
        ]
        compare_every = 50  # compare costs ~10 calls' time: 2,000 of the 100,000 calls

        def run(n):
            for i in range(n):
                if i % compare_every == 0:
                    reparations.compare(text, ["kz-cpc", "kz-reform", "de-streg"], report_currency="EUR",
                                        fx=["EUR/KZT=520"])
                else:
                    kinds[i % len(kinds)]()

        run(5000)  # warm-up: allocator arenas, caches, interned strings
        gc.collect()
        rss0 = rss_bytes()
        t0 = time.perf_counter()
        run(self.CALLS)
        elapsed = time.perf_counter() - t0
        gc.collect()
        growth = rss_bytes() - rss0
        print(f"\n  leaks: {self.CALLS} calls in {elapsed:.1f} s, RSS growth {growth / 1024:.0f} KiB "
              f"({growth / self.CALLS:.1f} bytes/call, bound {self.RSS_BOUND // 1024} KiB)", file=sys.stderr)
        self.assertLess(growth, self.RSS_BOUND)


if __name__ == "__main__":
    unittest.main()
