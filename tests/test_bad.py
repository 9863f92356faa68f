"""The catalogue of hostile inputs in tests/bad/, through the CLI: each
NAME.expect gives the kind of file (case, series, scheme), the expected exit
status and a regular expression the one-line message must match. No input
may crash the program, print more than one line of error, or leave an output
file behind."""
import glob
import os
import re
import subprocess
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
BAD = os.path.join(HERE, "bad")
BIN = os.environ.get("REPARATIONS_BIN", "reparations")


def read_expect(path):
    spec = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            key, _, value = line.rstrip("\n").partition(": ")
            spec[key] = value
    return spec


def input_for(expect_path):
    stem = expect_path[: -len(".expect")]
    files = [p for p in glob.glob(stem + ".*") if not p.endswith(".expect")]
    assert len(files) == 1, files
    return files[0]


class Bad(unittest.TestCase):
    pass


def make_test(expect_path):
    def test(self):
        spec = read_expect(expect_path)
        path = input_for(expect_path)
        with tempfile.TemporaryDirectory() as d:
            target = os.path.join(d, "out.txt")
            if spec["kind"] == "case":
                args = ["estimate", path, "--scheme", spec["scheme"], "-o", target]
                if "option" in spec:
                    args += ["--option", spec["option"]]
            elif spec["kind"] == "series":
                args = ["refdata", "--series-file", path]
            else:
                args = ["schemes", "--scheme-file", path]
            p = subprocess.run([BIN, *args], capture_output=True, timeout=60)
            err = p.stderr.decode("utf-8", "replace")
            self.assertEqual(p.returncode, int(spec["exit"]), f"{os.path.basename(path)}: {err}")
            self.assertEqual(p.stdout, b"")
            self.assertEqual(err.count("\n"), 1, f"one line on stderr: {err!r}")
            self.assertTrue(err.startswith("reparations: "), err)
            self.assertRegex(err, spec["message"])
            self.assertEqual(os.listdir(d), [], "no output file on error")
    return test


for exp in sorted(glob.glob(os.path.join(BAD, "*.expect"))):
    name = "test_" + os.path.basename(exp)[: -len(".expect")].replace("-", "_")
    setattr(Bad, name, make_test(exp))

if __name__ == "__main__":
    unittest.main(verbosity=1)
