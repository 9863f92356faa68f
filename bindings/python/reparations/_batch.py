"""Batches and sweeps: many cases under many schemes, one case over a grid.

    >>> for row in reparations.batch("caseload.jsonl", ["de-streg", "us-federal"], jobs=2):
    ...     print(row.case, row.scheme, row.total)
    >>> df = reparations.batch(cases, "de-streg").to_pandas()
    >>> df = reparations.sweep(case, "de-streg", vary={"detentions[0].end": ("2023-03-10", "2024-03-10", "1m")})

Rows are built by the C layer straight from the library's estimates (no JSON
text in between); their amounts are kept as the library's exact decimal
strings and become decimal.Decimal when read.
"""
from __future__ import annotations

import datetime
import io
import os
from decimal import Decimal
from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional, Sequence, Tuple, Union

from . import _reparations as _c
from . import Error, Line, _call, _case_json, _date_text, _error_class, _extras, _options

__all__ = ["batch", "sweep", "BatchRow", "BatchRun", "BatchResult"]

# The C layer's row tuple (bindings/python/_reparations.c, row_tuple).
_INDEX, _LINE, _CASE, _SCHEME, _STATUS, _EPATH, _EMSG, _ELIGIBLE, _CURRENCY, _TOTAL, _TIE, _RLOW, _RHIGH, \
    _PEC, _NONPEC, _DAYS, _PERDAY, _WARNINGS, _HEADS, _LINES, _POINT = range(21)

# A JSON Lines file is read in blocks of this many bytes; a line over the
# library's limit (1 MiB, REP_BATCH_MAX_LINE) is an error row, never held whole.
_BLOCK = 1 << 20
_MAX_LINE = 1 << 20
# Cases handed to the C layer per call (it evaluates them with `jobs` threads).
_CHUNK = 4096


def _dec(v: Optional[str]) -> Optional[Decimal]:
    return None if v is None else Decimal(v)


class BatchRow:
    """One case (or grid point) under one scheme.

    ok is False when the case could not be read or evaluated: status is then the
    library's status name ("syntax", "invalid", "not_found", "no_data", "limit", ...),
    error_path the JSON path of the field and error_message the message; error()
    gives the matching reparations.Error. Amounts are Decimal (converted when read);
    heads maps each head ("liberty", "moral_harm", ...) to the subtotal of its lines;
    lines is filled with fields="lines". index is the 0-based position in the input,
    line the 1-based line of a JSON Lines file (None otherwise), point a sweep's axis
    values ({path: text})."""

    __slots__ = ("_t", "_axes")

    def __init__(self, t: tuple, axes: Optional[Tuple[str, ...]] = None) -> None:
        self._t = t
        self._axes = axes

    index = property(lambda self: self._t[_INDEX])
    line = property(lambda self: self._t[_LINE])
    case = property(lambda self: self._t[_CASE])
    scheme = property(lambda self: self._t[_SCHEME])
    status = property(lambda self: self._t[_STATUS])
    ok = property(lambda self: self._t[_STATUS] == "ok")
    error_path = property(lambda self: self._t[_EPATH])
    error_message = property(lambda self: self._t[_EMSG])
    eligible = property(lambda self: self._t[_ELIGIBLE])
    currency = property(lambda self: self._t[_CURRENCY])
    total = property(lambda self: _dec(self._t[_TOTAL]))
    total_if_eligible = property(lambda self: _dec(self._t[_TIE]))
    range_low = property(lambda self: _dec(self._t[_RLOW]))
    range_high = property(lambda self: _dec(self._t[_RHIGH]))
    total_pecuniary = property(lambda self: _dec(self._t[_PEC]))
    total_non_pecuniary = property(lambda self: _dec(self._t[_NONPEC]))
    days = property(lambda self: self._t[_DAYS])
    per_day = property(lambda self: _dec(self._t[_PERDAY]))
    warnings = property(lambda self: self._t[_WARNINGS])

    @property
    def heads(self) -> Dict[str, Decimal]:
        return {h: Decimal(a) for h, a in (self._t[_HEADS] or ())}

    @property
    def lines(self) -> Optional[Tuple[Line, ...]]:
        ls = self._t[_LINES]
        if ls is None:
            return None
        return tuple(Line(x[0], x[3] or "", x[4] or "", x[5] or "", Decimal(x[11]), x[2] or "", x[1], x[6], x[7],
                          x[8], x[9], x[10], x[12]) for x in ls)

    @property
    def point(self) -> Optional[Dict[str, str]]:
        p = self._t[_POINT]
        return None if p is None or self._axes is None else dict(zip(self._axes, p))

    def error(self) -> Optional[Error]:
        """The failure as a reparations.Error subclass (InvalidCase, UnknownScheme, ...), or None."""
        if self.ok:
            return None
        code, stage = self.status, ("case" if self.scheme is None else "estimate")
        if code == "not_found" and self.scheme is not None and "unknown scheme" in (self.error_message or ""):
            stage = "scheme"
        status = {v: k for k, v in _c.status_names().items()}.get(code, 0)
        return _error_class(stage, code)(self.error_message or "", code=code, status=status,
                                         path=self.error_path or "", stage=stage)

    _FIELDS = ("index", "line", "case", "scheme", "status", "ok", "error_path", "error_message", "eligible",
               "currency", "total", "total_if_eligible", "range_low", "range_high", "total_pecuniary",
               "total_non_pecuniary", "days", "per_day", "warnings", "heads")

    def to_dict(self) -> Dict[str, Any]:
        d = {k: getattr(self, k) for k in self._FIELDS}
        if self._t[_LINES] is not None:
            d["lines"] = self.lines
        if self._axes is not None:
            d["point"] = self.point
        return d

    def __eq__(self, other: object) -> bool:
        return isinstance(other, BatchRow) and self._t == other._t and self._axes == other._axes

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        if not self.ok:
            return f"<BatchRow {self.index} {self.case!r} {self.scheme}: {self.status}: {self.error_message}>"
        return f"<BatchRow {self.index} {self.case!r} {self.scheme}: {self._t[_TOTAL]} {self.currency}>"


def _frame(rows: Sequence[BatchRow], axes: Optional[Tuple[str, ...]]) -> Any:
    try:
        import pandas
    except ImportError as e:
        raise ImportError("to_pandas() needs pandas, which is not installed "
                          "(pip install pandas, or apt install python3-pandas)") from e
    cols: Dict[str, List[Any]] = {}
    ts = [r._t for r in rows]
    if axes:
        for i, a in enumerate(axes):
            cols[a] = [t[_POINT][i] if t[_POINT] is not None else None for t in ts]
    simple = (("index", _INDEX), ("line", _LINE), ("case", _CASE), ("scheme", _SCHEME), ("status", _STATUS),
              ("error_path", _EPATH), ("error_message", _EMSG), ("eligible", _ELIGIBLE), ("currency", _CURRENCY))
    for name, i in simple:
        cols[name] = [t[i] for t in ts]
    for name, i in (("total", _TOTAL), ("total_if_eligible", _TIE), ("range_low", _RLOW), ("range_high", _RHIGH),
                    ("total_pecuniary", _PEC), ("total_non_pecuniary", _NONPEC)):
        cols[name] = [None if t[i] is None else Decimal(t[i]) for t in ts]
    cols["days"] = [t[_DAYS] for t in ts]
    cols["per_day"] = [None if t[_PERDAY] is None else Decimal(t[_PERDAY]) for t in ts]
    cols["warnings"] = [t[_WARNINGS] for t in ts]
    cols["heads"] = [{h: Decimal(a) for h, a in t[_HEADS]} if t[_HEADS] is not None else None for t in ts]
    return pandas.DataFrame(cols)


class BatchResult(Sequence[BatchRow]):
    """The rows of a finished batch or sweep, in input order."""

    def __init__(self, rows: List[BatchRow], axes: Optional[Tuple[str, ...]] = None) -> None:
        self.rows = rows
        self.axes = axes

    def __getitem__(self, i: Any) -> Any:
        return self.rows[i]

    def __len__(self) -> int:
        return len(self.rows)

    @property
    def failures(self) -> List[BatchRow]:
        return [r for r in self.rows if not r.ok]

    def to_pandas(self) -> Any:
        """A pandas DataFrame, one row per case x scheme (per grid point x scheme for a sweep,
        the axes first). Amount columns hold Decimal objects (dtype object): convert with
        .astype(float) only for plotting. Needs pandas (Debian: python3-pandas)."""
        return _frame(self.rows, self.axes)

    def __repr__(self) -> str:
        return f"<BatchResult {len(self.rows)} rows, {len(self.failures)} failed>"


def _jsonl_chunks(f: Any) -> Iterator[Tuple[bytes, int]]:
    """(chunk of whole lines, number of the line before it) from a binary file, in bounded memory."""
    line = 0
    pending = b""
    skipping = False   # inside a line over the limit: drop bytes up to its newline
    first = True
    while True:
        block = f.read(_BLOCK)
        if first and block:
            first = False
            if block[:2] in (b"\xff\xfe", b"\xfe\xff"):
                yield block, 0  # the library names the UTF-16/UTF-32 mark
                return
            if block.startswith(b"\xef\xbb\xbf"):
                block = block[3:]
        if not block:
            if pending and not skipping:
                yield pending, line
            return
        if skipping:
            nl = block.find(b"\n")
            if nl < 0:
                continue
            block = block[nl + 1:]
            skipping = False
            line += 1
        data = pending + block
        cut = data.rfind(b"\n")
        if cut < 0:
            whole, pending = b"", data
        else:
            whole, pending = data[:cut + 1], data[cut + 1:]
        if whole:
            yield whole, line
            line += whole.count(b"\n")
        if len(pending) > _MAX_LINE:
            # more than the limit without a newline: the library reports the line, we skip its rest
            yield pending[:_MAX_LINE + 1] + b"\n", line
            pending = b""
            skipping = True


def _is_path(x: Any) -> bool:
    return isinstance(x, (str, os.PathLike)) and not (isinstance(x, str) and x.lstrip().startswith("{"))


class BatchRun(Iterator[BatchRow]):
    """The rows of a running batch, in input order: iterate it (rows come as each chunk of
    cases is evaluated, so a large caseload streams in bounded memory), or collect() /
    to_pandas() it whole."""

    def __init__(self, gen: Iterator[BatchRow]) -> None:
        self._gen = gen

    def __iter__(self) -> "BatchRun":
        return self

    def __next__(self) -> BatchRow:
        return next(self._gen)

    def collect(self) -> BatchResult:
        return BatchResult(list(self._gen))

    def to_pandas(self) -> Any:
        return self.collect().to_pandas()


def _scheme_ids(schemes: Union[str, Iterable[str]]) -> Tuple[str, ...]:
    ids = (schemes,) if isinstance(schemes, str) else tuple(schemes)
    for s in ids:
        if not isinstance(s, str):
            raise TypeError(f"schemes: expected scheme ids (str), not {type(s).__name__}")
    if not ids:
        raise ValueError("at least one scheme is required")
    return ids


def batch(cases: Any, schemes: Union[str, Iterable[str]], *, jobs: int = 1, fields: str = "totals",
          options: Any = None, fx: Any = None, series_files: Any = None, scheme_files: Any = None,
          allow_float: bool = False) -> BatchRun:
    """Evaluate many cases under one or more schemes: one BatchRow per case x scheme, in input order.

    cases:   the path of a JSON Lines file (one case object per line, as `reparations batch`
             reads), an open binary file of JSON Lines, or an iterable of cases in any form
             estimate() takes (dict, path of a .json file, JSON text).
    schemes: a scheme id or a list of them.
    jobs:    threads evaluating (0: one per processor); the rows stay in input order.
    fields:  "totals" (default) or "lines" (each row also carries its itemized lines).
    options, fx, series_files, scheme_files, allow_float: as for estimate().

    A case that cannot be read or evaluated is a row with ok=False (its error in
    error_path/error_message, or row.error()), never an exception: the others go on."""
    ids = _scheme_ids(schemes)
    opts = _options(options, allow_float)
    extras = _extras(fx, series_files, scheme_files, allow_float)
    if fields not in ("totals", "lines"):
        raise ValueError('fields must be "totals" or "lines"')
    if not isinstance(jobs, int) or isinstance(jobs, bool):
        raise TypeError("jobs must be an int")

    def from_file(f: Any) -> Iterator[BatchRow]:
        index = 0
        for chunk, line0 in _jsonl_chunks(f):
            rows = _call(_c.batch, chunk, ids, opts, jobs, fields, extras, True, index, line0)
            if rows:
                index = rows[-1][_INDEX] + 1
            for t in rows:
                yield BatchRow(t)

    def from_items(items: Iterable[Any]) -> Iterator[BatchRow]:
        index = 0
        buf: List[Union[str, bytes]] = []
        it = iter(items)
        while True:
            buf.clear()
            for x in it:
                buf.append(_case_json(x, allow_float))
                if len(buf) == _CHUNK:
                    break
            if not buf:
                return
            for t in _call(_c.batch, tuple(buf), ids, opts, jobs, fields, extras, False, index):
                yield BatchRow(t)
            index += len(buf)

    if isinstance(cases, (str, os.PathLike)) and _is_path(cases):
        path = os.fspath(cases)

        def gen() -> Iterator[BatchRow]:
            with open(path, "rb") as f:
                yield from from_file(f)
        return BatchRun(gen())
    if hasattr(cases, "read"):
        if isinstance(cases, io.TextIOBase):
            raise TypeError("batch(): open the JSON Lines file in binary mode ('rb')")
        return BatchRun(from_file(cases))
    if isinstance(cases, (Mapping, bytes, bytearray, memoryview)):
        raise TypeError("batch(): cases must be a JSON Lines path or file, or an iterable of cases "
                        "(for one case use estimate() or compare())")
    return BatchRun(from_items(cases))


def _axis_value(v: Any, where: str) -> str:
    if isinstance(v, bool):
        raise TypeError(f"{where}: expected a decimal, a date or a name, not a bool")
    if isinstance(v, datetime.datetime):
        raise TypeError(f"{where}: pass a datetime.date or 'YYYY-MM-DD', not a datetime")
    if isinstance(v, datetime.date):
        return v.isoformat()
    if isinstance(v, datetime.timedelta):
        if v.seconds or v.microseconds or v.days <= 0:
            raise ValueError(f"{where}: a step in whole days (> 0)")
        return f"{v.days}d"
    if isinstance(v, float):
        raise TypeError(f"{where}: got the float {v!r}; pass Decimal or str (binary floats are not exact)")
    if isinstance(v, (int, Decimal)):
        return str(v)
    if isinstance(v, str):
        return v
    raise TypeError(f"{where}: expected Decimal, int, str or date, not {type(v).__name__}")


def _vary_specs(vary: Mapping[str, Any]) -> Tuple[str, ...]:
    if not isinstance(vary, Mapping) or not vary:
        raise TypeError('vary must be a dict {path: (from, to, step) | "FROM:TO:STEP" | [values]}')
    out = []
    for path, v in vary.items():
        if not isinstance(path, str):
            raise TypeError(f"vary: paths must be str, not {type(path).__name__}")
        if isinstance(v, str):
            out.append(f"{path}={v}")
        elif isinstance(v, tuple) and len(v) == 3:
            out.append(f"{path}=" + ":".join(_axis_value(x, f"vary[{path!r}]") for x in v))
        elif isinstance(v, (list, range)) or (isinstance(v, tuple) and len(v) != 3):
            vals = [_axis_value(x, f"vary[{path!r}]") for x in v]
            if any("," in x or ":" in x for x in vals):
                raise ValueError(f"vary[{path!r}]: a listed value may not contain ',' or ':'")
            if not vals:
                raise ValueError(f"vary[{path!r}]: no values")
            out.append(f"{path}=" + ",".join(vals))
        else:
            raise TypeError(f"vary[{path!r}]: expected (from, to, step), 'FROM:TO:STEP' or a list of values")
    return tuple(out)


def sweep(case: Any, scheme: Union[str, Iterable[str]], vary: Mapping[str, Any], *, jobs: int = 1,
          fields: str = "totals", as_of: Any = None, options: Any = None, fx: Any = None,
          series_files: Any = None, scheme_files: Any = None, allow_float: bool = False,
          as_frame: Optional[bool] = None) -> Any:
    """Evaluate one case over a grid: each entry of vary changes one field of the case or one
    scheme option, and every combination (first axis slowest) is evaluated under each scheme.

    vary: {path: (from, to, step)} or {path: "FROM:TO:STEP"} or {path: [v1, v2, ...]}; path is
          "detentions[0].end", "harms[1].monthly", "as_of", "option:jp-cca.daily_rate", ...
          (docs/python.md lists them). Dates step by days or months: ("2020-01-01",
          "2025-01-01", "1m"), a datetime.timedelta, or "30d"; decimals by a decimal.
          At most 8 axes and 1,000,000 points.
    Returns a pandas DataFrame (the axes' values first, then the columns of a batch row)
    when pandas is importable, else a BatchResult (a list of BatchRow with .point);
    as_frame=False always gives the BatchResult. A point that makes the case invalid is a
    row with ok=False. Other arguments as for estimate()."""
    ids = _scheme_ids(scheme)
    specs = _vary_specs(vary)
    if fields not in ("totals", "lines"):
        raise ValueError('fields must be "totals" or "lines"')
    rows = _call(_c.sweep, _case_json(case, allow_float), ids, specs, _options(options, allow_float), jobs, fields,
                 _date_text(as_of, "as_of"), _extras(fx, series_files, scheme_files, allow_float))
    axes = tuple(s.split("=", 1)[0] for s in specs)
    result = BatchResult([BatchRow(t, axes) for t in rows], axes)
    if as_frame is False:
        return result
    try:
        import pandas  # noqa: F401
    except ImportError:
        if as_frame:
            raise
        return result
    return result.to_pandas()
