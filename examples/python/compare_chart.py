#!/usr/bin/env python3
"""Compare the bundled Kazakh case across every scheme and draw a bar chart.

The case (examples/cases/kz-activist.json) is a civic activist detained for 709 days,
convicted, released under an amnesty; ill-treatment was established and the UN Working Group
on Arbitrary Detention found the detention arbitrary. Each scheme's total is converted into
euros at the valuation date, 2026-03-01.

The built-in exchange-rate series end in 2025, so the rates for 2026-03-01 are given
explicitly: the illustrative rates of examples/cases/kz-activist.fx, plus a USD/UZS rate
for the Uzbek route (also illustrative, not an official rate).

Solid bars: what the scheme pays. Hollow bars: what its heads would come to if the bar to the
claim were lifted (total_if_eligible), which is where a reform argument starts.

Run (Debian's Python has matplotlib: apt install python3-matplotlib):
    PYTHONPATH=build/bindings/python /usr/bin/python3 examples/python/compare_chart.py [-o out.png]
"""
import argparse
import os
import sys
import textwrap
from decimal import Decimal

import matplotlib

matplotlib.use("Agg")  # no display needed
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

import reparations  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "..", "cases")
CASE = os.path.join(CASES, "kz-activist.json")
FX_FILE = os.path.join(CASES, "kz-activist.fx")
EXTRA_FX = ["USD/UZS=12500"]  # illustrative round figure for early 2026, not an official rate

STATUS_COLOURS = {"law": "#1f5f8b", "practice": "#5b9bd5", "guideline": "#7f6aa8", "standard": "#2e8b57",
                  "draft": "#c27c0e", "scenario": "#b5562d"}


def read_fx_lines(path):
    with open(path, encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip() and not line.lstrip().startswith("#")]


def eur(x):
    return float(x) if x is not None else 0.0  # floats only for drawing; the figures stay Decimal


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-o", "--output", default="compare_chart.png")
    args = ap.parse_args()

    cmp = reparations.compare(CASE, report_currency="EUR", fx=read_fx_lines(FX_FILE) + EXTRA_FX)

    rows = list(cmp)
    labels, paid, if_eligible, colours, notes = [], [], [], [], []
    for r in rows:
        labels.append(f"{r.scheme}\n({r.status}, {r.currency})")
        colours.append(STATUS_COLOURS.get(r.status, "#777777"))
        if not r.ok:
            paid.append(0.0)
            if_eligible.append(0.0)
            notes.append("not evaluated: " + (r.error or "?"))
            continue
        paid.append(eur(r.report_total))
        # what the barred heads would come to, converted at the same rate, to the cent
        would = (r.total_if_eligible * r.fx_rate).quantize(Decimal("0.01")) if r.total_if_eligible else None
        if_eligible.append(eur(would))
        if r.eligible:
            per_day = f", {r.report_per_day} EUR/day" if r.report_per_day else ""
            notes.append(f"{r.report_total:,} EUR{per_day}")
        else:
            reason = textwrap.shorten(r.reason or "not eligible", 70, placeholder="…")
            notes.append(f"barred: {reason}")

    n = len(rows)
    fig, ax = plt.subplots(figsize=(11, 1.0 + 0.62 * n))
    y = list(range(n))[::-1]
    ax.barh(y, if_eligible, height=0.62, facecolor="none", edgecolor=colours, linewidth=1.3, hatch="//",
            label="if the bar were lifted")
    ax.barh(y, paid, height=0.62, color=colours)
    ax.set_yticks(y)
    ax.set_yticklabels(labels, fontsize=8.5)
    top = max(paid + if_eligible + [1.0])
    ax.set_xlim(0, top * 1.55)
    ax.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:,.0f}"))
    ax.set_xlabel("EUR at 2026-03-01 (illustrative exchange rates)")
    for yi, p, w, note in zip(y, paid, if_eligible, notes):
        ax.text(max(p, w) + top * 0.01, yi, note, va="center", fontsize=7.5, color="#222222")
    ax.grid(axis="x", color="#dddddd")
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)

    legend = [Patch(facecolor=c, label=s) for s, c in STATUS_COLOURS.items()
              if any(r.status == s for r in rows)]
    legend.append(Patch(facecolor="none", edgecolor="#444444", hatch="//", label="if the bar were lifted"))
    ax.legend(handles=legend, loc="upper right", fontsize=8, frameon=False, title="status of the scheme",
              title_fontsize=8)
    ax.set_title(f"{cmp.case}: {rows[0].days if rows and rows[0].days else '?'} days deprived of liberty, "
                 f"amnesty, torture established, WGAD opinion — compensation by scheme", fontsize=10.5)
    fig.tight_layout()
    fig.savefig(args.output, dpi=130)
    print(f"wrote {args.output}")
    for r in cmp.failures:
        print(f"  {r.scheme}: not evaluated: {r.error}", file=sys.stderr)


if __name__ == "__main__":
    main()
