#!/usr/bin/env python3
"""The baseline of bench/run.py: what a researcher would write instead of the
library, in plain Python with `decimal`, for de-streg and us-federal.

    python3 bench/plain_decimal.py CASES.jsonl > rows.csv
    python3 bench/plain_decimal.py --sweep CASE.json POINTS > rows.csv

Per case: json.loads, merge the periods of deprivation of liberty (inclusive
days, overlaps counted once), then
  de-streg:   75 x days + the pecuniary harms when they exceed EUR 25 (StrEG § 7),
  us-federal: 50,000 x days / 365 (28 U.S.C. § 2513(e)),
quantized to cents, half even, written as CSV. It knows nothing of eligibility,
exchange rates, caps or citations: it is the floor the library's speed is
measured against, not a second implementation of the law."""
import csv
import datetime
import json
import sys
from decimal import ROUND_HALF_EVEN, Decimal

CENT = Decimal("0.01")
PECUNIARY = {"lost_earnings", "lost_earning_capacity", "business", "property", "fines_and_costs", "legal_costs",
             "medical_costs", "psychological_care", "other_expenses"}
AS_OF = datetime.date(2025, 6, 1)


def days_of(periods):
    spans = sorted((datetime.date.fromisoformat(p["start"]),
                    datetime.date.fromisoformat(p["end"]) if p.get("end") else AS_OF) for p in periods)
    total, cur_s, cur_e = 0, None, None
    for s, e in spans:
        if cur_e is not None and s <= cur_e + datetime.timedelta(days=1):
            cur_e = max(cur_e, e)
            continue
        if cur_e is not None:
            total += (cur_e - cur_s).days + 1
        cur_s, cur_e = s, e
    if cur_e is not None:
        total += (cur_e - cur_s).days + 1
    return total


def rows_for(case):
    days = days_of(case.get("detentions", ()))
    costs = sum((Decimal(h["amount"]) for h in case.get("harms", ())
                 if h["category"] in PECUNIARY and "amount" in h), Decimal(0))
    de = Decimal(75) * days + (costs if costs > 25 else 0)
    us = Decimal(50000) * days / Decimal(365)
    return ((case.get("id", ""), "de-streg", de.quantize(CENT, ROUND_HALF_EVEN)),
            (case.get("id", ""), "us-federal", us.quantize(CENT, ROUND_HALF_EVEN)))


def main():
    out = csv.writer(sys.stdout)
    out.writerow(("case", "scheme", "total"))
    if sys.argv[1] == "--sweep":
        # the same sweep as `reparations sweep CASE --vary detentions[0].end=...:1d`: one more day per point
        case = json.load(open(sys.argv[2], encoding="utf-8"))
        points = int(sys.argv[3])
        start = datetime.date.fromisoformat(case["detentions"][0]["start"])
        for k in range(points):
            case["detentions"][0]["end"] = (start + datetime.timedelta(days=k)).isoformat()
            out.writerows(rows_for(case))
        return
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            if line.strip():
                out.writerows(rows_for(json.loads(line)))


if __name__ == "__main__":
    main()
