"""`reparations batch` and `reparations sweep`: rows in input order, one row
per bad line (never the end of the batch), the exit status, atomic -o."""
import csv
import io
import json
import os
import subprocess
import tempfile
import unittest

BIN = os.environ.get("REPARATIONS_BIN", "reparations")


def case(cid, days=10, currency="EUR", harms=()):
    """Pre-trial custody from 2023-03-01 for `days` days (days <= 31)."""
    return {"id": cid, "currency": currency, "as_of": "2026-03-01",
            "proceedings": {"kind": "criminal", "outcome": "acquitted", "conviction": {}, "acquitted_on_retrial": True},
            "detentions": [{"kind": "pretrial_custody", "start": "2023-03-01", "end": f"2023-03-{days:02d}"}],
            "harms": list(harms)}


def kzt_case(cid, as_of="2026-03-01"):
    """10 days of custody (2023-03-01..10) and KZT 500,000 of property lost, valued on as_of."""
    c = case(cid, 10, "KZT", [{"category": "property", "amount": "500000", "date": "2023-01-05"}])
    c["as_of"] = as_of
    return c


# dated rates: the second is in force on 2026-03-01, the first before 2026
FX_FILE = "# EUR/KZT by date\nEUR/KZT=400,2020-01-01\nEUR/KZT=500,2026-01-01\n"
BAD_FX_FILE = "EUR/KZT=400,2020-01-01\n\nEUR/KZT=5x0,2026-01-01\n"


def run(*args, stdin=None):
    p = subprocess.run([BIN, *args], capture_output=True, input=stdin)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


class Tmp:
    def __init__(self, data, suffix=".jsonl"):
        self.data, self.suffix = data, suffix

    def __enter__(self):
        fd, self.path = tempfile.mkstemp(suffix=self.suffix)
        with os.fdopen(fd, "wb") as f:
            f.write(self.data if isinstance(self.data, bytes) else self.data.encode())
        return self.path

    def __exit__(self, *exc):
        os.unlink(self.path)


def jsonl(*cases):
    return "".join(json.dumps(c) + "\n" for c in cases)


def rows(text):
    return list(csv.DictReader(io.StringIO(text)))


class TestBatch(unittest.TestCase):
    def test_rows_in_order_with_jobs(self):
        cases = [case(f"c{i}", 1 + i % 31) for i in range(400)]
        with Tmp(jsonl(*cases)) as p:
            rc1, out1, err1 = run("batch", p, "--scheme", "de-streg", "--scheme", "us-federal", "--jobs", "1")
            rc2, out2, err2 = run("batch", p, "--schemes", "de-streg,us-federal", "--jobs", "2")
        self.assertEqual((rc1, rc2), (0, 0), err1 + err2)
        self.assertEqual(out1, out2)
        r = rows(out1)
        self.assertEqual(len(r), 800)
        self.assertEqual(list(r[0].keys()), [
            "line", "case", "scheme", "status", "eligible", "currency", "total", "total_if_eligible", "range_low",
            "range_high", "total_pecuniary", "total_non_pecuniary", "days", "per_day", "warnings", "heads",
            "error_path", "error"])
        for i, row in enumerate(r):
            self.assertEqual(row["line"], str(i // 2 + 1))
            self.assertEqual(row["case"], f"c{i // 2}")
        # StrEG § 7(3): EUR 75 a day; c9 has 10 days: 10 x 75 = 750.00, per day 75.00
        self.assertEqual((r[18]["scheme"], r[18]["total"], r[18]["per_day"], r[18]["days"]),
                         ("de-streg", "750.00", "75.00", "10"))
        self.assertEqual(r[18]["heads"], "liberty=750.00")
        # 28 U.S.C. § 2513(e): 10 x 50,000 / 365 = 1,369.863... -> 1,369.86 USD
        self.assertEqual((r[19]["scheme"], r[19]["currency"], r[19]["total"]), ("us-federal", "USD", "1369.86"))
        self.assertIn("400 cases x 2 schemes: 800 rows, 800 ok, 0 failed", err1)

    def test_bad_lines_are_rows(self):
        kz = case("kz", 10, "CHF", [{"category": "legal_costs", "amount": "800000", "date": "2026-02-01"}])
        data = (json.dumps(case("a", 10)) + "\n" +
                '{"id": "broken", "currency": \n' +
                json.dumps({"id": "bad-date", "currency": "EUR", "detentions": [
                    {"kind": "prison", "start": "2023-02-30"}]}) + "\n" +
                json.dumps(kz) + "\n").encode() + \
            b'{"id": "caf\xe9"}\n' + b'{"id": "' + b"x" * (1 << 20) + b'"}\n' + \
            (json.dumps(case("z", 20)) + "\r\n").encode()
        with Tmp(data) as p:
            rc, out, err = run("batch", p, "--scheme", "de-streg", "--scheme", "no-such-scheme")
        self.assertEqual(rc, 2, err)
        r = rows(out)
        by_line = {}
        for row in r:
            by_line.setdefault(row["line"], []).append(row)
        self.assertEqual(by_line["1"][0]["total"], "750.00")
        self.assertEqual(by_line["1"][1]["status"], "not_found")          # unknown scheme: a row error
        self.assertEqual((by_line["2"][0]["status"], by_line["2"][0]["scheme"]), ("syntax", ""))
        self.assertEqual(by_line["3"][0]["case"], "bad-date")
        self.assertEqual(by_line["3"][0]["error_path"], "detentions[0].start")
        self.assertEqual(by_line["4"][0]["status"], "no_data")            # no CHF/EUR rate, built in or given
        self.assertIn("CHF/EUR", by_line["4"][0]["error"])
        self.assertEqual(by_line["5"][0]["status"], "syntax")
        self.assertIn("UTF-8", by_line["5"][0]["error"])
        self.assertEqual(by_line["6"][0]["status"], "limit")
        self.assertIn("1048576", by_line["6"][0]["error"])
        self.assertEqual(by_line["7"][0]["total"], "1500.00")             # 20 x 75, after all that
        self.assertIn("line 3: case bad-date: detentions[0].start:", err)
        self.assertIn("line 2:", err)
        self.assertIn("7 cases x 2 schemes: 10 rows, 2 ok, 8 failed", err)

    def test_line_limit_excludes_a_crlf_newline(self):
        # REP_BATCH_MAX_LINE counts a line without its newline, \n or \r\n alike: a line of exactly
        # 1 MiB is read whatever its line ending; one byte more is an error row either way
        text = json.dumps(case("a"))
        exact = text[:-1] + " " * ((1 << 20) - len(text)) + "}"
        over = text[:-1] + " " * ((1 << 20) - len(text) + 1) + "}"
        self.assertEqual(len(exact), 1 << 20)
        for nl in ("\n", "\r\n"):
            rc, out, err = run("batch", "-", "--scheme", "de-streg", "-q", stdin=(exact + nl + over + nl).encode())
            self.assertEqual(rc, 2, (repr(nl), err))
            self.assertEqual([(x["status"], x["total"]) for x in rows(out)], [("ok", "750.00"), ("limit", "")], repr(nl))
            # the same without a final newline, the \r last
            rc, out, err = run("batch", "-", "--scheme", "de-streg", "-q", stdin=(exact + nl.rstrip("\n")).encode())
            self.assertEqual((rc, [x["total"] for x in rows(out)]), (0, ["750.00"]), (repr(nl), err))

    def test_fail_fast_and_stdin(self):
        data = jsonl(case("a"), case("b")) + "{oops\n" + jsonl(case("c"))
        rc, out, err = run("batch", "-", "--scheme", "de-streg", "--fail-fast", stdin=data.encode())
        self.assertEqual(rc, 2)
        self.assertEqual([x["case"] for x in rows(out)], ["a", "b", ""])
        self.assertIn("--fail-fast", err)
        rc, out, err = run("batch", "-", "--scheme", "de-streg", "--quiet", stdin=data.encode())
        self.assertEqual([x["case"] for x in rows(out)], ["a", "b", "", "c"])

    def test_jsonl_and_lines(self):
        with Tmp(jsonl(case("a", 10))) as p:
            rc, out, err = run("batch", p, "--scheme", "de-streg", "--format", "jsonl", "-q")
            self.assertEqual(rc, 0, err)
            row = json.loads(out)
            self.assertEqual((row["line"], row["case"], row["total"], row["eligible"], row["heads"]),
                             (1, "a", "750.00", True, {"liberty": "750.00"}))
            self.assertEqual(err, "")
            rc, out, err = run("batch", p, "--scheme", "de-streg", "--fields", "lines", "-q")
            self.assertEqual(rc, 0, err)
            r = rows(out)
            self.assertEqual(len(r), 1)
            self.assertEqual((r[0]["head"], r[0]["quantity"], r[0]["amount"]), ("liberty", "10", "750.00"))

    def test_output_is_atomic(self):
        with tempfile.TemporaryDirectory() as d:
            out = os.path.join(d, "out.csv")
            with open(out, "w") as f:
                f.write("keep me\n")
            # a fatal error (UTF-16 input): the old file stays as it was
            with Tmp("\ufeff".encode("utf-16-le") + json.dumps(case("a")).encode("utf-16-le")) as p:
                rc, _, err = run("batch", p, "--scheme", "de-streg", "-o", out)
            self.assertEqual(rc, 2)
            self.assertIn("UTF-16", err)
            with open(out) as f:
                self.assertEqual(f.read(), "keep me\n")
            self.assertEqual(os.listdir(d), ["out.csv"])
            with Tmp(jsonl(case("a"), case("b", 2))) as p:
                rc, stdout, err = run("batch", p, "--scheme", "de-streg", "-o", out, "-q")
            self.assertEqual((rc, stdout), (0, ""))
            with open(out) as f:
                self.assertEqual([x["total"] for x in rows(f.read())], ["750.00", "150.00"])  # 10 x 75, 2 x 75

    def test_progress_only_on_a_terminal(self):
        import pty
        cases = jsonl(*[case(f"c{i}") for i in range(600)])
        with Tmp(cases) as p:
            master, slave = pty.openpty()
            proc = subprocess.Popen([BIN, "batch", p, "--scheme", "de-streg"], stdout=subprocess.DEVNULL, stderr=slave)
            os.close(slave)
            chunks = []
            while True:
                try:
                    data = os.read(master, 4096)
                except OSError:
                    break
                if not data:
                    break
                chunks.append(data)
            proc.wait()
            os.close(master)
            err = b"".join(chunks).decode()
            self.assertEqual(proc.returncode, 0)
            self.assertIn("\r", err)                      # the bar redraws itself
            self.assertIn("600 cases", err)
            self.assertIn("cases/s", err)
            # a sweep knows its grid: points, with an ETA
            master, slave = pty.openpty()
            with Tmp(json.dumps(case("s", 5)), ".json") as c:
                proc = subprocess.Popen([BIN, "sweep", c, "--scheme", "de-streg", "--vary",
                                         "detentions[0].end=2023-03-05:2026-02-01:1d", "--vary",
                                         "option:jp-cca.daily_rate=1000:12500:50"],
                                        stdout=subprocess.DEVNULL, stderr=slave)
                os.close(slave)
                chunks = []
                while True:
                    try:
                        data = os.read(master, 4096)
                    except OSError:
                        break
                    if not data:
                        break
                    chunks.append(data)
                proc.wait()
            os.close(master)
            err = b"".join(chunks).decode()
            self.assertEqual(proc.returncode, 0, err)
            self.assertIn("points/s", err)
            self.assertNotIn("cases", err)
            self.assertIn("ETA", err)
            # not a terminal: no bar, only the summary
            rc, _, err = run("batch", p, "--scheme", "de-streg")
            self.assertNotIn("\r", err)
            self.assertIn("600 cases x 1 schemes", err)

    def test_output_to_a_pipe(self):
        # -o naming a pipe or a device (/dev/null) writes into it, never renames a file over it
        import stat
        import threading
        with tempfile.TemporaryDirectory() as d, Tmp(jsonl(case("a"))) as p:
            fifo = os.path.join(d, "rows")
            os.mkfifo(fifo)
            got = []
            reader = threading.Thread(target=lambda: got.append(open(fifo, "rb").read()))
            reader.start()
            rc, out, err = run("batch", p, "--scheme", "de-streg", "-o", fifo, "-q")
            reader.join(30)
            self.assertEqual((rc, out), (0, ""), err)
            self.assertTrue(stat.S_ISFIFO(os.stat(fifo).st_mode))
            self.assertEqual([x["total"] for x in rows(got[0].decode())], ["750.00"])
            self.assertEqual(os.listdir(d), ["rows"])

    def test_fx_file(self):
        with Tmp(jsonl(kzt_case("kz"))) as p, Tmp(FX_FILE, ".fx") as fx:
            rc, out, err = run("batch", p, "--scheme", "de-streg", "--fx-file", fx, "-q")
        self.assertEqual(rc, 0, err)
        r = rows(out)
        # StrEG pays EUR: KZT 500,000 / 500 (the rate in force on 2026-03-01, not 400) = 1,000.00,
        # plus 10 days x EUR 75 = 750.00: 1,750.00
        self.assertEqual((r[0]["currency"], r[0]["total"], r[0]["total_pecuniary"], r[0]["heads"]),
                         ("EUR", "1750.00", "1000.00", "liberty=750.00;property=1000.00"))

    def test_bad_fx_file(self):
        with Tmp(jsonl(kzt_case("kz"))) as p, Tmp(BAD_FX_FILE, ".fx") as fx:
            rc, out, err = run("batch", p, "--scheme", "de-streg", "--fx-file", fx)
            self.assertEqual((rc, out), (2, ""))
            self.assertEqual(err, f'reparations: {fx}: line 3: EUR/KZT: "5x0" is not a decimal number\n')
            rc, out, err = run("batch", p, "--scheme", "de-streg", "--fx-file", fx + ".missing")
            self.assertEqual((rc, out), (2, ""))
            self.assertEqual(err, f"reparations: {fx}.missing: cannot open: No such file or directory\n")
            rc, _, err = run("batch", p, "--scheme", "de-streg", "--fx-file")
            self.assertEqual((rc, err), (2, "reparations: --fx-file needs a value\n"))

    def test_strict_data(self):
        # "late" is valued in 2099, after the built-in EUR/KZT series ends; "a" needs no rate
        with Tmp(jsonl(case("a"), kzt_case("late", "2099-03-01"))) as p:
            rc, out, err = run("batch", p, "--scheme", "de-streg", "--format", "jsonl")
            self.assertEqual(rc, 0, err)
            r = [json.loads(x) for x in out.splitlines()]
            self.assertEqual([x["status"] for x in r], ["ok", "ok"])   # the latest point, with a warning
            self.assertGreaterEqual(r[1]["warnings"], 1)
            rc, out, err = run("batch", p, "--scheme", "de-streg", "--format", "jsonl", "--strict-data")
            self.assertEqual(rc, 2, err)
            r = [json.loads(x) for x in out.splitlines()]
            self.assertEqual((r[0]["status"], r[0]["total"]), ("ok", "750.00"))   # 10 x 75
            self.assertEqual((r[1]["case"], r[1]["status"], r[1]["error"]["path"]), ("late", "no_data", "harms[0]"))
            self.assertIn("no exchange rate KZT/EUR for 2099-03-01", r[1]["error"]["message"])
            self.assertIn("line 2: case late: de-streg: harms[0]: no exchange rate KZT/EUR for 2099-03-01", err)
            self.assertIn("2 cases x 1 schemes: 2 rows, 1 ok, 1 failed", err)

    def test_errors_on_stderr_are_escaped(self):
        # text from the input reaches the terminal: an ESC or a newline in an id cannot drive it or
        # forge a second line (docs/hardening.md)
        hostile = case("x\x1b]0;owned\x07\x1b[2J\nfake: line\u009b")
        hostile["detentions"][0]["end"] = "2023-02-30"
        with Tmp(jsonl(hostile, case("ok"))) as p:
            rc, out, err = run("batch", p, "--scheme", "de-streg", "--scheme", "no\x1b[31m")
        self.assertEqual(rc, 2)
        for c in "\x1b\x07\r\x9b":
            self.assertNotIn(c, err)
        self.assertIn("case x\\x1b]0;owned\\x07\\x1b[2J\\x0afake: line\\u009b: detentions[0].end:", err)
        self.assertIn("line 2: case ok: no\\x1b[31m: unknown scheme", err)
        self.assertEqual(len(err.splitlines()), 3, err)   # two errors and the summary
        with Tmp(json.dumps(case("s\x1b[1m", 5)), ".json") as p:
            rc, out, err = run("sweep", p, "--scheme", "de-streg", "--vary", "detentions[0].start=2023-03-04:2023-03-08:4",
                               "-q")
        self.assertEqual(rc, 2)
        self.assertNotIn("\x1b", err)
        self.assertIn("point 2: case s\\x1b[1m: de-streg: detentions[0]: end", err)

    def test_csv_cells_cannot_be_formulas(self):
        # a spreadsheet runs a cell starting with = + - @ (CSV injection): such text is quoted with a
        # leading ', as the estimate's CSV does; numbers (a negative amount) never are
        cases = [case("=HYPERLINK(\"http://x\")"), case("+cmd|' /C calc'!A0"), case("@SUM(1)"), case("-2+3"),
                 case("-12.50"), case("\tx")]
        bad = case("=bad")
        bad["detentions"][0]["kind"] = "=zzz"
        with Tmp(jsonl(*cases, bad)) as p:
            rc, out, err = run("batch", p, "--scheme", "de-streg", "-q")
            self.assertEqual(rc, 2, err)
            lines = out.splitlines()
            self.assertTrue(lines[1].startswith('1,"\'=HYPERLINK(""http://x"")",de-streg,ok,'), lines[1])
            self.assertTrue(lines[2].startswith('2,"\'+cmd|\' /C calc\'!A0",'), lines[2])
            self.assertTrue(lines[3].startswith('3,"\'@SUM(1)",'), lines[3])
            self.assertTrue(lines[4].startswith('4,"\'-2+3",'), lines[4])
            self.assertTrue(lines[5].startswith('5,-12.50,de-streg,'), lines[5])
            self.assertTrue(lines[6].startswith('6,"\'\tx",'), lines[6])
            self.assertTrue(lines[7].startswith('7,"\'=bad",,invalid,'), lines[7])
            self.assertIn('unknown value ""=zzz""', lines[7])
            # the values themselves are unchanged for a reader that strips the mark
            self.assertEqual(rows(out)[0]["case"], "'=HYPERLINK(\"http://x\")")
            # JSON Lines is data, not a spreadsheet: as it is
            rc, out, err = run("batch", p, "--scheme", "de-streg", "-q", "--format", "jsonl")
            self.assertEqual(json.loads(out.splitlines()[0])["case"], "=HYPERLINK(\"http://x\")")

    def test_malformed_line_keeps_a_readable_id(self):
        # the JSON breaks after its "id": the row and the message still name the case
        data = ('{"id": "early", "currency": "EUR", oops}\n'
                '{"currency": "EUR", "detentions": [{"id": "inner"}], "id": "late", }\n'
                '{"id": "dup", "id": "again"}\n'
                '{"notes": "an \\"id\\": \\"fake\\"", "x": \n'
                '{"id": "cut')
        with Tmp(data) as p:
            rc, out, err = run("batch", p, "--scheme", "de-streg")
        self.assertEqual(rc, 2)
        self.assertEqual([(x["line"], x["case"], x["status"]) for x in rows(out)],
                         [("1", "early", "syntax"), ("2", "late", "syntax"), ("3", "dup", "invalid"),
                          ("4", "", "syntax"), ("5", "", "syntax")])
        self.assertIn("line 1: case early: malformed JSON", err)

    def test_fatal_error_before_any_row_writes_nothing(self):
        # a run that stops before its first row (UTF-16 input, a directory) leaves standard output
        # empty: no header without rows, as -o FILE is left untouched
        rc, out, err = run("batch", "-", "--scheme", "de-streg", stdin="\ufeff{}\n".encode("utf-16-le"))
        self.assertEqual((rc, out), (2, ""), err)
        self.assertIn("UTF-16", err)
        with tempfile.TemporaryDirectory() as d:
            rc, out, err = run("batch", d, "--scheme", "de-streg")
            self.assertEqual((rc, out), (2, ""), err)
            self.assertEqual(err, f"reparations: {d}: cannot read: it is a directory\n")
            rc, out, err = run("sweep", d, "--scheme", "de-streg", "--vary", "as_of=2026-01-01")
            self.assertEqual((rc, out), (2, ""), err)
            self.assertEqual(err, f"reparations: {d}: cannot read: it is a directory\n")

    def test_usage_errors(self):
        with Tmp(jsonl(case("a"))) as p:
            self.assertEqual(run("batch", p)[0], 2)                                     # no scheme
            self.assertEqual(run("batch", p, "--scheme", "de-streg", "--jobs", "x")[0], 2)
            rc, _, err = run("batch", p, "--scheme", "de-streg", "--option", "jp-cca.daily_rate=5")
            self.assertEqual(rc, 2)
            self.assertIn("daily_rate", err)
            self.assertEqual(run("batch", "/nonexistent.jsonl", "--scheme", "de-streg")[0], 2)
        rc, out, _ = run("batch", "--help")
        self.assertEqual(rc, 0)
        self.assertIn("--fail-fast", out)


class TestSweep(unittest.TestCase):
    def test_grid(self):
        with Tmp(json.dumps(case("s", 5)), ".json") as p:
            rc, out, err = run("sweep", p, "--scheme", "de-streg", "--vary", "detentions[0].end=2023-03-10:2023-05-10:1m",
                               "--vary", "option:jp-cca.daily_rate=1000,2000", "--jobs", "2", "-q")
        self.assertEqual(rc, 0, err)
        r = rows(out)
        self.assertEqual(list(r[0].keys())[:3], ["detentions[0].end", "option:jp-cca.daily_rate", "case"])
        self.assertEqual([x["detentions[0].end"] for x in r],
                         ["2023-03-10"] * 2 + ["2023-04-10"] * 2 + ["2023-05-10"] * 2)
        # 10, 41, 71 days x EUR 75 = 750, 3075, 5325
        self.assertEqual([x["total"] for x in r][::2], ["750.00", "3075.00", "5325.00"])

    def test_option_axis_of_a_scheme_not_run_warns(self):
        # the rows show jp-cca's rate, but no jp-cca row is computed: said once on stderr
        with Tmp(json.dumps(case("s", 5)), ".json") as p:
            rc, out, err = run("sweep", p, "--scheme", "de-streg", "--vary", "option:jp-cca.daily_rate=1000,2000")
            self.assertEqual(rc, 0, err)
            self.assertIn("warning: --vary option:jp-cca.daily_rate: scheme jp-cca is not in this run "
                          "(add --scheme jp-cca): the axis changes no row", err)
            self.assertEqual(len(rows(out)), 2)
            rc, out, err = run("sweep", p, "--scheme", "de-streg", "--scheme", "jp-cca", "--vary",
                               "option:jp-cca.daily_rate=1000,2000")
            self.assertEqual(rc, 0, err)
            self.assertNotIn("warning", err)

    def test_jsonl_and_errors(self):
        with Tmp(json.dumps(case("s", 5)), ".json") as p:
            rc, out, err = run("sweep", p, "--scheme", "de-streg", "--vary", "detentions[0].start=2023-03-04:2023-03-08:2",
                               "--format", "jsonl", "-q")
            self.assertEqual(rc, 2)   # the last point starts after the end: an error row
            r = [json.loads(x) for x in out.splitlines()]
            self.assertEqual([x["point"]["detentions[0].start"] for x in r], ["2023-03-04", "2023-03-06", "2023-03-08"])
            self.assertEqual(r[0]["total"], "150.00")  # 03-04..03-05: 2 x 75
            self.assertEqual(r[2]["status"], "invalid")
            self.assertEqual(r[2]["error"]["path"], "detentions[0]")
            rc, _, err = run("sweep", p, "--scheme", "de-streg", "--vary", "harms[0].amount=1:2:1")
            self.assertEqual(rc, 2)
            self.assertIn("the case has 0 harms", err)
            rc, _, err = run("sweep", p, "--scheme", "jp-cca", "--vary", "option:jp-cca.daily_rate=0:2000000:1")
            self.assertEqual(rc, 2)
            self.assertIn("1000000 points", err)
            self.assertEqual(run("sweep", p, "--scheme", "de-streg")[0], 2)   # no --vary
            # an option the scheme does not have: found when the run starts, before any row
            rc, out, err = run("sweep", p, "--scheme", "jp-cca", "--vary", "option:jp-cca.nope=1:2:1")
            self.assertEqual((rc, out), (2, ""), err)
            self.assertIn('scheme jp-cca has no option "nope"', err)
            # ... and named against --vary, not against the case file
            self.assertIn("reparations: --vary: option:jp-cca.nope: ", err)
            self.assertNotIn(p, err)
            # a step longer than the supported dates is too long, not "not a count"
            rc, out, err = run("sweep", p, "--scheme", "de-streg", "--vary", "as_of=2020-01-01:2025-01-01:3000y")
            self.assertEqual((rc, out), (2, ""), err)
            self.assertIn('the step "3000y" is longer than the 300 years of supported dates (at most 300y)', err)
            rc, out, err = run("sweep", p, "--scheme", "de-streg", "--vary", "as_of=2020-01-01:2025-01-01:3x")
            self.assertIn('the step "3x" is not a count of days, months or years', err)
            # --fail-fast: the sweep stops at its first failed row. The start steps by 2 days from 2023-03-01 to
            # 03-09; the custody ends on 03-05, so 03-01, 03-03 and 03-05 are ok (5, 3 and 1 days x 75) and 03-07
            # is the first invalid point: four rows, not five
            rc, out, err = run("sweep", p, "--scheme", "de-streg", "--vary",
                               "detentions[0].start=2023-03-01:2023-03-09:2d", "--fail-fast", "--format", "jsonl")
            self.assertEqual(rc, 2, err)
            r = [json.loads(x) for x in out.splitlines()]
            self.assertEqual([x["status"] for x in r], ["ok", "ok", "ok", "invalid"])
            self.assertEqual([x["total"] for x in r[:3]], ["375.00", "225.00", "75.00"])
            self.assertIn("stopped at the first failure: --fail-fast", err)
            rc, out, err = run("sweep", p, "--scheme", "de-streg", "--vary",
                               "detentions[0].start=2023-03-01:2023-03-09:2d", "--format", "jsonl")
            self.assertEqual(len(out.splitlines()), 5)


    def test_audit_sweep_fields_and_fail_fast_output(self):
        # a legal_costs harm takes an amount and a date, not a monthly figure: varying it would change
        # nothing, so the axis is refused with the category's own fields
        c = case("f", 10, harms=[{"category": "legal_costs", "amount": "1000", "date": "2023-04-01"}])
        with Tmp(json.dumps(c), ".json") as p:
            rc, out, err = run("sweep", p, "--scheme", "de-streg", "--vary", "harms[0].monthly=0:1000:500")
            self.assertEqual((rc, out), (2, ""), err)
            self.assertIn("harms[0].monthly: a legal_costs harm has no monthly (its fields: ", err)
            # the amount it does take moves the total: 10 days x 75 = 750, plus 0 / 500 / 1000
            rc, out, err = run("sweep", p, "--scheme", "de-streg", "--vary", "harms[0].amount=0:1000:500")
            self.assertEqual(rc, 0, err)
            self.assertEqual([r["total"] for r in rows(out)], ["750.00", "1250.00", "1750.00"])
            # a decimal axis that is not one names the text that is not a decimal
            rc, out, err = run("sweep", p, "--scheme", "jp-cca", "--vary", "option:jp-cca.daily_rate=a:b:c")
            self.assertEqual(rc, 2, err)
            self.assertIn('expected decimals FROM:TO:STEP ("a" is not a decimal number)', err)
        # --fail-fast stops before all the rows: an existing -o file is left as it was
        data = jsonl(case("a"), {"id": "b"}, case("c"))
        with Tmp(data) as p, Tmp("precious\n", ".csv") as o:
            rc, out, err = run("batch", p, "--scheme", "de-streg", "--fail-fast", "-o", o)
            self.assertEqual(rc, 2, err)
            with open(o) as f:
                self.assertEqual(f.read(), "precious\n")
            rc, out, err = run("batch", p, "--scheme", "de-streg", "-o", o)
            self.assertEqual(rc, 2, err)
            with open(o) as f:
                self.assertEqual(len(f.read().splitlines()), 4)  # header and three rows, one an error

    def test_fx_file_and_strict_data(self):
        vary = ("--vary", "as_of=2025-06-01,2026-03-01,2099-03-01")
        with Tmp(json.dumps(kzt_case("kz")), ".json") as p, Tmp(FX_FILE, ".fx") as fx, \
                Tmp(BAD_FX_FILE, ".fx") as bad:
            rc, out, err = run("sweep", p, "--scheme", "de-streg", *vary, "--fx-file", fx, "--strict-data", "-q")
            self.assertEqual(rc, 0, err)
            # KZT 500,000 at 400 (in force in 2025) = 1,250.00, at 500 (from 2026) = 1,000.00; + 10 x 75 = 750.00;
            # the file's rates have no end, so --strict-data accepts 2099
            self.assertEqual([x["total"] for x in rows(out)], ["2000.00", "1750.00", "1750.00"])
            rc, out, err = run("sweep", p, "--scheme", "de-streg", *vary, "--strict-data", "--format", "jsonl", "-q")
            self.assertEqual(rc, 2, err)
            r = [json.loads(x) for x in out.splitlines()]
            # the built-in series covers 2025-06-01 only: the later points are error rows
            self.assertEqual([x["status"] for x in r], ["ok", "no_data", "no_data"])
            self.assertIn("no exchange rate KZT/EUR for 2099-03-01", r[2]["error"]["message"])
            self.assertIn("point 3: case kz: de-streg: harms[0]: no exchange rate KZT/EUR for 2099-03-01", err)
            rc, out, err = run("sweep", p, "--scheme", "de-streg", *vary, "--fx-file", bad)
            self.assertEqual((rc, out), (2, ""))
            self.assertEqual(err, f'reparations: {bad}: line 3: EUR/KZT: "5x0" is not a decimal number\n')

if __name__ == "__main__":
    unittest.main()
