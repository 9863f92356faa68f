"""`-o PATH` never destroys what it should not, and every failure to write
names the path with exit status 2 (issue 16, issue 14). A regular file is
replaced atomically keeping its mode; a symbolic link is followed; a FIFO or
device is written directly; an input file is refused; nothing is left behind."""
import json
import os
import stat
import subprocess
import tempfile
import threading
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BIN = os.environ.get("REPARATIONS_BIN", "reparations")
EXAMPLE = os.path.join(ROOT, "examples", "cases", "kz-activist.json")
ARGS = ["estimate", EXAMPLE, "--scheme", "kz-cpc", "--format", "json"]


def read(path):
    with open(path) as f:
        return f.read()


def run(*args):
    p = subprocess.run([BIN, *args], capture_output=True, text=True, timeout=120)
    return p.returncode, p.stdout, p.stderr


class TestOutput(unittest.TestCase):
    ARGS = ARGS

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.d = self.tmp.name
        rc, self.expected, err = run(*self.ARGS)
        self.assertEqual(rc, 0, err)

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, target):
        return run(*self.ARGS, "-o", target)

    def assert_only(self, *names):
        self.assertEqual(sorted(os.listdir(self.d)), sorted(names), "no temporary left behind")

    def test_new_file_gets_umask_mode(self):
        target = os.path.join(self.d, "new.json")
        old = os.umask(0o027)
        try:
            rc, out, err = self.write(target)
        finally:
            os.umask(old)
        self.assertEqual((rc, out, err), (0, "", ""))
        self.assertEqual(read(target), self.expected)
        self.assertEqual(stat.S_IMODE(os.stat(target).st_mode), 0o640)
        self.assert_only("new.json")

    def test_private_file_keeps_its_mode(self):
        target = os.path.join(self.d, "private.json")
        with open(target, "w") as f:
            f.write("old")
        os.chmod(target, 0o600)
        ino = os.stat(target).st_ino
        rc, _, err = self.write(target)
        self.assertEqual(rc, 0, err)
        self.assertEqual(read(target), self.expected)
        self.assertEqual(stat.S_IMODE(os.stat(target).st_mode), 0o600)
        self.assertNotEqual(os.stat(target).st_ino, ino, "replaced by rename, not rewritten in place")
        self.assert_only("private.json")

    def test_symlink_is_followed(self):
        sub = os.path.join(self.d, "data")
        os.mkdir(sub)
        real = os.path.join(sub, "real.json")
        with open(real, "w") as f:
            f.write("old")
        os.chmod(real, 0o640)
        link = os.path.join(self.d, "link.json")
        os.symlink("data/real.json", link)
        rc, _, err = self.write(link)
        self.assertEqual(rc, 0, err)
        self.assertTrue(os.path.islink(link), "the link stays a link")
        self.assertEqual(os.readlink(link), "data/real.json")
        self.assertEqual(read(real), self.expected)
        self.assertEqual(stat.S_IMODE(os.stat(real).st_mode), 0o640)
        self.assertEqual(sorted(os.listdir(sub)), ["real.json"])
        # a dangling link: its target is created
        dangling = os.path.join(self.d, "dangling.json")
        os.symlink("data/created.json", dangling)
        rc, _, err = self.write(dangling)
        self.assertEqual(rc, 0, err)
        self.assertTrue(os.path.islink(dangling))
        self.assertEqual(read(os.path.join(sub, "created.json")), self.expected)

    def test_hard_link_keeps_both_names(self):
        a = os.path.join(self.d, "a.json")
        b = os.path.join(self.d, "b.json")
        with open(a, "w") as f:
            f.write("old")
        os.link(a, b)
        rc, _, err = self.write(a)
        self.assertEqual(rc, 0, err)
        self.assertEqual(read(b), self.expected, "the other name sees the new text")
        self.assertEqual(os.stat(a).st_ino, os.stat(b).st_ino)

    def test_fifo_is_written_directly(self):
        fifo = os.path.join(self.d, "pipe")
        os.mkfifo(fifo, 0o600)
        got = []

        def reader():
            with open(fifo) as f:
                got.append(f.read())

        t = threading.Thread(target=reader, daemon=True)
        t.start()
        rc, _, err = self.write(fifo)
        t.join(10)
        if t.is_alive():  # nothing opened the FIFO for writing: release the reader
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
            t.join(10)
        self.assertEqual(rc, 0, err)
        self.assertEqual(got, [self.expected], "the reader gets the whole output")
        self.assertTrue(stat.S_ISFIFO(os.stat(fifo).st_mode), "still a FIFO")
        self.assert_only("pipe")

    @unittest.skipUnless(os.geteuid() == 0, "mknod needs root (CI runs as root)")
    def test_device_node_is_written_directly(self):
        dev = os.path.join(self.d, "null")
        os.mknod(dev, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        rc, _, err = self.write(dev)
        self.assertEqual(rc, 0, err)
        st = os.stat(dev)
        self.assertTrue(stat.S_ISCHR(st.st_mode), "still a device node")
        self.assertEqual(st.st_rdev, os.makedev(1, 3))
        self.assert_only("null")

    def test_input_file_is_refused(self):
        case = os.path.join(self.d, "case.json")
        with open(EXAMPLE) as f:
            text = f.read()
        with open(case, "w") as f:
            f.write(text)
        link = os.path.join(self.d, "link.json")
        os.symlink("case.json", link)
        hard = os.path.join(self.d, "hard.json")
        os.link(case, hard)
        for target in (case, link, hard):
            rc, out, err = run("estimate", case, "--scheme", "kz-cpc", "-o", target)
            self.assertEqual(rc, 2, err)
            self.assertEqual(err.count("\n"), 1, err)
            self.assertIn(target + ": -o names an input file", err)
            self.assertEqual(read(case), text, "the input is intact")
        fx = os.path.join(self.d, "rates.fx")
        with open(fx, "w") as f:
            f.write("EUR/KZT=520\n")
        rc, _, err = run("estimate", case, "--scheme", "kz-cpc", "--fx-file", fx, "-o", fx)
        self.assertEqual(rc, 2, err)
        self.assertEqual(read(fx), "EUR/KZT=520\n")
        self.assert_only("case.json", "link.json", "hard.json", "rates.fx")

    def test_unwritable_path_is_exit_2_naming_it(self):
        for target in (os.path.join(self.d, "missing", "out.json"), self.d, "/dev/full"):
            rc, out, err = self.write(target)
            self.assertEqual(rc, 2, (target, err))
            self.assertEqual(out, "")
            self.assertEqual(err.count("\n"), 1, err)
            self.assertTrue(err.startswith("reparations: " + target + ": cannot write"), err)
        self.assert_only()

    def test_compare_with_failing_rows_writes_nothing(self):
        target = os.path.join(self.d, "cmp.txt")
        # strict data and a valuation date after the built-in exchange rates end: three rows cannot convert
        rc, out, err = run("compare", EXAMPLE, "--schemes", "kz-cpc,kz-reform,us-tx,de-streg", "--report-currency",
                           "EUR", "--strict-data", "--as-of", "2026-06-01", "-o", target)
        self.assertEqual(rc, 2, err)
        lines = err.splitlines()
        self.assertEqual(len(lines), 3, err)  # de-streg pays in EUR: no conversion needed
        for scheme, line in zip(("kz-cpc", "kz-reform", "us-tx"), lines):
            self.assertTrue(line.startswith("reparations: " + EXAMPLE + ": " + scheme + ": "), line)
            self.assertIn("no exchange rate", line)
        self.assert_only()


# batch and sweep stream their rows into -o: the same promises as estimate (issue 12)
CASES = os.path.join(tempfile.mkdtemp(), "cases.jsonl")
with open(EXAMPLE) as f_:
    _case = json.load(f_)
with open(CASES, "w") as f_:
    f_.write("".join(json.dumps(dict(_case, id=f"c{i}")) + "\n" for i in range(3)))


class TestBatchOutput(TestOutput):
    ARGS = ["batch", CASES, "--scheme", "kz-cpc", "--scheme", "kz-reform", "-q"]

    def test_input_file_is_refused(self):
        cases = os.path.join(self.d, "cases.jsonl")
        with open(CASES) as f:
            text = f.read()
        with open(cases, "w") as f:
            f.write(text)
        link = os.path.join(self.d, "link.jsonl")
        os.symlink("cases.jsonl", link)
        for target in (cases, link):
            rc, out, err = run("batch", cases, "--scheme", "kz-cpc", "-q", "-o", target)
            self.assertEqual(rc, 2, err)
            self.assertEqual(err, "reparations: " + target + ": -o names an input file: write the output to "
                             "another path\n")
            self.assertEqual(read(cases), text, "the input is intact")
        # read from standard input, redirected from the file
        with open(cases, "rb") as f:
            p = subprocess.run([BIN, "batch", "-", "--scheme", "kz-cpc", "-q", "-o", cases], stdin=f,
                               capture_output=True, text=True, timeout=120)
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertEqual(read(cases), text, "the input is intact")
        self.assert_only("cases.jsonl", "link.jsonl")

    def test_compare_with_failing_rows_writes_nothing(self):
        pass  # compare only

    def test_unwritable_path_fails_before_any_row(self):
        # a missing directory is found when the output is opened, not after the whole caseload
        big = os.path.join(self.d, "big.jsonl")
        with open(CASES) as f:
            line = f.readline()
        with open(big, "w") as f:
            f.write(line * 20000)
        target = os.path.join(self.d, "missing", "out.csv")
        rc, out, err = run("batch", big, "--scheme", "kz-cpc", "-o", target)
        self.assertEqual((rc, out), (2, ""))
        self.assertEqual(err, "reparations: " + target + ": cannot write: No such file or directory\n")

    def test_device_full_while_rows_stream(self):
        # more rows than one buffer: the write fails during the run, and is said once, naming the path
        big = os.path.join(self.d, "big.jsonl")
        with open(CASES) as f:
            line = f.readline()
        with open(big, "w") as f:
            f.write(line * 2000)
        rc, out, err = run("batch", big, "--scheme", "kz-cpc", "--scheme", "kz-reform", "-q", "-o", "/dev/full")
        self.assertEqual(rc, 2, err)
        self.assertEqual(err, "reparations: /dev/full: cannot write: No space left on device\n")
        with open("/dev/full", "w") as full:
            p = subprocess.run([BIN, "batch", big, "--scheme", "kz-cpc", "-q"], stdout=full, capture_output=False,
                               stderr=subprocess.PIPE, text=True, timeout=120)
        self.assertEqual(p.returncode, 1, p.stderr)   # standard output unwritable: an internal failure
        self.assertEqual(p.stderr, "reparations: stdout: No space left on device\n")


class TestSweepOutput(TestOutput):
    ARGS = ["sweep", EXAMPLE, "--scheme", "kz-cpc", "--vary", "as_of=2026-03-01:2026-05-01:1m", "-q"]

    def test_compare_with_failing_rows_writes_nothing(self):
        pass  # compare only


class TestInputSize(unittest.TestCase):
    def test_exactly_the_limit_is_accepted(self):
        text = read(EXAMPLE).rstrip()
        limit = 16 << 20
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "big.json")
            for size, rc_wanted in ((limit, 0), (limit + 1, 2)):
                with open(path, "w") as f:
                    f.write(text + " " * (size - len(text.encode())))
                self.assertEqual(os.path.getsize(path), size)
                rc, out, err = run("validate", path)
                self.assertEqual(rc, rc_wanted, err)
                if rc:
                    self.assertIn("file larger than 16777216 bytes", err)


class TestTerminalEscapes(unittest.TestCase):
    def test_control_characters_never_reach_stderr_raw(self):
        hostile = "x\x1b]0;owned\x07\x1b[2J\r\nfake: line\x9b"
        rc, out, err = run("estimate", EXAMPLE, "--scheme", hostile)
        self.assertEqual(rc, 2)
        self.assertEqual(err.count("\n"), 1, repr(err))
        for c in "\x1b\x07\r\x9b":
            self.assertNotIn(c, err)
        self.assertIn("\\x1b]0;owned\\x07", err)
        self.assertIn("\\u009b", err)
        for args in (("x\x1b[2J",), ("estimate", EXAMPLE, "--bogus\x1b]0;x\x07"), ("validate", EXAMPLE, "\x1b[31m")):
            rc, out, err = run(*args)
            self.assertEqual(rc, 2, err)
            self.assertEqual(err.count("\n"), 1, repr(err))
            self.assertNotIn("\x1b", err)
            self.assertIn("\\x1b", err)
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "c.json")
            case = json.loads(read(EXAMPLE))
            case["detentions"][0]["kind"] = "\u001b[31mred\n"
            with open(path, "w") as f:
                json.dump(case, f)
            rc, out, err = run("estimate", path, "--scheme", "kz-cpc")
            self.assertEqual(rc, 2, err)
            self.assertEqual(err.count("\n"), 1, repr(err))
            self.assertNotIn("\x1b", err)


if __name__ == "__main__":
    unittest.main(verbosity=1)
