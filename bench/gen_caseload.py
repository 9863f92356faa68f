#!/usr/bin/env python3
"""A seeded synthetic caseload as JSON Lines, for benchmarks.

    python3 bench/gen_caseload.py -n 10000 --seed 1 > cases.jsonl

Each case is valid in the vocabulary of docs/case-format.md and looks like a
real file: one to five periods of deprivation of liberty of mixed kinds
(sometimes overlapping, sometimes still running), one to ten harms of every
category, every outcome (most often an acquittal or a quashed conviction),
flags now and then, amounts in every currency the schemes use, scaled to that
currency. The same seed gives the same bytes on every machine (random.Random,
no hash order). The figures are invented: they exercise the code, they are
not data about anyone."""
import argparse
import datetime
import json
import random
import sys

AS_OF = datetime.date(2025, 6, 1)

# currency, weight, scale of a EUR amount in it (rough orders of magnitude, not rates)
CURRENCIES = [("EUR", 30, 1), ("USD", 25, 1), ("KZT", 20, 500), ("GBP", 6, 1), ("JPY", 6, 150),
              ("UZS", 5, 12000), ("NZD", 4, 2), ("CAD", 4, 1)]
OUTCOMES = [("acquitted", 35), ("conviction_quashed", 15), ("dismissed_rehabilitating", 12),
            ("repression_rehabilitated", 4), ("admin_terminated", 4), ("amnesty", 6), ("pardon", 6),
            ("parole", 3), ("sentence_served", 5), ("sentence_mitigated", 4), ("pending", 6)]
PROC = {"admin_terminated": "administrative", "repression_rehabilitated": "political_repression"}
DETENTIONS = [("pretrial_custody", 30), ("prison", 25), ("police_custody", 15), ("house_arrest", 10),
              ("administrative_arrest", 6), ("psychiatric", 3), ("exile", 3), ("special_settlement", 2),
              ("forced_labour", 3), ("parole", 3)]
HARMS = ["lost_earnings", "lost_earning_capacity", "business", "property", "fines_and_costs", "legal_costs",
         "medical_costs", "psychological_care", "other_expenses", "moral_harm"]
DISPOSITIONS = ["confiscated", "seized", "destroyed", "damaged", "returned"]


def pick(rng, weighted):
    total = sum(w for _, w, *rest in weighted)
    x = rng.uniform(0, total)
    for item in weighted:
        x -= item[1]
        if x <= 0:
            return item
    return weighted[-1]


def day(d):
    return d.isoformat()


def money(rng, scale, lo, hi, places=2):
    v = rng.uniform(lo, hi) * scale
    return f"{v:.{places}f}" if places else str(int(v))


def make_case(rng, i):
    cur, _, scale = pick(rng, CURRENCIES)
    places = 0 if cur == "JPY" else 2
    outcome = pick(rng, OUTCOMES)[0]
    start = AS_OF - datetime.timedelta(days=rng.randint(400, 12000))
    periods = []
    t = start
    for _ in range(rng.randint(1, 5)):
        kind = pick(rng, DETENTIONS)[0]
        length = rng.choice([rng.randint(1, 3), rng.randint(2, 60), rng.randint(30, 900)])
        s = t if rng.random() < 0.8 else t - datetime.timedelta(days=rng.randint(0, 10))  # overlaps now and then
        e = min(s + datetime.timedelta(days=length - 1), AS_OF)
        periods.append({"kind": kind, "start": day(s), "end": day(e)})
        t = e + datetime.timedelta(days=rng.randint(1, 120))
        if t >= AS_OF:
            break
    if rng.random() < 0.05 and outcome == "pending":
        periods[-1].pop("end")  # still detained
    last = max(datetime.date.fromisoformat(p.get("end", day(AS_OF))) for p in periods)
    decision = min(last + datetime.timedelta(days=rng.randint(0, 400)), AS_OF)
    proceedings = {"kind": PROC.get(outcome, "criminal"), "outcome": outcome, "decision_date": day(decision)}
    if rng.random() < 0.05:
        proceedings["coerced_confession"] = True
    if rng.random() < 0.1:
        proceedings["arbitrary_detention_finding"] = True
    harms = []
    for _ in range(rng.randint(1, 10)):
        cat = rng.choice(HARMS)
        when = start + datetime.timedelta(days=rng.randint(0, (AS_OF - start).days))
        if cat == "lost_earnings":
            end = min(when + datetime.timedelta(days=rng.randint(30, 2000)), AS_OF)
            h = {"category": cat, "monthly": money(rng, scale, 300, 4000, places), "start": day(when)}
            if rng.random() < 0.9:
                h["end"] = day(end)
        elif cat == "lost_earning_capacity":
            h = {"category": cat, "annual": money(rng, scale, 2000, 40000, places), "years": str(rng.randint(1, 30))}
            if rng.random() < 0.5:
                h["growth"] = rng.choice(["0.01", "0.02", "0.03"])
            if rng.random() < 0.5:
                h["discount_rate"] = rng.choice(["0.02", "0.035", "0.05"])
        elif cat == "moral_harm":
            h = {"category": cat, "amount": money(rng, scale, 1000, 100000, places)}
        else:
            h = {"category": cat, "amount": money(rng, scale, 5, 50000, places), "date": day(when)}
            if cat == "property":
                h["disposition"] = rng.choice(DISPOSITIONS)
        harms.append(h)
    case = {"id": f"syn-{i:07d}", "currency": cur, "as_of": day(AS_OF), "proceedings": proceedings,
            "detentions": periods, "harms": harms}
    if rng.random() < 0.03 and cur == "KZT":
        case["torture"] = {"cc146_part": rng.randint(1, 3)}
    return case


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=10000, help="cases (default 10000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-o", help="output file (default: standard output)")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    out = open(a.o, "w", encoding="utf-8") if a.o else sys.stdout
    buf = []
    for i in range(a.n):
        buf.append(json.dumps(make_case(rng, i), separators=(",", ":")))
        if len(buf) == 2000:
            out.write("\n".join(buf) + "\n")
            buf.clear()
    if buf:
        out.write("\n".join(buf) + "\n")
    out.flush()
    if a.o:
        out.close()


if __name__ == "__main__":
    main()
