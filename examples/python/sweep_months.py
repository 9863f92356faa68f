#!/usr/bin/env python3
"""Sweep the length of detention and plot what each scheme pays, one line per scheme.

The case is examples/cases/acquitted-kz.json reduced to one variable: a person held in
pre-trial custody from 2022-01-05 for N months (N = 1..48), acquitted on the last day,
losing a salary of 350,000 KZT a month while detained, with 800,000 KZT of defence costs.
Every scheme is evaluated at 2026-03-01 and converted into euros at illustrative rates
(examples/cases/kz-activist.fx; the built-in rate series end in 2025).

Schemes that bar this case for every N (or cannot be evaluated) are listed under the chart
instead of drawn as flat lines at zero.

Run (Debian's Python has matplotlib: apt install python3-matplotlib):
    PYTHONPATH=build/bindings/python /usr/bin/python3 examples/python/sweep_months.py [-o out.png]
"""
import argparse
import copy
import datetime
import json
import os
import textwrap
from concurrent.futures import ThreadPoolExecutor

import matplotlib

matplotlib.use("Agg")  # no display needed
import matplotlib.pyplot as plt  # noqa: E402

import reparations  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "..", "cases")
FX_FILE = os.path.join(CASES, "kz-activist.fx")
START = datetime.date(2022, 1, 5)
MONTHS = range(1, 49)


def add_months(d, n):
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    for day in (d.day, 30, 29, 28):
        try:
            return datetime.date(year, month, day)
        except ValueError:
            continue
    raise ValueError(d)


def case_for(months, base):
    c = copy.deepcopy(base)
    end = add_months(START, months) - datetime.timedelta(days=1)
    c["id"] = f"sweep-{months:02d}m"
    c["proceedings"]["decision_date"] = end  # datetime.date objects are accepted as dates
    c["detentions"] = [{"kind": "pretrial_custody", "start": START, "end": end}]
    c["harms"] = [
        {"category": "lost_earnings", "monthly": "350000", "start": START, "end": end},
        {"category": "legal_costs", "amount": "800000", "date": end},
    ]
    c.pop("torture", None)
    return c


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-o", "--output", default="sweep_months.png")
    args = ap.parse_args()

    with open(os.path.join(CASES, "acquitted-kz.json"), encoding="utf-8") as f:
        base = json.load(f)

    # The library releases the GIL while it computes: a thread pool spreads the sweep over cores.
    def run(m):
        return m, reparations.compare(case_for(m, base), report_currency="EUR", fx=FX_FILE)

    with ThreadPoolExecutor() as pool:
        results = dict(pool.map(run, MONTHS))

    series = {}   # scheme -> [(months, EUR)]
    info = {}
    for m in MONTHS:
        for r in results[m]:
            info[r.scheme] = r
            if r.ok and r.eligible:
                series.setdefault(r.scheme, []).append((m, float(r.report_total)))  # float for drawing only
    barred = [s for s in info if s not in series]

    fig, ax = plt.subplots(figsize=(11, 7.5))
    # colour tells schemes apart; the line style tells what kind of rule it is
    dashes = {"law": "-", "practice": "-.", "guideline": "-.", "standard": ":", "draft": "--", "scenario": "--"}
    colours = plt.get_cmap("tab20").colors
    ranked = sorted(series, key=lambda s: -series[s][-1][1])
    ends = []
    for i, s in enumerate(ranked):
        xs, ys = zip(*series[s])
        r = info[s]
        line, = ax.plot(xs, ys, dashes.get(r.status, "-"), color=colours[(2 * i) % 20 + (2 * i) // 20],
                        linewidth=1.9, label=f"{s} ({r.status}, {r.currency})")
        ends.append([ys[-1], ys[-1], s, line.get_color(), xs[-1]])
    # end-of-line labels, pushed apart where lines end close together
    gap = 0.028 * max(e[0] for e in ends) if ends else 0
    ends.sort(key=lambda e: e[0])
    for k in range(1, len(ends)):
        ends[k][1] = max(ends[k][1], ends[k - 1][1] + gap)
    for y, label_y, s, colour, x in ends:
        ax.annotate(s, (x, y), xytext=(x + 1.2, label_y), fontsize=7.5, va="center", color=colour,
                    arrowprops=dict(arrowstyle="-", color=colour, linewidth=0.6) if label_y != y else None)
    ax.set_xlim(0, max(MONTHS) + 9)
    ax.set_xlabel("months in pre-trial custody, then acquitted")
    ax.set_ylabel("EUR at 2026-03-01 (illustrative exchange rates)")
    ax.set_ylim(bottom=0)
    ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:,.0f}"))
    ax.grid(color="#e3e3e3")
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.legend(fontsize=8, loc="upper left", frameon=False, ncol=2,
              title="solid: law · dash-dot: practice/guideline · dotted: standard · dashed: draft/scenario",
              title_fontsize=7.5)
    ax.set_title("Compensation by length of detention: salary 350,000 KZT/month lost while detained, "
                 "800,000 KZT defence costs", fontsize=10.5)
    if barred:
        why = []
        for s in barred:
            r = info[s]
            reason = r.error if not r.ok else (r.reason or "not eligible")
            why.append(f"{s}: " + textwrap.shorten(reason, 95, placeholder="…"))
        fig.text(0.01, 0.01, "Not drawn (no payment for this case at any length):\n" + "\n".join(why),
                 fontsize=7.5, va="bottom", color="#333333")
        fig.tight_layout(rect=(0, 0.025 + 0.018 * len(barred), 1, 1))
    else:
        fig.tight_layout()
    fig.savefig(args.output, dpi=130)
    print(f"wrote {args.output}: {len(series)} schemes drawn, {len(barred)} listed as barred")


if __name__ == "__main__":
    main()
