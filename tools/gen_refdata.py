#!/usr/bin/env python3
"""Generate lib/refdata_builtin.c from the reference series in data/*.csv.

Usage: gen_refdata.py -o OUTPUT.c FILE.csv...

The CSV format is documented in docs/refdata.md; this script is stricter
than the library's loader on purpose (plain decimals only, a source on
every row, a name for every series), because built-in data is what users
trust without looking. Any problem stops the build with file:line.
Standard library only: it runs inside the meson build.
"""
import datetime
import os
import re
import sys

KNOWN_KEYS = ("id", "name", "unit", "until", "description")
REQUIRED_KEYS = ("id", "name", "unit", "until")
HEADER = "from,value,confidence,source"
CONFIDENCE = ("verified", "secondary", "unverified")
EPOCH = datetime.date(1970, 1, 1)
DATE_MIN = datetime.date(1900, 1, 1)
DATE_MAX = datetime.date(2199, 12, 31)
ID_RE = re.compile(r"[A-Za-z0-9_.-]{1,64}\Z")
FX_ID_RE = re.compile(r"FX\.[A-Z]{3}_[A-Z]{3}\Z")
PLAIN_DECIMAL_RE = re.compile(r"-?[0-9]+(\.[0-9]+)?\Z")
DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
META_RE = re.compile(r"#\s*([a-z_]+)\s*:\s?(.*)\Z")
# A source names the source itself (docs/sources.md), never an internal note number.
INTERNAL_RE = re.compile(r"research\s*(?:S\d|R\d|§|:)|\bresearch/|\((?:S|R)\d{1,2}(?:[,;)]| and)|[;,] (?:S|R)\d{1,2}\)"
                         r"|\bnote \d+\b", re.IGNORECASE)
# Far below the 4095 bytes a C11 compiler must accept in one literal (-Woverlength-strings).
MAX_FIELD = 1000


class DataError(Exception):
    pass


def fail(path, line, msg):
    raise DataError(f"{path}:{line}: {msg}" if line else f"{path}: {msg}")


def parse_date(path, line, text):
    if not DATE_RE.match(text):
        fail(path, line, f"{text!r} is not a date YYYY-MM-DD")
    try:
        d = datetime.date(int(text[0:4]), int(text[5:7]), int(text[8:10]))
    except ValueError:
        fail(path, line, f"{text} is not a valid date")
    if not DATE_MIN <= d <= DATE_MAX:
        fail(path, line, f"{text} is outside 1900-01-01..2199-12-31")
    return d


def split_row(path, line, text):
    """Split one CSV row into fields: RFC 4180 quoting, one row per line."""
    fields, i, n = [], 0, len(text)
    while True:
        if i < n and text[i] == '"':
            i += 1
            buf = []
            while True:
                if i >= n:
                    fail(path, line, "unterminated quoted field")
                if text[i] == '"':
                    if i + 1 < n and text[i + 1] == '"':
                        buf.append('"')
                        i += 2
                        continue
                    i += 1
                    break
                buf.append(text[i])
                i += 1
            fields.append("".join(buf))
            if i < n and text[i] != ",":
                fail(path, line, "a quoted field must be followed by a comma or the end of the line")
        else:
            j = text.find(",", i)
            field = text[i:] if j < 0 else text[i:j]
            if '"' in field:
                fail(path, line, "a quote inside an unquoted field (quote the whole field and double the quote)")
            fields.append(field)
            i = n if j < 0 else j
        if i >= n:
            return fields
        i += 1  # the comma
        if i == n:
            fields.append("")
            return fields


def read_series(path):
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        fail(path, 0, f"cannot read: {e.strerror}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        fail(path, line, "invalid UTF-8")
    meta, meta_line, points = {}, {}, []
    header_seen = False
    for lineno, line in enumerate(text.split("\n"), 1):
        if line.endswith("\r"):
            line = line[:-1]
        if not line.strip():
            continue
        if any(ord(c) < 0x20 and c != "\t" for c in line):
            fail(path, lineno, "control character in line")
        if line.startswith("#"):
            m = META_RE.match(line)
            if not header_seen and m and m.group(1) in KNOWN_KEYS:
                key, value = m.group(1), m.group(2).strip()
                if key in meta:
                    fail(path, lineno, f"metadata '{key}' given twice (first on line {meta_line[key]})")
                if len(value) > MAX_FIELD:
                    fail(path, lineno, f"metadata '{key}' longer than {MAX_FIELD} characters")
                meta[key], meta_line[key] = value, lineno
            continue
        if not header_seen:
            if line != HEADER:
                fail(path, lineno, f"expected the header line {HEADER}")
            header_seen = True
            continue
        fields = split_row(path, lineno, line)
        if len(fields) != 4:
            fail(path, lineno, f"expected 4 fields (from,value,confidence,source), got {len(fields)}")
        date_text, value, confidence, source = fields
        d = parse_date(path, lineno, date_text)
        if not PLAIN_DECIMAL_RE.match(value):
            fail(path, lineno, f"value {value!r} is not a plain decimal (digits, optional '-' and '.digits')")
        if confidence not in CONFIDENCE:
            fail(path, lineno, f"confidence {confidence!r} is not one of {', '.join(CONFIDENCE)}")
        if not source.strip():
            fail(path, lineno, "empty source: every figure needs one")
        if INTERNAL_RE.search(source):
            fail(path, lineno, "the source cites an internal note; name the source itself (see docs/sources.md)")
        if len(source) > MAX_FIELD:
            fail(path, lineno, f"source longer than {MAX_FIELD} characters")
        if points and d <= points[-1][1]:
            fail(path, lineno, f"date {date_text} is not after the previous point {points[-1][1].isoformat()} "
                 f"(line {points[-1][0]})")
        points.append((lineno, d, value, confidence, source))
    if not header_seen:
        fail(path, 0, f"no header line {HEADER}")
    for key in REQUIRED_KEYS:
        if not meta.get(key):
            fail(path, 0, f"missing metadata line '# {key}: ...'")
    sid = meta["id"]
    if not ID_RE.match(sid):
        fail(path, meta_line["id"], f"series id {sid!r} must be 1-64 letters, digits, '.', '_' or '-'")
    if sid.startswith("FX.") and not FX_ID_RE.match(sid):
        fail(path, meta_line["id"], f"exchange-rate series id {sid!r} must be FX.AAA_BBB (ISO 4217 codes)")
    until = parse_date(path, meta_line["until"], meta["until"])
    if not points:
        fail(path, 0, "no data rows")
    if until < points[-1][1]:
        fail(path, meta_line["until"], f"until {meta['until']} is before the last point "
             f"{points[-1][1].isoformat()}")
    if sid.startswith("FX."):
        for p in points:
            if not re.search(r"[1-9]", p[2]) or p[2].startswith("-"):
                fail(path, p[0], f"an exchange rate must be positive, got {p[2]}")
    return {
        "path": path,
        "id": sid,
        "name": meta["name"],
        "unit": meta["unit"],
        "description": meta.get("description", ""),
        "until": until,
        "points": points,
    }


def c_string(s):
    """A C string literal. UTF-8 passes through; '?' is escaped because
    -std=c11 turns trigraphs on, and control characters use 3-digit octal
    escapes so that a following digit cannot extend them."""
    out = ['"']
    for ch in s:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "?":
            out.append("\\?")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append("\\%03o" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def days(d):
    return (d - EPOCH).days


def generate(series):
    out = [
        "/* Generated by tools/gen_refdata.py from the CSV files in data/: edit those, not this. */",
        "#include <stddef.h>",
        "",
        '#include "context_internal.h"',
        "",
    ]
    for k, s in enumerate(series):
        out.append(f"/* {s['id']} (data/{os.path.basename(s['path'])}) */")
        out.append(f"static const rep_series_point points_{k}[] = {{")
        for _, d, value, confidence, source in s["points"]:
            out.append(f"\t{{{days(d)} /* {d.isoformat()} */, {c_string(value)}, {c_string(confidence)},")
            out.append(f"\t {c_string(source)}}},")
        out.append("};")
        out.append(f"static const rep_series_def series_{k} = {{")
        out.append(f"\t.id = {c_string(s['id'])},")
        out.append(f"\t.name = {c_string(s['name'])},")
        out.append(f"\t.unit = {c_string(s['unit'])},")
        out.append(f"\t.description = {c_string(s['description'])},")
        out.append(f"\t.until = {days(s['until'])} /* {s['until'].isoformat()} */,")
        out.append(f"\t.points = points_{k},")
        out.append(f"\t.n_points = {len(s['points'])},")
        out.append("\t.user_loaded = 0,")
        out.append("};")
        out.append("")
    out.append("const rep_series_def *const rep_builtin_series[] = {")
    if series:
        out.extend(f"\t&series_{k}," for k in range(len(series)))
    else:
        out.append("\tNULL,")  # C has no empty initialiser; the count says 0
    out.append("};")
    out.append(f"const size_t rep_builtin_series_count = {len(series)};")
    return "\n".join(out) + "\n"


def main(argv):
    args = argv[1:]
    output = None
    inputs = []
    i = 0
    while i < len(args):
        if args[i] in ("-o", "--output"):
            if i + 1 >= len(args):
                print("gen_refdata.py: -o needs a file name", file=sys.stderr)
                return 2
            output = args[i + 1]
            i += 2
        elif args[i].startswith("-"):
            print(f"gen_refdata.py: unknown option {args[i]}", file=sys.stderr)
            return 2
        else:
            inputs.append(args[i])
            i += 1
    if not output or not inputs:
        print("usage: gen_refdata.py -o OUTPUT.c FILE.csv...", file=sys.stderr)
        return 2
    try:
        series = [read_series(p) for p in inputs]
        seen = {}
        for s in series:
            if s["id"] in seen:
                raise DataError(f"{s['path']}: series {s['id']} is also defined in {seen[s['id']]}")
            seen[s["id"]] = s["path"]
    except DataError as e:
        print(f"gen_refdata.py: {e}", file=sys.stderr)
        return 1
    # Byte order (strcmp) so that the library can binary-search the ids.
    series.sort(key=lambda s: s["id"].encode("utf-8"))
    text = generate(series)
    try:
        with open(output, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    except OSError as e:
        print(f"gen_refdata.py: {output}: {e.strerror}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
