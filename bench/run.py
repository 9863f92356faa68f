#!/usr/bin/env python3
"""The batch benchmark: one command, every figure and every ratio.

    bash bench/run.sh [BUILD_DIR] [-n 10000] [--big 1000000] [--seed 1]

On a seeded synthetic caseload (bench/gen_caseload.py), for de-streg and
us-federal, it measures
  - the engine on parsed cases (evaluations/s, one thread): full itemization into a
    fresh estimate, into a reused one, and totals only (REP_DETAIL_TOTALS);
  - `reparations batch` end to end (JSON Lines in, CSV out), split into
    reading (the JSON reader alone), evaluation and the rest (line splitting,
    row printing, output), with --jobs 1 and --jobs 2;
  - a sweep of one case (10,000 points) in C and in plain Python;
  - the same caseload through the Python binding (reparations.batch), and one
    reparations.estimate() call against one C estimate;
  - a plain-Python `decimal` implementation of the two schemes over the same
    file (bench/plain_decimal.py): the script a researcher would write;
  - peak RSS of `reparations batch` at N cases and at --big cases (generated
    into a pipe, never written to disk).
Timings are CPU time (the machine is shared), wall clock for the runs with
threads, best of --repeat runs, with the machine's load printed beside them. Ratios only: no
figure here is a pass/fail threshold."""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SCHEMES = ["de-streg", "us-federal"]

EXAMPLE = {  # the 580-byte case of bench/bench_estimate.c and bench_batch.c
    "id": "bench", "currency": "EUR", "as_of": "2026-03-01",
    "proceedings": {"kind": "criminal", "outcome": "acquitted", "decision_date": "2023-05-02"},
    "detentions": [{"kind": "pretrial_custody", "start": "2022-01-05", "end": "2022-03-10"},
                   {"kind": "prison", "start": "2022-03-11", "end": "2023-05-02"}],
    "harms": [{"category": "lost_earnings", "monthly": "3500", "start": "2022-01-05", "end": "2023-09-30"},
              {"category": "property", "amount": "45000", "date": "2022-01-05", "disposition": "confiscated"},
              {"category": "legal_costs", "amount": "8000", "date": "2022-06-01"}]}


def run_timed(cmd, stdin=None, env=None, wall=False):
    """(seconds, peak RSS in KiB) of one run, output to /dev/null. Seconds of CPU (user +
    system: the machine is shared, and wall time counts other programs' turns), or with
    wall=True of the wall clock (for runs with several threads)."""
    # Peak RSS is the child's VmHWM, read while it runs: ru_maxrss would also count the
    # pages of this Python process that the child had before it exec'd.
    t0 = time.perf_counter()
    hwm = 0
    with open(os.devnull, "wb") as null, tempfile.TemporaryFile() as errf:
        p = subprocess.Popen(cmd, stdin=stdin, stdout=null, stderr=errf, env=env)
        while True:
            try:
                with open(f"/proc/{p.pid}/status", encoding="ascii") as st:
                    for line in st:
                        if line.startswith("VmHWM:"):
                            hwm = max(hwm, int(line.split()[1]))
            except (OSError, ValueError):
                pass
            pid, status, ru = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            time.sleep(0.01)
        p.returncode = os.waitstatus_to_exitcode(status)
        errf.seek(0)
        err = errf.read().decode(errors="replace")
    dt = time.perf_counter() - t0
    code = p.returncode
    if code not in (0, 2):  # 2: some rows failed (missing exchange rates): expected in a realistic caseload
        sys.exit(f"{cmd[0]} failed ({code}): {err[-2000:]}")
    return (dt if wall else ru.ru_utime + ru.ru_stime), hwm


def best(fn, repeat):
    results = [fn() for _ in range(repeat)]
    return min(results, key=lambda r: r[0])


def rate(n, s):
    return n / s if s > 0 else float("inf")


def fmt_rate(x):
    return f"{x:,.0f}/s"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("build", nargs="?", default=os.path.join(ROOT, "build"))
    ap.add_argument("-n", type=int, default=10000)
    ap.add_argument("--big", type=int, default=1000000, help="cases for the second RSS figure (0: skip)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    build = os.path.abspath(a.build)
    rep = os.path.join(build, "tools", "reparations")
    bench_batch = os.path.join(build, "bench", "bench_batch")
    pypath = os.path.join(build, "bindings", "python")
    for f in (rep, bench_batch):
        if not os.path.exists(f):
            sys.exit(f"{f} not found: build first (meson setup {a.build} && ninja -C {a.build})")

    work = tempfile.mkdtemp(prefix="reparations-bench-")
    cases = os.path.join(work, f"cases-{a.n}.jsonl")
    subprocess.run([sys.executable, os.path.join(HERE, "gen_caseload.py"), "-n", str(a.n), "--seed", str(a.seed),
                    "-o", cases], check=True)
    size = os.path.getsize(cases)
    n_eval = a.n * len(SCHEMES)
    print(f"reparations batch benchmark: {a.n:,} synthetic cases (seed {a.seed}, {size / 1e6:.1f} MB JSON Lines), "
          f"schemes {' '.join(SCHEMES)}")
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at start; best of {a.repeat} runs; "
          "CPU time unless marked wall clock")

    # ---- the library on parsed cases (bench_batch) ----
    m = {}
    out = subprocess.run([bench_batch, cases] + SCHEMES, check=True, capture_output=True, text=True).stdout
    for line in out.splitlines():
        k, v = line.split(" ", 1)
        m[k] = v
    f = lambda k: float(m[k]) / 1e9  # noqa: E731 (seconds)
    read_new_s, read_s = f("read_ns"), f("read_reuse_ns")
    print("\n[engine on parsed cases, one thread]")
    print(f"  {'scheme':12} {'full, fresh':>14} {'full, reused':>14} {'totals only':>14}   errors")
    for s in SCHEMES:
        full, reuse, tot = (f(k + s) for k in ("eval_ns.", "eval_reuse_ns.", "eval_totals_ns."))
        print(f"  {s:12} {fmt_rate(rate(a.n, full)):>14} {fmt_rate(rate(a.n, reuse)):>14} {fmt_rate(rate(a.n, tot)):>14}"
              f"   {m['eval_failed.' + s]} of {a.n} (no exchange rate for the case's currency)")
        print(f"  {'':12} {full / a.n * 1e6:>11.2f} us {reuse / a.n * 1e6:>11.2f} us {tot / a.n * 1e6:>11.2f} us"
              f"   totals / full: x{full / tot:.2f}")
    eval1 = f("batch1_ns")
    w1, w2 = f("batch1_wall_ns"), f("batch2_wall_ns")
    print(f"  both schemes, rep_batch_run --jobs 1 (rows of totals): {fmt_rate(rate(n_eval, eval1))} (CPU); wall clock "
          f"--jobs 1 {fmt_rate(rate(n_eval, w1))}, --jobs 2 {fmt_rate(rate(n_eval, w2))} (x{w1 / w2:.2f})")
    print(f"  JSON reader alone, into one reused case (rep_case_read_json, as a batch reads): "
          f"{fmt_rate(rate(a.n, read_s))} cases, {size / read_s / 1e6:.1f} MB/s; each into a new case "
          f"(rep_case_from_json): {fmt_rate(rate(a.n, read_new_s))} cases (x{read_new_s / read_s:.2f} the time)")

    # ---- the CLI end to end ----
    cli = lambda jobs, wall=False: best(lambda: run_timed(  # noqa: E731
        [rep, "batch", cases, "--scheme", SCHEMES[0], "--scheme", SCHEMES[1], "--jobs", str(jobs), "-q"],
        wall=wall), a.repeat)
    (t1, rss_n), (tw1, _), (t2, _) = cli(1), cli(1, True), cli(2, True)
    rest = t1 - read_s - eval1
    print("\n[reparations batch CASES.jsonl --scheme de-streg --scheme us-federal, CSV to /dev/null]")
    print(f"  --jobs 1: {t1:.3f} s, {fmt_rate(rate(n_eval, t1))} evaluations, {fmt_rate(rate(a.n, t1))} cases")
    print(f"     reading {read_s:.3f} s ({read_s / t1:.0%}), evaluation {eval1:.3f} s ({eval1 / t1:.0%}), "
          f"splitting lines + writing rows + the rest {rest:.3f} s ({rest / t1:.0%})")
    print(f"     end to end / JSON reader alone: x{t1 / read_s:.2f}")
    print(f"  wall clock: --jobs 1 {tw1:.3f} s, --jobs 2 {t2:.3f} s ({fmt_rate(rate(n_eval, t2))}); "
          f"--jobs 2 vs --jobs 1: x{tw1 / t2:.2f} (load average now {os.getloadavg()[0]:.2f})")

    # ---- plain Python decimal over the same file ----
    tp, _ = best(lambda: run_timed([sys.executable, os.path.join(HERE, "plain_decimal.py"), cases]), a.repeat)
    print("\n[plain Python decimal (bench/plain_decimal.py) over the same file, CSV out]")
    print(f"  {tp:.3f} s, {fmt_rate(rate(n_eval, tp))} evaluations")
    print(f"  reparations batch --jobs 1 vs plain Python (CPU time): x{tp / t1:.2f}")

    # ---- sweep ----
    sweep_s = f("sweep_ns")
    points = int(m["sweep_rows"])
    swcase = None
    with open(cases, encoding="utf-8") as fh:
        for line in fh:
            c = json.loads(line)
            if c["id"] == m["sweep_case"]:
                swcase = c
                break
    swcase["detentions"][0]["start"] = "1990-01-01"
    swpath = os.path.join(work, "sweep-case.json")
    with open(swpath, "w", encoding="utf-8") as fh:
        json.dump(swcase, fh)
    tps, _ = best(lambda: run_timed([sys.executable, os.path.join(HERE, "plain_decimal.py"), "--sweep", swpath,
                                     str(points)]), a.repeat)
    tcs, _ = best(lambda: run_timed([rep, "sweep", swpath, "--scheme", "de-streg", "--vary",
                                     "detentions[0].end=1990-01-01:2017-05-18:1d", "-q"]), a.repeat)
    print(f"\n[sweep: case {m['sweep_case']}, detentions[0].end stepped by a day, {points} points x de-streg]")
    print(f"  rep_sweep_run: {fmt_rate(rate(points, sweep_s))}; reparations sweep end to end: "
          f"{fmt_rate(rate(points, tcs))}")
    print(f"  plain Python (both schemes per point, {2 * points} evaluations): {fmt_rate(rate(2 * points, tps))}")
    print(f"  rep_sweep_run vs plain Python per evaluation: x{rate(points, sweep_s) / rate(2 * points, tps):.2f}")

    # ---- Python binding ----
    env = dict(os.environ, PYTHONPATH=pypath + os.pathsep + os.environ.get("PYTHONPATH", ""))
    py_batch = ("import sys, reparations\n"
                "n = 0\n"
                "for r in reparations.batch(sys.argv[1], ['de-streg', 'us-federal'], jobs=int(sys.argv[2])):\n"
                "    n += 1\n")
    py_csv = ("import sys, csv, reparations\n"
              "w = csv.writer(sys.stdout)\n"
              "for r in reparations.batch(sys.argv[1], ['de-streg', 'us-federal'], jobs=int(sys.argv[2])):\n"
              "    t = r._t\n"
              "    w.writerow((t[1], t[2], t[3], t[4], t[7], t[8], t[9], t[10], t[15], t[16], t[17]))\n")
    tpy1, rss_py = best(lambda: run_timed([sys.executable, "-c", py_batch, cases, "1"], env=env), a.repeat)
    tpy2, _ = best(lambda: run_timed([sys.executable, "-c", py_batch, cases, "2"], env=env, wall=True), a.repeat)
    tpyc, _ = best(lambda: run_timed([sys.executable, "-c", py_csv, cases, "1"], env=env), a.repeat)
    print("\n[Python binding: reparations.batch(CASES.jsonl, ['de-streg', 'us-federal'])]")
    print(f"  rows only, jobs=1: {tpy1:.3f} s, {fmt_rate(rate(n_eval, tpy1))}; Python / C batch: x{tpy1 / t1:.2f}")
    print(f"  rows only, jobs=2 (wall clock): {tpy2:.3f} s; Python / C batch --jobs 2: x{tpy2 / t2:.2f}")
    print(f"  rows written as CSV with the csv module, jobs=1: {tpyc:.3f} s; Python / C batch: x{tpyc / t1:.2f}")
    print(f"  reparations.batch vs plain Python: x{tp / tpy1:.2f}")
    sys.path.insert(0, pypath)
    import reparations  # noqa: E402
    text = json.dumps(EXAMPLE)
    for s in SCHEMES:
        reparations.estimate(EXAMPLE, s)
        k = 2000
        t0 = time.thread_time()
        for _ in range(k):
            reparations.estimate(EXAMPLE, s)
        dt = (time.thread_time() - t0) / k
        t0 = time.thread_time()
        for _ in range(k):
            reparations.estimate(text, s)
        dtt = (time.thread_time() - t0) / k
        c_one = float(m["one_ns." + s]) / 1e9
        print(f"  one estimate() of the example case, {s}: {dt * 1e6:.0f} us from a dict, {dtt * 1e6:.0f} us from "
              f"JSON text; one C estimate {c_one * 1e6:.1f} us (Python / C: x{dt / c_one:.1f})")

    # ---- memory ----
    print("\n[peak RSS]")
    print(f"  reparations batch, {a.n:,} cases: {rss_n / 1024:.1f} MiB; reparations.batch in Python: "
          f"{rss_py / 1024:.1f} MiB (the interpreter included)")
    if a.big:
        gen = subprocess.Popen([sys.executable, os.path.join(HERE, "gen_caseload.py"), "-n", str(a.big), "--seed",
                                str(a.seed)], stdout=subprocess.PIPE)
        tb, rss_big = run_timed([rep, "batch", "-", "--scheme", SCHEMES[0], "--scheme", SCHEMES[1], "-q"],
                                stdin=gen.stdout)
        gen.stdout.close()
        gen.wait()
        print(f"  reparations batch, {a.big:,} cases through a pipe: {rss_big / 1024:.1f} MiB "
              f"({tb:.1f} s CPU); {a.big:,} vs {a.n:,}: x{rss_big / rss_n:.3f}")
        gen = subprocess.Popen([sys.executable, os.path.join(HERE, "gen_caseload.py"), "-n", str(a.big), "--seed",
                                str(a.seed)], stdout=subprocess.PIPE)
        py_pipe = py_batch.replace("reparations.batch(sys.argv[1]", "reparations.batch(sys.stdin.buffer")
        tpb, rss_pybig = run_timed([sys.executable, "-c", py_pipe, "-", "1"], stdin=gen.stdout, env=env)
        gen.stdout.close()
        gen.wait()
        print(f"  reparations.batch in Python, {a.big:,} cases through a pipe: {rss_pybig / 1024:.1f} MiB "
              f"({tpb:.1f} s CPU); {a.big:,} vs {a.n:,}: x{rss_pybig / rss_py:.3f}")
        # at this size the interpreter's start (tens of ms) no longer weighs in the ratio
        print(f"  Python / C batch over {a.big:,} cases (CPU time, the generator's pipe in both): x{tpb / tb:.2f}")
    for f_ in os.listdir(work):
        os.unlink(os.path.join(work, f_))
    os.rmdir(work)


if __name__ == "__main__":
    main()
