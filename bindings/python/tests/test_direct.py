"""The binding's direct paths (run by `meson test --suite python`):

  * a case dict is built into the library's case without JSON text (bindings/python/case_dict.c):
    the case is the one the JSON reader makes of json.dumps(dict), field for field (both written
    back by rep_case_to_json), and every dict the reader refuses goes the JSON path, so errors
    are worded, pathed and classed exactly as before;
  * an estimate's attributes are made from the C estimate on first read: equal to the ones
    Estimate(raw) makes from the library's JSON, kept (the same object on each read), valid
    after the case and the other estimates of the call are gone, and safe to read from many
    threads at once; the computation releases the GIL.
"""
import copy
import datetime
import gc
import glob
import json
import os
import pickle
import sys
import threading
import time
import unittest
from decimal import Decimal

import reparations
from reparations import _reparations as _c

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.environ.get("REPARATIONS_SOURCE_ROOT") or os.path.normpath(os.path.join(HERE, "..", "..", ".."))
CASE_FILES = sorted(f for f in glob.glob(os.path.join(ROOT, "tests", "cases", "*.json"))
                    + glob.glob(os.path.join(ROOT, "examples", "cases", "*.json"))
                    if not f.endswith(".expected.json"))
ACQUITTED = os.path.join(ROOT, "examples", "cases", "acquitted-kz.json")


def load(path, **kw):
    with open(path, encoding="utf-8") as f:
        return json.load(f, **kw)


def dumps(case):
    """The JSON text the package writes for a dict case (Decimal and date as strings)."""
    def default(v):
        if isinstance(v, (Decimal, datetime.date)):
            return str(v)
        raise TypeError(type(v).__name__)
    return json.dumps(case, ensure_ascii=False, default=default)


def outcome(fn):
    """What a call does: its value, or the error's class and what it says."""
    try:
        return ("ok", fn())
    except reparations.Error as e:
        return (type(e), e.code, e.path, e.message, e.stage)
    except (TypeError, ValueError, UnicodeError) as e:
        return (type(e), str(e))


def variants(case):
    """The same case in the other forms a dict may take: amounts as Decimal or int, dates as
    datetime.date, arrays as tuples."""
    def amounts(h, conv):
        h = dict(h)
        for k in ("amount", "monthly", "annual", "years", "growth", "discount_rate"):
            if isinstance(h.get(k), str):
                h[k] = conv(h[k])
        return h

    def dates(d):
        d = dict(d)
        for k in ("start", "end", "date", "decision_date", "notice_date", "application_date"):
            if isinstance(d.get(k), str):
                d[k] = datetime.date.fromisoformat(d[k])
        return d

    def integral(s):
        x = Decimal(s)
        return int(x) if x == x.to_integral_value() and "E" not in s.upper() else x

    out = []
    for conv in (Decimal, integral):
        c = copy.deepcopy(case)
        c["harms"] = [amounts(h, conv) for h in case.get("harms", [])]
        out.append(c)
    c = copy.deepcopy(case)
    c["detentions"] = tuple(dates(d) for d in case.get("detentions", []))
    c["harms"] = tuple(dates(h) for h in case.get("harms", []))
    if isinstance(case.get("as_of"), str):
        c["as_of"] = datetime.date.fromisoformat(case["as_of"])
    if "proceedings" in case:
        c["proceedings"] = dates(case["proceedings"])
    out.append(c)
    return out


def every_field():
    """Cases that use every key of the case vocabulary (docs/case-format.md), in each form of
    value it takes: the case files leave some out."""
    base = {"id": "all", "currency": "EUR", "as_of": "2026-03-01", "description": "every field",
            "proceedings": {"kind": "criminal", "outcome": "pardon", "decision_date": "2024-01-10",
                            "notice_date": "2024-01-20", "application_date": "2024-02-01",
                            "death_sentence": True, "coerced_confession": True, "self_incrimination": False,
                            "arbitrary_detention_finding": True,
                            "conviction": {"date": "2021-05-05", "article": "art. 1", "sentence": "3 years"},
                            "acquitted_on_retrial": False, "pardon_ground": "innocence",
                            "certificate_of_innocence": True},
            "torture": {"cc146_part": 3, "victim_recognised": "2023-01-01"},
            "detentions": [{"kind": "police_custody", "start": "2021-01-01", "end": "2021-01-03", "note": "cell 4"},
                           {"kind": "prison", "start": "2021-01-04", "end": "2022-01-03",
                            "credited_elsewhere": True, "note": "credited to case 2"},
                           {"kind": "parole", "start": "2022-01-04", "end": None, "credited_elsewhere": False}],
            "harms": [{"category": "lost_earnings", "monthly": "2500.50", "start": "2021-01-01", "end": "2024-01-10",
                       "description": "wages"},
                      {"category": "lost_earning_capacity", "annual": 30000, "years": "2.5", "growth": "0.02",
                       "discount_rate": "0.03", "start": "2024-01-11"},
                      {"category": "property", "amount": "1200", "date": "2021-01-02", "disposition": "destroyed"},
                      {"category": "moral_harm", "amount": "5000"},
                      {"category": "fines_and_costs", "amount": "0.10", "date": "2021-06-01"}]}
    out = [base]
    for change in (
        lambda c: c["proceedings"].update(conviction=False, outcome="acquitted", pardon_ground="clemency",
                                          certificate_of_innocence=False),
        lambda c: c["proceedings"].update(conviction={}, acquitted_on_retrial=True, outcome="acquitted"),
        lambda c: c.update(torture=None),
        lambda c: c.update(torture={"cc146_part": 0}),
        lambda c: c["proceedings"].update(kind="political_repression", outcome="repression_rehabilitated"),
        lambda c: c.pop("as_of"),
        lambda c: c.update(detentions=[], harms=[]),
    ):
        c = copy.deepcopy(base)
        change(c)
        out.append(c)
    return out


class DictCases(unittest.TestCase):
    def test_every_field(self):
        """Each case of every_field() is valid and takes the direct path, and changing any one
        value of it changes the case written back: none is ignored on the way."""
        for i, case in enumerate(every_field()):
            with self.subTest(i=i):
                self.assertEqual(_c.case_json(case), _c.case_json(dumps(case)))
        base = every_field()[0]
        ref = _c.case_json(base)
        paths = [("description",), ("proceedings", "death_sentence"), ("proceedings", "self_incrimination"),
                 ("proceedings", "certificate_of_innocence"), ("proceedings", "pardon_ground"),
                 ("detentions", 1, "credited_elsewhere"), ("detentions", 0, "note"), ("harms", 0, "description"),
                 ("harms", 1, "growth"), ("harms", 1, "discount_rate"), ("harms", 2, "disposition"),
                 ("torture", "victim_recognised"), ("proceedings", "conviction", "sentence"),
                 ("proceedings", "notice_date"), ("proceedings", "application_date")]
        other = {bool: lambda v: not v,
                 str: lambda v: {"innocence": "clemency", "destroyed": "lost"}.get(v, v[:-1] + ("2" if v[-1] == "1" else "1"))}
        for path in paths:
            with self.subTest(path=path):
                c = copy.deepcopy(base)
                obj = c
                for k in path[:-1]:
                    obj = obj[k]
                obj[path[-1]] = other[type(obj[path[-1]])](obj[path[-1]])
                got = _c.case_json(c)
                self.assertIsNotNone(got)
                self.assertNotEqual(got, ref)
                self.assertEqual(got, _c.case_json(dumps(c)))

    def test_files_found(self):
        self.assertGreater(len(CASE_FILES), 40, f"case files under {ROOT}")

    def test_same_case_as_the_json_reader(self):
        """Every case file, as a dict in each of its forms: the case built directly is the one
        the reader makes of its JSON text; a case the reader refuses is declined (None)."""
        direct = 0
        cases = [(os.path.basename(p), c) for p in CASE_FILES for c in [load(p)] + variants(load(p))]
        cases += [("every_field", c) for e in every_field() for c in [e] + variants(e)]
        for name, case in cases:
            with self.subTest(case=name):
                    try:
                        want = _c.case_json(dumps(case))
                    except _c.LibraryError:
                        self.assertIsNone(_c.case_json(case), "the reader refuses it: the JSON path must word it")
                        continue
                    got = _c.case_json(case)
                    self.assertIsNotNone(got, "a valid plain dict takes the direct path")
                    self.assertEqual(got, want)
                    direct += 1
        self.assertGreater(direct, 100)

    def mutations(self):
        """(what, case): cases the JSON reader refuses or the binding must convert, one change each."""
        base = load(ACQUITTED)

        def m(what, change):
            c = copy.deepcopy(base)
            change(c)
            return what, c

        def set_(path, value):
            def change(c):
                obj = c
                for k in path[:-1]:
                    obj = obj[k]
                obj[path[-1]] = value
            return change

        det, harm = ["detentions", 0], ["harms", 0]
        return [
            m("unknown top-level key", set_(["colour"], "red")),
            m("unknown proceedings key", set_(["proceedings", "verdict"], "x")),
            m("unknown detention key", set_(det + ["place"], "x")),
            m("harm field of another category", set_(harm + ["amount"], "5")),
            m("unknown harm key", set_(harm + ["colour"], "5")),
            m("bad date", set_(["detentions", 1, "end"], "2023-02-30")),
            m("malformed date", set_(det + ["start"], "2022-1-5")),
            m("date as a number", set_(det + ["start"], 20220105)),
            m("datetime, not a date", set_(det + ["start"], datetime.datetime(2022, 1, 5))),
            m("negative amount", set_(harm + ["monthly"], "-5")),
            m("amount not a decimal", set_(harm + ["monthly"], "12,5")),
            m("amount as a bool", set_(harm + ["monthly"], True)),
            m("amount as a float", set_(harm + ["monthly"], 350000.5)),
            m("amount as NaN", set_(harm + ["monthly"], Decimal("NaN"))),
            m("unknown category", set_(harm + ["category"], "vibes")),
            m("no category", lambda c: c["harms"][0].pop("category")),
            m("unknown outcome", set_(["proceedings", "outcome"], "won")),
            m("unknown detention kind", set_(det + ["kind"], "hotel")),
            m("no id", lambda c: c.pop("id")),
            m("id a number", set_(["id"], 7)),
            m("id a Decimal", set_(["id"], Decimal("7"))),
            m("id empty", set_(["id"], "")),
            m("no currency", lambda c: c.pop("currency")),
            m("unknown currency", set_(["currency"], "ZZZ")),
            m("NUL in the id", set_(["id"], "a\x00b")),
            m("lone surrogate in the id", set_(["id"], "a\ud800")),
            m("id of 4097 bytes", set_(["id"], "x" * 4097)),
            m("description null", set_(["description"], None)),
            m("conviction true", set_(["proceedings", "conviction"], True)),
            m("conviction false", set_(["proceedings", "conviction"], False)),
            m("conviction with a date", set_(["proceedings", "conviction"], {"date": "2021-01-01"})),
            m("retrial not a bool", set_(["proceedings", "acquitted_on_retrial"], 1)),
            m("flag not a bool", set_(["proceedings", "death_sentence"], "yes")),
            m("pardon ground", set_(["proceedings", "pardon_ground"], "mercy")),
            m("torture part 4", set_(["torture"], {"cc146_part": 4})),
            m("torture part True", set_(["torture"], {"cc146_part": True})),
            m("torture part 2", set_(["torture"], {"cc146_part": 2, "victim_recognised": "2022-02-01"})),
            m("torture null", set_(["torture"], None)),
            m("end null: still detained", set_(["detentions", 1, "end"], None)),
            m("end before start", set_(["detentions", 1, "end"], "2021-01-01")),
            m("detention after as_of", set_(["detentions", 1, "end"], "2027-01-01")),
            m("detentions not an array", set_(["detentions"], {"kind": "prison"})),
            m("detention not an object", set_(["detentions"], ["prison"])),
            m("1001 detentions", set_(["detentions"], [base["detentions"][0]] * 1001)),
            m("a key not a str", lambda c: c["proceedings"].__setitem__(1, "x")),
            m("int subclass amount", set_(harm + ["monthly"], type("I", (int,), {})(350000))),
            m("dict subclass", lambda c: c.__setitem__("proceedings", type("D", (dict,), {})(c["proceedings"]))),
        ]

    def test_errors_as_from_json(self):
        """Each mutation gives the very same outcome (value, or error class, code, path and
        message) from the dict as from the JSON text the package made of dicts before (or the
        TypeError it raised for a float, a datetime, a key that is not a str)."""
        for what, case in self.mutations():
            with self.subTest(what):
                from_dict = outcome(lambda: reparations.estimate(case).to_json())
                try:
                    text = reparations._case_json(case, False)
                except TypeError as e:
                    self.assertEqual(from_dict, (TypeError, str(e)))
                    continue
                self.assertEqual(from_dict, outcome(lambda: reparations.estimate(text).to_json()))
                self.assertEqual(outcome(lambda: reparations.validate(case)),
                                 outcome(lambda: reparations.validate(text)))
                if from_dict[0] != "ok":
                    self.assertIsNone(_c.case_json(case), "an invalid case is declined")

    def test_declines_a_text_over_the_reader_limit(self):
        """1000 detentions with 4096-byte notes of control characters: a valid dict whose JSON
        text (6 bytes a character) is over REP_JSON_MAX_BYTES, which the reader refuses."""
        case = load(ACQUITTED)
        case["detentions"] = [dict(case["detentions"][0], note="\x01" * 4096) for _ in range(1000)]
        self.assertGreater(len(dumps(case)), 16 << 20)
        self.assertTrue(_c.case_json(case) is None, "declined")
        e = outcome(lambda: reparations.validate(case))
        self.assertEqual(e[0], reparations.InvalidCase)
        self.assertEqual(e[1], "limit")

    def test_as_of_argument(self):
        case = load(ACQUITTED)
        for as_of in ("2026-06-30", "2020-01-01", "2026-13-01", datetime.date(2026, 6, 30)):
            with self.subTest(as_of=as_of):
                self.assertEqual(outcome(lambda: reparations.estimate(case, as_of=as_of).to_json()),
                                 outcome(lambda: reparations.estimate(dumps(case), as_of=as_of).to_json()))

    def test_compare_from_a_dict(self):
        case = load(ACQUITTED)
        self.assertEqual(reparations.compare(case, ["kz-cpc", "de-streg"], fx={"EUR/KZT": "520"}).to_json(),
                         reparations.compare(dumps(case), ["kz-cpc", "de-streg"], fx={"EUR/KZT": "520"}).to_json())


def attributes(est):
    return {f: getattr(est, f) for f in FIELDS}


FIELDS = ("case", "scheme", "name", "jurisdiction", "status", "currency", "as_of", "eligible", "findings", "lines",
          "totals", "total", "total_if_eligible", "range", "days", "per_day", "options", "refdata", "warnings",
          "notes", "citations")


class LazyEstimates(unittest.TestCase):
    def golden_calls(self):
        for spec_path in sorted(glob.glob(os.path.join(ROOT, "tests", "cases", "*.expected.json"))):
            spec = load(spec_path)
            case = os.path.join(ROOT, "tests", "cases", spec["case"])
            for exp in spec["estimates"]:
                yield case, exp["scheme"], {"options": spec.get("options", []) + exp.get("options", []),
                                            "fx": spec.get("fx") or None}

    def test_equal_to_the_json_ones_for_every_golden_estimate(self):
        """Every attribute, for every golden estimate (lines, findings, ranges, citations,
        reference data of all the schemes), equals what Estimate(raw) reads from the JSON."""
        ranges = citations = 0
        for case, scheme, kw in self.golden_calls():
            with self.subTest(case=os.path.basename(case), scheme=scheme):
                est = reparations.estimate(case, scheme, **kw)
                ref = reparations.Estimate(json.loads(est.to_json()), est.case)
                self.assertEqual(attributes(est), attributes(ref))
                ranges += est.range is not None
                citations += bool(est.citations)
        self.assertGreater(ranges, 0, "some golden estimate has a range")
        self.assertGreater(citations, 0, "some golden estimate has citations")

    def test_kept_after_the_first_read(self):
        est = reparations.estimate(ACQUITTED)
        for f in FIELDS:
            self.assertIs(getattr(est, f), getattr(est, f), f)
        self.assertIs(est.totals.total, est.total)
        # StrEG § 7(3): EUR 75 a day; the example counts 483 days: 483 x 75 = 36,225.00
        de = reparations.estimate(load(ACQUITTED), "de-streg", fx={"EUR/KZT": "520"})
        self.assertEqual((de.days, de.lines[0].head, de.lines[0].amount), (483, "liberty", Decimal("36225.00")))

    def test_valid_after_the_case_and_the_other_estimates_are_gone(self):
        case = load(ACQUITTED)
        schemes = ("kz-cpc", "kz-reform", "us-federal")
        want = [attributes(reparations.estimate(ACQUITTED, s)) for s in schemes]
        for keep in range(len(schemes)):
            ests = _c.estimates(copy.deepcopy(case), schemes)  # one case and context for the three
            one = ests[keep]
            del ests
            gc.collect()
            junk = [json.dumps(load(ACQUITTED)) for _ in range(50)]  # reuse the freed memory
            self.assertEqual(attributes(one), want[keep])
            del junk

    def test_dataclasses_as_if_constructed(self):
        est = reparations.estimate(ACQUITTED)
        line = est.lines[0]
        again = reparations.Line(*(getattr(line, f) for f in (
            "head", "label", "basis", "formula", "amount", "class_", "group", "quantity", "unit", "rate",
            "nominal", "adjustment", "note")))
        self.assertEqual(line, again)
        self.assertEqual(hash(line), hash(again))
        self.assertEqual(repr(line), repr(again))
        self.assertEqual(pickle.loads(pickle.dumps(line)), line)
        with self.assertRaises(AttributeError):  # still frozen
            line.amount = Decimal(0)

    def test_json_made_and_empty_objects(self):
        est = reparations.estimate(ACQUITTED)
        ref = reparations.Estimate(json.loads(est.to_json()), est.case)
        self.assertEqual(ref, est)
        self.assertEqual(pickle.loads(pickle.dumps(est)), est)
        ref.notes = "changed"
        self.assertEqual(ref.notes, "changed")
        with self.assertRaises(AttributeError) as cm:
            _c.EstimateBase().total
        self.assertIn("total", str(cm.exception))
        with self.assertRaises(AttributeError):
            est.no_such_attribute = 1

    def test_many_threads_read_the_same_estimates(self):
        """8 threads read the attributes (and the JSON, rendered without the GIL) of the same
        fresh estimates at once: each gets the values read alone, and the same objects."""
        calls = [(ACQUITTED, "kz-cpc", {}), (ACQUITTED, "de-streg", {"fx": {"EUR/KZT": "520"}}),
                 (load(ACQUITTED), "kz-reform", {}), (load(ACQUITTED), "us-federal", {})]
        want = [(attributes(reparations.estimate(c, s, **kw)), reparations.estimate(c, s, **kw).to_json())
                for c, s, kw in calls]
        for _ in range(20):
            ests = [reparations.estimate(c, s, **kw) for c, s, kw in calls]
            barrier = threading.Barrier(8)
            seen, errors = [], []

            def read():
                try:
                    barrier.wait()
                    seen.append([(attributes(e), e.to_json(), id(e._raw), id(e.lines)) for e in reversed(ests)][::-1])
                except BaseException as e:  # noqa: B902 - reported below
                    errors.append(e)

            threads = [threading.Thread(target=read) for _ in range(8)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            self.assertEqual(errors, [])
            for got in seen:
                self.assertEqual([(a, j) for a, j, _, _ in got], want)
                self.assertEqual([(r, l) for _, _, r, l in got], [(id(e._raw), id(e.lines)) for e in ests])

    def test_gil_released_during_the_computation(self):
        case = load(os.path.join(ROOT, "examples", "cases", "kz-activist.json"))
        schemes = tuple(s.id for s in reparations.schemes())
        stop = threading.Event()
        ticks = [0]

        def counter():
            while not stop.is_set():
                ticks[0] += 1

        t = threading.Thread(target=counter)
        old = sys.getswitchinterval()
        sys.setswitchinterval(0.2)
        try:
            t.start()
            time.sleep(0.01)
            start = ticks[0]
            t0 = time.perf_counter()
            while ticks[0] == start and time.perf_counter() - t0 < 0.1:
                _c.estimates(case, schemes, (), "2026-03-01", None)
            progressed = ticks[0] - start
        finally:
            stop.set()
            t.join()
            sys.setswitchinterval(old)
        self.assertGreater(progressed, 0, "the counter thread never ran: the GIL was not released")

    @staticmethod
    def swallow(fn):
        try:
            return fn()
        except _c.LibraryError:
            return None

    def test_reference_counts(self):
        """The dict and its strings, the arguments, on the direct path, a declined dict and an error."""
        case = load(ACQUITTED)
        case["id"] = "x" + "y"  # fresh objects
        bad = copy.deepcopy(case)
        bad["colour"] = "red"
        late = copy.deepcopy(case)
        late["as_of"] = "2099-01-01"
        scheme = "kz-" + "cpc"
        objs = [case, case["id"], case["harms"], case["harms"][0], bad, late, scheme]
        calls = [lambda: _c.estimates(case, (scheme,)), lambda: _c.estimates(bad, (scheme,)),
                 lambda: _c.validate(case), lambda: _c.case_json(bad),
                 lambda: attributes(_c.estimates(case, (scheme, "de-streg"), (), None,
                                                 ([("EUR/KZT", "520", None, None)], (), ()))[1]),
                 lambda: self.swallow(lambda: _c.estimates(late, ("de-streg",), (), None, ((), (), (), True)))]
        for f in calls:
            f()
        gc.collect()
        before = [sys.getrefcount(o) for o in objs]
        for _ in range(500):
            for f in calls:
                f()
        gc.collect()
        self.assertEqual([sys.getrefcount(o) for o in objs], before)


if __name__ == "__main__":
    unittest.main()
