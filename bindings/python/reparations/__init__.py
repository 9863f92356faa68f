"""reparations: itemized, cited compensation estimates for unlawful detention.

    >>> import reparations
    >>> est = reparations.estimate("examples/cases/acquitted-kz.json", "kz-cpc")
    >>> est.total                      # a decimal.Decimal, never a float
    Decimal('...')
    >>> for line in est.lines:
    ...     print(line.head, line.amount, line.basis)

A case is a dict in the JSON vocabulary of docs/case-format.md, a path to a
JSON file, or JSON text. Amounts go in as Decimal, int or str and come out as
decimal.Decimal built from the library's exact decimal strings. A float amount
raises TypeError unless you pass allow_float=True (see docs/python.md).

Errors raise subclasses of reparations.Error carrying .code (the library's
stable status name), .path (the JSON path of the offending field) and .message.
Every call releases the GIL while the C library computes, so threads help.
"""
from __future__ import annotations

import dataclasses
import datetime
import json
import math
import os
from decimal import Decimal
from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional, Tuple, Union, overload

from . import _reparations as _c

__all__ = [
    "estimate", "compare", "schemes", "refdata", "validate",
    "Estimate", "Comparison", "ComparisonRow", "Line", "Finding", "Totals", "Range", "RangeItem",
    "RefPoint", "OptionValue", "Citation", "Scheme", "SchemeOption", "SeriesInfo", "Series",
    "SeriesPoint", "CaseInfo",
    "Error", "InvalidCase", "InvalidOption", "InvalidArgument", "UnknownScheme", "MissingReferenceData",
    "InvalidReferenceData", "InvalidScheme", "CalculationError",
    "__version__", "library_version",
]

__version__: str = _c.LIBRARY_VERSION


def library_version() -> Tuple[str, int]:
    """The C library's version string and number (same project, same version)."""
    return _c.version()


# --------------------------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------------------------

class Error(Exception):
    """A library call failed.

    Attributes:
        code:    the library's stable status name ("invalid", "syntax", "range",
                 "not_found", "no_data", "io", "precision", "limit", ...);
        status:  the numeric rep_status (stable values, see include/reparations/status.h);
        path:    the JSON path of the offending field ("detentions[1].end"), or "";
        message: the complete message, already prefixed with the path;
        stage:   which step failed ("case", "as_of", "option", "scheme", "fx", ...).
    """

    def __init__(self, message: str, *, code: str = "", status: int = 0, path: str = "", stage: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.status = status
        self.path = path
        self.stage = stage

    def __reduce__(self) -> Any:  # keep the attributes across pickling (multiprocessing)
        return (_rebuild_error, (type(self), self.message, self.code, self.status, self.path, self.stage))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, code={self.code!r}, path={self.path!r})"


def _rebuild_error(cls: type, message: str, code: str, status: int, path: str, stage: str) -> Error:
    return cls(message, code=code, status=status, path=path, stage=stage)


class InvalidCase(Error, ValueError):
    """The case is not valid: .path names the field (bad date, negative amount, unknown key...)."""


class InvalidOption(Error, ValueError):
    """A scheme option is unknown, malformed or out of its range."""


class InvalidArgument(Error, ValueError):
    """Another argument is not acceptable (report_currency: not an ISO 4217 code)."""


class UnknownScheme(Error, LookupError):
    """No scheme has this id (reparations.schemes() lists them)."""


class MissingReferenceData(Error, LookupError):
    """A reference series or exchange rate has no value for the date needed, or does not exist."""


class InvalidReferenceData(Error, ValueError):
    """Exchange rates or a series file given by the caller could not be read."""


class InvalidScheme(Error, ValueError):
    """A scheme definition given by the caller (scheme_files=) is not valid."""


class CalculationError(Error, ArithmeticError):
    """The computation overflowed the supported range or a rounding could not be decided."""


_STAGE_ERRORS: Dict[str, type] = {
    "case": InvalidCase,
    "as_of": InvalidCase,
    "option": InvalidOption,
    "scheme": UnknownScheme,
    "scheme_def": InvalidScheme,
    "report_currency": InvalidArgument,
    "series": InvalidReferenceData,
    "fx": InvalidReferenceData,
}


def _error_class(stage: str, code: str) -> type:
    cls = _STAGE_ERRORS.get(stage)
    if cls is not None:
        return cls
    if code in ("no_data", "not_found"):
        return MissingReferenceData
    if code in ("range", "precision"):
        return CalculationError
    if code in ("invalid", "syntax", "limit") and stage in ("estimate", "compare"):
        return InvalidCase
    return Error


def _library_error(e: Exception) -> Error:
    """The reparations.Error for a _c.LibraryError."""
    stage, status, code, path, message = e.args
    if stage == "as_of" and not path:
        # the as_of= argument: name it like the case field it overrides
        path, message = "as_of", f"as_of: {message}"
    elif path == "--report-currency":  # the library names the CLI flag
        path, message = "report_currency", "report_currency" + message[len(path):]
        stage = "report_currency"
    return _error_class(stage, code)(message, code=code, status=status, path=path, stage=stage)


def _call(fn: Any, *args: Any, **kw: Any) -> Any:
    try:
        return fn(*args, **kw)
    except _c.LibraryError as e:
        raise _library_error(e) from None


# --------------------------------------------------------------------------------------------
# Input: cases, options, exchange rates, files
# --------------------------------------------------------------------------------------------

Amount = Union[Decimal, int, str]
CaseLike = Union[Mapping[str, Any], str, bytes, "os.PathLike[str]"]
DateLike = Union[str, datetime.date]
OptionsLike = Union[Mapping[str, Any], Iterable[str], str]
FxLike = Union[Mapping[str, Any], Iterable[str], str, "os.PathLike[str]"]
PathOrText = Union[str, "os.PathLike[str]"]

_FLOAT_HELP = (
    "binary floating point cannot represent most decimal amounts exactly ({example}), so reparations "
    "takes Decimal, int or str amounts: pass Decimal({s!r}) or {s!r}, or call with allow_float=True to "
    "convert floats through repr(), the shortest text that reads back as the same float ({f!r} -> {s!r})")


def _float_text(f: float, where: str, allow_float: bool) -> str:
    if not allow_float:
        if math.isfinite(f) and Decimal(f) != Decimal(repr(f)):
            exact = str(Decimal(f))
            example = f"{f!r} is stored as {exact[:40]}{'...' if len(exact) > 40 else ''}"
        else:
            example = "0.1 is stored as 0.1000000000000000055511151231257827..."
        raise TypeError(f"{where}: got the float {f!r}; " + _FLOAT_HELP.format(example=example, f=f, s=repr(f)))
    if not math.isfinite(f):
        raise ValueError(f"{where}: {f!r} is not an amount")
    return repr(f)


def _jsonable(v: Any, path: str, allow_float: bool) -> Any:
    """A copy of a case made of JSON types: Decimal -> its exact string, date -> ISO text."""
    if v is None or isinstance(v, (str, bool)):
        return v
    if isinstance(v, int):
        return int(v)  # an int subclass (IntEnum, numpy ints converted by the caller) as a plain int
    if isinstance(v, Decimal):
        return str(v)
    if isinstance(v, float):
        return _float_text(v, path or "case", allow_float)
    if isinstance(v, datetime.datetime):
        raise TypeError(f"{path}: got a datetime; dates are calendar days: pass a datetime.date or 'YYYY-MM-DD'")
    if isinstance(v, datetime.date):
        return v.isoformat()
    if isinstance(v, Mapping):
        out = {}
        for k, x in v.items():
            if not isinstance(k, str):
                raise TypeError(f"{path or 'case'}: keys must be str, not {type(k).__name__} ({k!r})")
            out[k] = _jsonable(x, f"{path}.{k}" if path else k, allow_float)
        return out
    if isinstance(v, (list, tuple)):
        return [_jsonable(x, f"{path}[{i}]", allow_float) for i, x in enumerate(v)]
    raise TypeError(f"{path or 'case'}: a {type(v).__name__} cannot go into a case "
                    "(use dict, list, str, int, Decimal, bool, None or datetime.date)")


def _plain(v: Any) -> bool:
    """True when v holds only JSON types, Decimal and datetime.date (exact types, str keys):
    then json.dumps with _json_default writes what _jsonable would, without copying v."""
    t = type(v)
    if t is dict:
        for k, x in v.items():
            if type(k) is not str or not _plain(x):
                return False
        return True
    if t is list or t is tuple:
        for x in v:
            if not _plain(x):
                return False
        return True
    return t is str or t is int or t is bool or v is None or t is Decimal or t is datetime.date


def _json_default(v: Any) -> Any:
    if type(v) is Decimal:
        return str(v)
    if type(v) is datetime.date:
        return v.isoformat()
    raise TypeError(type(v).__name__)


def _read_bytes(path: Union[str, "os.PathLike[str]"]) -> bytes:
    with open(path, "rb") as f:
        return f.read()


def _case_json(case: CaseLike, allow_float: bool) -> Union[str, bytes]:
    """JSON text for the C layer from a dict, a path or JSON text."""
    if type(case) is str and case.startswith("{"):  # the common text, before the ABC checks
        return case
    if isinstance(case, Mapping):
        if _plain(case):  # the common case, without a copy (floats, subclasses, odd types: _jsonable)
            return json.dumps(case, ensure_ascii=False, default=_json_default)
        return json.dumps(_jsonable(case, "", allow_float), ensure_ascii=False)
    if isinstance(case, (bytes, bytearray, memoryview)):
        return bytes(case)
    if isinstance(case, str):
        if case.lstrip().startswith("{"):
            return case
        if os.path.isfile(case):
            return _read_bytes(case)
        raise FileNotFoundError(2, "no such case file (and the text is not a JSON object)", case)
    if isinstance(case, os.PathLike):
        return _read_bytes(case)
    raise TypeError(f"case must be a dict, a path or JSON text, not {type(case).__name__}")


def _with_case(fn: Any, case: CaseLike, allow_float: bool, *args: Any, **kw: Any) -> Any:
    """fn(case, ...) as _call does it. A dict goes to the C layer as it is, which builds the
    case from it directly; the C layer returns None for a dict that must come as JSON text
    (other types, floats, anything its reader would refuse: that reader words the error)."""
    try:
        if type(case) is dict:
            res = fn(case, *args, **kw)
            if res is not None:
                return res
        return fn(_case_json(case, allow_float), *args, **kw)
    except _c.LibraryError as e:
        raise _library_error(e) from None


def _scalar(v: Any, where: str, allow_float: bool) -> str:
    if isinstance(v, bool):
        raise TypeError(f"{where}: expected a decimal or a name, not a bool")
    if isinstance(v, str):
        return v
    if isinstance(v, int):
        return str(int(v))
    if isinstance(v, Decimal):
        return str(v)
    if isinstance(v, float):
        return _float_text(v, where, allow_float)
    raise TypeError(f"{where}: expected Decimal, int or str, not {type(v).__name__}")


def _options(options: Optional[OptionsLike], allow_float: bool) -> Tuple[str, ...]:
    """("SCHEME.NAME=VALUE", ...) from a dict {"S.N": V} / {"S": {"N": V}} or a list of assignments."""
    if options is None:
        return ()
    if isinstance(options, str):
        return (options,)
    out: List[str] = []
    if isinstance(options, Mapping):
        for k, v in options.items():
            if isinstance(v, Mapping):
                for name, x in v.items():
                    out.append(f"{k}.{name}={_scalar(x, f'options[{k!r}][{name!r}]', allow_float)}")
            else:
                out.append(f"{k}={_scalar(v, f'options[{k!r}]', allow_float)}")
        return tuple(out)
    for i, a in enumerate(options):
        if not isinstance(a, str):
            raise TypeError(f"options[{i}]: expected a \"SCHEME.NAME=VALUE\" string, not {type(a).__name__}")
        out.append(a)
    return tuple(out)


_FxItem = Tuple[str, str, Optional[str], Optional[str]]


def _fx_line(line: str, source: Optional[str]) -> Optional[_FxItem]:
    line = line.strip()
    if not line or line.startswith("#"):
        return None
    pair, eq, rest = line.partition("=")
    if not eq:
        raise InvalidReferenceData(f"fx: {line!r}: expected FROM/TO=RATE[,YYYY-MM-DD]", code="syntax", status=2,
                                   stage="fx")
    rate, _, date = rest.partition(",")
    return (pair.strip(), rate.strip(), date.strip() or None, source)


def _fx(fx: Optional[FxLike], allow_float: bool) -> Tuple[_FxItem, ...]:
    """(pair, rate, from or None, source or None) tuples from the forms fx= accepts."""
    if fx is None:
        return ()
    out: List[_FxItem] = []
    if isinstance(fx, Mapping):
        for pair, v in fx.items():
            date: Optional[str] = None
            if isinstance(v, tuple):  # (rate, from_date)
                v, d = v
                date = d.isoformat() if isinstance(d, datetime.date) else d
            out.append((pair, _scalar(v, f"fx[{pair!r}]", allow_float), date, None))
        return tuple(out)
    if isinstance(fx, os.PathLike) or (isinstance(fx, str) and "=" not in fx):
        path = os.fspath(fx)
        with open(path, encoding="utf-8") as f:
            lines: Iterable[str] = f.read().splitlines()
        source: Optional[str] = path
    else:
        lines = [fx] if isinstance(fx, str) else fx
        source = None
    for line in lines:
        if not isinstance(line, str):
            raise TypeError(f"fx: expected \"FROM/TO=RATE\" strings, not {type(line).__name__}")
        item = _fx_line(line, source)
        if item:
            out.append(item)
    return tuple(out)


def _paths(x: Any) -> List[Any]:
    if x is None:
        return []
    if isinstance(x, (str, os.PathLike, Mapping)):
        return [x]
    return list(x)


def _extras(fx: Optional[FxLike], series_files: Any, scheme_files: Any, allow_float: bool,
            strict_data: bool = False) -> Optional[tuple]:
    if fx is None and series_files is None and scheme_files is None and not strict_data:
        return None
    fxs = _fx(fx, allow_float)
    series = []
    for p in _paths(series_files):
        name = os.fspath(p)
        series.append((_read_bytes(name), "json" if name.lower().endswith(".json") else "csv"))
    defs: List[Union[str, bytes]] = []
    for s in _paths(scheme_files):
        if isinstance(s, Mapping):
            defs.append(json.dumps(_jsonable(s, "", allow_float), ensure_ascii=False))
        elif isinstance(s, str) and s.lstrip().startswith("{"):
            defs.append(s)
        else:
            defs.append(_read_bytes(s))
    if not (fxs or series or defs or strict_data):
        return None
    if strict_data:
        return (fxs, tuple(series), tuple(defs), True)
    return (fxs, tuple(series), tuple(defs))


def _date_text(d: Optional[DateLike], what: str) -> Optional[str]:
    if d is None or isinstance(d, str):
        return d
    if isinstance(d, datetime.datetime):
        raise TypeError(f"{what}: pass a datetime.date or 'YYYY-MM-DD', not a datetime")
    if isinstance(d, datetime.date):
        return d.isoformat()
    raise TypeError(f"{what}: expected 'YYYY-MM-DD' or datetime.date, not {type(d).__name__}")


# --------------------------------------------------------------------------------------------
# Output: the library's JSON as typed objects with Decimal amounts
# --------------------------------------------------------------------------------------------

def _dec(v: Optional[str]) -> Optional[Decimal]:
    return None if v is None or v == "" else Decimal(v)


def _date(v: Optional[str]) -> Optional[datetime.date]:
    return None if not v else datetime.date.fromisoformat(v)


@dataclasses.dataclass(frozen=True)
class Finding:
    """One finding on eligibility; bars is True when it bars the claim."""
    code: str
    text: str
    basis: Optional[str]
    bars: bool

    @classmethod
    def _from(cls, d: Mapping[str, Any]) -> "Finding":
        return cls(d.get("code", ""), d.get("text", ""), d.get("basis"), bool(d.get("bars")))


@dataclasses.dataclass(frozen=True)
class Line:
    """One itemized line. `amount` is exact; quantity and rate are the library's text
    ("483", "0.75 KZ.MCI x 2651.00 (...)"), nominal the amount before adjustment with its
    currency ("7304838.71 KZT"). `class_` is "pecuniary" or "non_pecuniary"."""
    head: str
    label: str
    basis: str
    formula: str
    amount: Decimal
    class_: str = ""
    group: Optional[str] = None
    quantity: Optional[str] = None
    unit: Optional[str] = None
    rate: Optional[str] = None
    nominal: Optional[str] = None
    adjustment: Optional[str] = None
    note: Optional[str] = None

    @classmethod
    def _from(cls, d: Mapping[str, Any]) -> "Line":
        return cls(d["head"], d.get("label", ""), d.get("basis", ""), d.get("formula", ""), Decimal(d["amount"]),
                   d.get("class", ""), d.get("group"), d.get("quantity"), d.get("unit"), d.get("rate"),
                   d.get("nominal"), d.get("adjustment"), d.get("note"))


@dataclasses.dataclass(frozen=True)
class Totals:
    pecuniary: Decimal
    non_pecuniary: Decimal
    total: Decimal


@dataclasses.dataclass(frozen=True)
class RangeItem:
    label: str
    low: Decimal
    high: Decimal
    basis: Optional[str]


@dataclasses.dataclass(frozen=True)
class Range:
    """Where the law leaves a figure to a court: low and high totals, and which value
    the total uses ("low", "high", "default", "option")."""
    low: Decimal
    high: Decimal
    uses: str
    items: Tuple[RangeItem, ...]

    @classmethod
    def _from(cls, d: Mapping[str, Any]) -> "Range":
        items = tuple(RangeItem(i.get("label", ""), Decimal(i["low"]), Decimal(i["high"]), i.get("basis"))
                      for i in d.get("items", ()))
        return cls(Decimal(d["low"]), Decimal(d["high"]), d.get("uses", ""), items)


@dataclasses.dataclass(frozen=True)
class RefPoint:
    """A reference value the estimate used, with its provenance. value is None when the
    library gives no single value (a cross rate through USD lists its source only)."""
    series: str
    date: Optional[datetime.date]
    from_: Optional[datetime.date]
    value: Optional[Decimal]
    confidence: str
    source: str

    @classmethod
    def _from(cls, d: Mapping[str, Any]) -> "RefPoint":
        return cls(d["series"], _date(d.get("date")), _date(d.get("from")), _dec(d.get("value")),
                   d.get("confidence", ""), d.get("source", ""))


@dataclasses.dataclass(frozen=True)
class OptionValue:
    name: str
    value: str
    user_set: bool


@dataclasses.dataclass(frozen=True)
class Citation:
    instrument: str
    article: Optional[str] = None
    url: Optional[str] = None


# Where the library's JSON holds amounts (decimal strings): converted to Decimal by to_dict().
_ESTIMATE_AMOUNTS = ("total", "total_if_eligible", "per_day")
_ROW_AMOUNTS = ("total", "total_if_eligible", "per_day", "report_total", "report_per_day", "fx_rate")


def _estimate_dict_with_decimals(d: Mapping[str, Any]) -> Dict[str, Any]:
    out = json.loads(json.dumps(d))  # deep copy of plain JSON
    for k in _ESTIMATE_AMOUNTS:
        if out.get(k):
            out[k] = Decimal(out[k])
    for k, v in out.get("totals", {}).items():
        out["totals"][k] = Decimal(v)
    for line in out.get("lines", ()):
        line["amount"] = Decimal(line["amount"])
    if "range" in out:
        r = out["range"]
        r["low"], r["high"] = Decimal(r["low"]), Decimal(r["high"])
        for i in r.get("items", ()):
            i["low"], i["high"] = Decimal(i["low"]), Decimal(i["high"])
    for p in out.get("refdata", ()):
        p["value"] = _dec(p.get("value"))
    return out


class Estimate(_c.EstimateBase):
    """One case evaluated under one scheme.

    Every amount (total, lines[i].amount, totals, range, per_day, refdata values) is a
    decimal.Decimal. to_json() gives the library's JSON for this estimate (amounts as
    strings, the same values as `reparations estimate --format json`); to_dict() the same
    object with amounts as Decimal.

    An estimate computed by estimate() keeps the library's estimate object and makes each
    attribute from it the first time it is read (then keeps it); Estimate(raw) sets them
    all from the library's JSON object. The storage is the C layer's EstimateBase."""

    __slots__ = ()

    case: Optional[str]
    scheme: str
    name: str
    jurisdiction: str
    status: str
    currency: str
    as_of: Optional[datetime.date]
    eligible: bool
    findings: Tuple[Finding, ...]
    lines: Tuple[Line, ...]
    totals: Totals
    total: Decimal
    total_if_eligible: Optional[Decimal]
    range: Optional[Range]
    days: int
    per_day: Optional[Decimal]
    options: Tuple[OptionValue, ...]
    refdata: Tuple[RefPoint, ...]
    warnings: Tuple[str, ...]
    notes: Optional[str]
    citations: Tuple[Citation, ...]

    def __init__(self, raw: Mapping[str, Any], case: Optional[str] = None) -> None:
        self._raw = raw
        self.case = case
        self.scheme = raw["scheme"]
        self.name = raw.get("name", "")
        self.jurisdiction = raw.get("jurisdiction", "")
        self.status = raw.get("status", "")
        self.currency = raw["currency"]
        self.as_of = _date(raw.get("as_of"))
        self.eligible = bool(raw["eligible"])
        self.findings = tuple(Finding._from(f) for f in raw.get("findings", ()))
        self.lines = tuple(Line._from(x) for x in raw.get("lines", ()))
        self.total = Decimal(raw["total"])
        t = raw.get("totals") or {}
        self.totals = Totals(Decimal(t.get("pecuniary", "0")), Decimal(t.get("non_pecuniary", "0")),
                             Decimal(t.get("total", raw["total"])))
        self.total_if_eligible = _dec(raw.get("total_if_eligible"))
        self.range = Range._from(raw["range"]) if raw.get("range") else None
        self.days = int(raw.get("days", 0))
        self.per_day = _dec(raw.get("per_day"))
        self.options = tuple(OptionValue(o["name"], o["value"], bool(o.get("user_set")))
                             for o in raw.get("options", ()))
        self.refdata = tuple(RefPoint._from(p) for p in raw.get("refdata", ()))
        self.warnings = tuple(raw.get("warnings", ()))
        self.notes = raw.get("notes")
        self.citations = tuple(Citation(c.get("instrument", ""), c.get("article"), c.get("url"))
                               for c in raw.get("citations", ()))

    def __reduce__(self) -> Any:  # pickles as its JSON (the C object stays in this process)
        return (Estimate, (self._raw, self.case))

    def to_dict(self) -> Dict[str, Any]:
        """The library's JSON object for this estimate, with every amount as Decimal."""
        return _estimate_dict_with_decimals(self._raw)

    def to_json(self, indent: Optional[int] = 2) -> str:
        """The library's JSON object for this estimate (amounts as decimal strings)."""
        return json.dumps(self._raw, ensure_ascii=False, indent=indent)

    def __repr__(self) -> str:
        state = "eligible" if self.eligible else "not eligible"
        return f"<Estimate {self.scheme}: {self.total} {self.currency}, {state}, {len(self.lines)} lines>"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Estimate) and self._raw == other._raw

    __hash__ = None  # type: ignore[assignment]


@dataclasses.dataclass(frozen=True)
class ComparisonRow:
    """One scheme in a comparison. ok is False when the scheme could not be evaluated
    (error says why, e.g. a missing exchange rate). report_* are in the reporting
    currency, converted at fx_rate (units of the reporting currency per unit of currency)."""
    scheme: str
    name: str
    status: str
    currency: str
    ok: bool
    error: Optional[str] = None
    eligible: Optional[bool] = None
    reason: Optional[str] = None
    total: Optional[Decimal] = None
    total_if_eligible: Optional[Decimal] = None
    days: Optional[int] = None
    per_day: Optional[Decimal] = None
    report_total: Optional[Decimal] = None
    report_per_day: Optional[Decimal] = None
    fx_rate: Optional[Decimal] = None
    fx_source: Optional[str] = None
    jurisdiction: Optional[str] = None

    @classmethod
    def _from(cls, d: Mapping[str, Any]) -> "ComparisonRow":
        return cls(d["scheme"], d.get("name", ""), d.get("status", ""), d.get("currency", ""), bool(d.get("ok")),
                   d.get("error"), d.get("eligible"), d.get("reason"), _dec(d.get("total")),
                   _dec(d.get("total_if_eligible")), d.get("days"), _dec(d.get("per_day")),
                   _dec(d.get("report_total")), _dec(d.get("report_per_day")), _dec(d.get("fx_rate")),
                   d.get("fx_source"), d.get("jurisdiction"))


class Comparison:
    """One case under many schemes: rows (one per scheme, iterate the comparison) and the
    full estimate of each scheme that could be evaluated (comparison.estimates[scheme])."""

    __slots__ = ("_raw", "case", "as_of", "report_currency", "rows", "estimates")

    case: Optional[str]
    as_of: Optional[datetime.date]
    report_currency: Optional[str]
    rows: Tuple[ComparisonRow, ...]
    estimates: Dict[str, Estimate]

    def __init__(self, raw: Mapping[str, Any]) -> None:
        self._raw = raw
        self.case = raw.get("case")
        self.as_of = _date(raw.get("as_of"))
        self.report_currency = raw.get("report_currency") or None
        self.rows = tuple(ComparisonRow._from(r) for r in raw.get("comparison", ()))
        self.estimates = {e["scheme"]: Estimate(e, self.case) for e in raw.get("estimates", ())}

    def __iter__(self) -> Iterator[ComparisonRow]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, scheme: str) -> ComparisonRow:
        for r in self.rows:
            if r.scheme == scheme:
                return r
        raise KeyError(scheme)

    @property
    def failures(self) -> Tuple[ComparisonRow, ...]:
        """The rows whose scheme could not be evaluated (row.error says why)."""
        return tuple(r for r in self.rows if not r.ok)

    def to_dict(self) -> Dict[str, Any]:
        """The library's comparison JSON with every amount as Decimal."""
        out = json.loads(json.dumps(self._raw))
        for row in out.get("comparison", ()):
            for k in _ROW_AMOUNTS:
                if row.get(k):
                    row[k] = Decimal(row[k])
        out["estimates"] = [_estimate_dict_with_decimals(e) for e in self._raw.get("estimates", ())]
        return out

    def to_json(self, indent: Optional[int] = 2) -> str:
        """The library's comparison JSON (amounts as decimal strings), as `reparations compare --format json`."""
        return json.dumps(self._raw, ensure_ascii=False, indent=indent)

    def to_pandas(self) -> Any:
        """A pandas DataFrame, one row per scheme (index: scheme id), columns as ComparisonRow.
        Amount columns hold Decimal objects (dtype object): convert with .astype(float) only for
        plotting. Needs pandas (Debian: python3-pandas)."""
        try:
            import pandas
        except ImportError as e:
            raise ImportError("Comparison.to_pandas() needs pandas, which is not installed "
                              "(pip install pandas, or apt install python3-pandas)") from e
        records = [dataclasses.asdict(r) for r in self.rows]
        columns = [f.name for f in dataclasses.fields(ComparisonRow)]
        return pandas.DataFrame.from_records(records, columns=columns).set_index("scheme")

    def __repr__(self) -> str:
        return (f"<Comparison {self.case}: {len(self.rows)} schemes, {len(self.failures)} failed, "
                f"report currency {self.report_currency}>")


@dataclasses.dataclass(frozen=True)
class SchemeOption:
    """A parameter of a scheme a user may change: estimate(..., options={"SCHEME.NAME": value})."""
    name: str
    type: str                      # "decimal" or "choice"
    default: Optional[str]
    description: str = ""
    choices: Tuple[str, ...] = ()
    min: Optional[Decimal] = None
    max: Optional[Decimal] = None


@dataclasses.dataclass(frozen=True)
class Scheme:
    id: str
    name: str
    jurisdiction: str
    status: str                    # "law", "guideline", "practice", "standard", "draft", "scenario"
    currency: str                  # ISO code, or "case": pays in the case's currency
    notes: str
    options: Tuple[SchemeOption, ...]


@dataclasses.dataclass(frozen=True)
class SeriesPoint:
    from_: datetime.date
    value: Decimal
    confidence: str
    source: str


@dataclasses.dataclass(frozen=True)
class SeriesInfo:
    id: str
    name: str
    unit: str
    description: str
    until: Optional[datetime.date]
    user_loaded: bool
    points: int


@dataclasses.dataclass(frozen=True)
class Series:
    id: str
    name: str
    unit: str
    description: str
    until: Optional[datetime.date]
    user_loaded: bool
    points: Tuple[SeriesPoint, ...]


@dataclasses.dataclass(frozen=True)
class CaseInfo:
    """What validate() read: the case id, its currency, and how many detentions and harms."""
    id: str
    currency: str
    detentions: int
    harms: int


# --------------------------------------------------------------------------------------------
# The API
# --------------------------------------------------------------------------------------------

def estimate(case: CaseLike, scheme: str = "kz-cpc", *, as_of: Optional[DateLike] = None,
             options: Optional[OptionsLike] = None, fx: Optional[FxLike] = None,
             series_files: Any = None, scheme_files: Any = None, allow_float: bool = False,
             strict_data: bool = False, lang: Optional[str] = None) -> Estimate:
    """Evaluate `case` under `scheme`.

    case:    a dict in the case vocabulary (docs/case-format.md), a path to a JSON file
             (str or os.PathLike) or JSON text.
    scheme:  a scheme id (reparations.schemes() lists them).
    as_of:   valuation date ('YYYY-MM-DD' or datetime.date), overriding the case's as_of.
    options: {"SCHEME.NAME": value}, {"SCHEME": {"NAME": value}} or ["SCHEME.NAME=VALUE", ...].
    fx:      exchange rates: {"EUR/KZT": "520"} (1 EUR = 520 KZT; a value may be
             (rate, from_date)), ["EUR/KZT=520[,YYYY-MM-DD]", ...], or the path of a file of
             such lines (the CLI's --fx-file). They take precedence over built-in rates.
    series_files: path(s) of reference series (CSV or JSON, docs/refdata.md).
    scheme_files: path(s), JSON text or dict(s) of scheme definitions (docs/schemes.md).
    allow_float: accept float amounts, converted through repr() (see docs/python.md).
    strict_data: a date after a series' last point raises MissingReferenceData instead of
             using the latest point with a warning (the CLI's --strict-data).
    lang:    "en" (default), "ru" or "kk": the language of labels, findings, formulas,
             warnings and citations; amounts, keys, codes and scheme ids do not change.

    An ineligible case is not an error: the estimate says why (findings) and has a zero
    total. Raises InvalidCase, UnknownScheme, InvalidOption, MissingReferenceData, ..."""
    if not isinstance(scheme, str):
        raise TypeError(f"scheme must be a scheme id (str), not {type(scheme).__name__}")
    extras = _extras(fx, series_files, scheme_files, allow_float, strict_data)
    opts = _options(options, allow_float)
    day = _date_text(as_of, "as_of")
    if lang is None or lang == "en":
        return _with_case(_c.estimates, case, allow_float, (scheme,), opts, day, extras)[0]
    # translated text exists only in the rendered estimate (the renderers translate)
    doc = json.loads(_with_case(_c.estimate, case, allow_float, (scheme,), opts, day, extras, lang=lang))
    return Estimate(doc["estimates"][0], doc.get("case"))


def compare(case: CaseLike, schemes: Union[None, str, Iterable[str]] = None, *,
            report_currency: Optional[str] = None, as_of: Optional[DateLike] = None,
            options: Optional[OptionsLike] = None, fx: Optional[FxLike] = None,
            series_files: Any = None, scheme_files: Any = None, allow_float: bool = False,
            strict_data: bool = False, lang: Optional[str] = None) -> Comparison:
    """Evaluate `case` under many schemes side by side (schemes=None: every scheme, in the
    library's order). With report_currency, totals are also converted at the valuation date
    (built-in dated rates, or the ones given in fx=). A scheme that cannot be evaluated (a
    missing exchange rate, say) gets a row with ok=False and its error instead of stopping
    the comparison: see Comparison.failures. Other arguments as for estimate()."""
    ids: Optional[Tuple[str, ...]]
    if schemes is None:
        ids = None
    elif isinstance(schemes, str):
        ids = (schemes,)
    else:
        ids = tuple(schemes)
    text = _with_case(_c.compare, case, allow_float, ids, _options(options, allow_float),
                      _date_text(as_of, "as_of"), report_currency,
                      _extras(fx, series_files, scheme_files, allow_float, strict_data), lang=lang)
    return Comparison(json.loads(text))


def schemes(*, scheme_files: Any = None) -> List[Scheme]:
    """Every scheme with its status, currency, notes and options (plus any in scheme_files)."""
    doc = json.loads(_call(_c.schemes, _extras(None, None, scheme_files, False)))
    out = []
    for s in doc["schemes"]:
        opts = tuple(SchemeOption(o["name"], o.get("type", ""), o.get("default"), o.get("description", ""),
                                  tuple(o["choices"].split("|")) if o.get("choices") else (),
                                  _dec(o.get("min")), _dec(o.get("max")))
                     for o in s.get("options", ()))
        out.append(Scheme(s["id"], s.get("name", ""), s.get("jurisdiction", ""), s.get("status", ""),
                          s.get("currency", ""), s.get("notes", ""), opts))
    return out


@overload
def refdata(series: None = None, *, series_files: Any = None) -> List[SeriesInfo]: ...
@overload
def refdata(series: str, *, series_files: Any = None) -> Series: ...


def refdata(series: Optional[str] = None, *, series_files: Any = None) -> Union[List[SeriesInfo], Series]:
    """The reference series (id, unit, coverage, sources), or with a series id that series
    with every point (value as Decimal, confidence, source). Raises MissingReferenceData for
    an unknown id."""
    doc = json.loads(_call(_c.refdata, series, _extras(None, series_files, None, False)))
    if series is None:
        return [SeriesInfo(s["id"], s.get("name", ""), s.get("unit", ""), s.get("description", ""),
                           _date(s.get("until")), bool(s.get("user_loaded")), int(s.get("points", 0)))
                for s in doc["series"]]
    pts = tuple(SeriesPoint(_date(p["from"]), Decimal(p["value"]), p.get("confidence", ""), p.get("source", ""))
                for p in doc.get("points", ()))
    return Series(doc["id"], doc.get("name", ""), doc.get("unit", ""), doc.get("description", ""),
                  _date(doc.get("until")), bool(doc.get("user_loaded")), pts)


def validate(case: CaseLike, *, as_of: Optional[DateLike] = None, allow_float: bool = False) -> CaseInfo:
    """Read and check a case. Returns what was read; raises InvalidCase (with .path) at the
    first problem."""
    cid, cur, n_det, n_harms = _with_case(_c.validate, case, allow_float, _date_text(as_of, "as_of"))
    return CaseInfo(cid or "", cur or "", n_det, n_harms)


# The classes the C layer makes estimates' attributes of (without running a dataclass's __init__).
_c._setup({"Estimate": Estimate, "Decimal": Decimal, "json_loads": json.loads,
           **{k.__name__: (k, tuple(f.name for f in dataclasses.fields(k)))
              for k in (Line, Finding, RefPoint, OptionValue, Totals, Range, RangeItem, Citation)}})

# Batches and sweeps (reparations/_batch.py): imported last, they use the helpers above.
from ._batch import BatchResult, BatchRow, BatchRun, batch, sweep  # noqa: E402

__all__ += ["batch", "sweep", "BatchRow", "BatchRun", "BatchResult"]
