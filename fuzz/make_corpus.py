#!/usr/bin/env python3
"""Rebuild the seed corpora in fuzz/corpus/<harness>/ from the project's own inputs.

  case    tests/cases/*.json and examples/cases/*.json (the golden cases),
          plus the case inputs of the hostile catalogue tests/bad/ (error paths)
  scheme  examples/schemes/*.json, fuzz/seeds/scheme/*.json (hand-written seeds
          that use every list of the vocabulary), tests/bad/ scheme inputs
  series  data/*.csv, each also restated as JSON, tests/bad/ series inputs
  text    every decimal and date found in the golden cases, and '|'-separated
          time-value seeds (annual|years|rate|growth, amount|from|to|rate)

Run it after adding golden cases or data: python3 fuzz/make_corpus.py
Files are named after their origin, so a rerun replaces them and nothing else."""
import csv
import glob
import hashlib
import io
import json
import os
import re
import shutil

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "fuzz", "corpus")


def src(*pattern):
    return sorted(glob.glob(os.path.join(ROOT, *pattern)))


def bad_inputs(kind):
    for exp in src("tests", "bad", "*.expect"):
        spec = dict(line.rstrip("\n").split(": ", 1) for line in open(exp, encoding="utf-8") if ": " in line)
        if spec.get("kind", "case") == kind:
            stem = exp[: -len(".expect")]
            for p in glob.glob(stem + ".*"):
                if not p.endswith(".expect"):
                    yield p


def csv_to_json(path):
    meta, points = {}, []
    text = open(path, encoding="utf-8").read()
    body = []
    for line in text.splitlines():
        m = re.match(r"#\s*([a-z_]+)\s*:\s?(.*)\Z", line)
        if m and not body:
            meta[m.group(1)] = m.group(2)
        elif not line.startswith("#"):
            body.append(line)
    for row in csv.DictReader(io.StringIO("\n".join(body))):
        points.append(dict(row))
    series = {k: meta[k] for k in ("id", "name", "unit", "until", "description") if k in meta}
    series["points"] = points
    return json.dumps(series, ensure_ascii=False, indent=1)


def main():
    out = {h: {} for h in ("case", "scheme", "series", "text")}
    for p in src("tests", "cases", "*.json") + src("examples", "cases", "*.json"):
        if not p.endswith(".expected.json"):
            out["case"][os.path.basename(p)] = open(p, "rb").read()
    for p in bad_inputs("case"):
        out["case"]["bad-" + os.path.basename(p)] = open(p, "rb").read()
    for p in src("examples", "schemes", "*.json") + src("fuzz", "seeds", "scheme", "*.json"):
        out["scheme"][os.path.basename(p)] = open(p, "rb").read()
    for p in bad_inputs("scheme"):
        out["scheme"]["bad-" + os.path.basename(p)] = open(p, "rb").read()
    for p in src("data", "*.csv"):
        name = os.path.basename(p)
        out["series"][name] = open(p, "rb").read()
        out["series"][name[:-4] + ".json"] = csv_to_json(p).encode()
    for p in bad_inputs("series"):
        out["series"]["bad-" + os.path.basename(p)] = open(p, "rb").read()
    # text: the decimals and dates of the golden cases, and time-value seeds
    words = set()
    for data in out["case"].values():
        for m in re.finditer(rb'"([-+0-9.eE]+|[0-9]{4}-[0-9]{2}-[0-9]{2})"', data):
            words.add(m.group(1))
    words |= {b"0", b"-0.5", b"1e30", b"1e-30", b"0e999999", b"2199-12-31", b"1900-01-01", b"2024-02-29",
              b"1200000|12.5|0.05|0.02", b"1|100|-0.5|0.9", b"350000|30|0.035|0.035", b"100|0.5|0|0",
              b"4500000|2020-01-15|2026-03-01|0.054", b"1|1900-01-01|2199-12-31|+0.1",
              b"us-tx.annuity_years=40", b"intl-un.indexation=interest", b"kz-cpc.colour=red"}
    for w in sorted(words):
        out["text"]["w-" + hashlib.sha1(w).hexdigest()[:12]] = w
    for h, files in out.items():
        d = os.path.join(CORPUS, h)
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
        for name, data in files.items():
            with open(os.path.join(d, name), "wb") as f:
                f.write(data)
        print(f"fuzz/corpus/{h}: {len(files)} seeds")


if __name__ == "__main__":
    main()
