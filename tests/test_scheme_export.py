"""`reparations schemes --export ID`: every built-in scheme, written as JSON in
the user-scheme vocabulary and loaded back with --scheme-file (which replaces
the built-in of the same id), gives byte-identical estimates on every golden
case, and exporting the loaded copy gives the same text again (a fixpoint).
So the export is the rule itself, not a summary of it."""
import glob
import json
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
BIN = os.environ.get("REPARATIONS_BIN", "reparations")


def run(*args):
    p = subprocess.run([BIN, *args], capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def scheme_ids():
    rc, out, err = run("schemes", "--format", "json")
    assert rc == 0, err
    data = json.loads(out)
    rows = data["schemes"] if isinstance(data, dict) else data
    return [s["id"] for s in rows]


class Export(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.ids = scheme_ids()
        cls.files = {}
        for sid in cls.ids:
            rc, out, err = run("schemes", "--export", sid)
            assert rc == 0, f"{sid}: {err}"
            path = os.path.join(cls.tmp.name, sid + ".json")
            with open(path, "w", encoding="utf-8") as f:
                f.write(out)
            cls.files[sid] = (path, out)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_every_builtin_is_exported(self):
        self.assertEqual(len(self.ids), 19)
        for sid, (path, text) in self.files.items():
            doc = json.loads(text)
            self.assertEqual(doc["id"], sid)
            self.assertTrue(doc.get("citations"), f"{sid}: citations exported")

    def test_fixpoint(self):
        for sid, (path, text) in self.files.items():
            rc, out, err = run("schemes", "--scheme-file", path, "--export", sid)
            self.assertEqual(rc, 0, err)
            self.assertEqual(out, text, f"{sid}: export of the reloaded scheme differs")

    def test_identical_estimates_on_golden_cases(self):
        specs = sorted(glob.glob(os.path.join(HERE, "cases", "*.expected.json")))
        self.assertGreater(len(specs), 20)
        compared = 0
        for spec_path in specs:
            with open(spec_path, encoding="utf-8") as f:
                spec = json.load(f)
            case = os.path.join(HERE, "cases", spec["case"])
            per_scheme = {e["scheme"]: e.get("options", []) for e in spec["estimates"]}
            for sid in self.ids:
                args = ["estimate", case, "--scheme", sid, "--format", "json"]
                for opt in spec.get("options", []) + per_scheme.get(sid, []):
                    args += ["--option", opt]
                for fx in spec.get("fx", []):
                    args += ["--fx", fx]
                want = run(*args)
                got = run(*args, "--scheme-file", self.files[sid][0])
                self.assertEqual(got, want, f"{os.path.basename(spec_path)} / {sid}")
                compared += want[0] == 0
        self.assertGreater(compared, 300)  # most of the 19 x ~36 runs compute an estimate

    def test_unknown_id_suggests(self):
        rc, out, err = run("schemes", "--export", "kz-cp")
        self.assertEqual(rc, 2)
        self.assertIn('unknown scheme "kz-cp": did you mean kz-cpc', err)
        self.assertEqual(out, "")

    def test_export_is_case_insensitive(self):
        rc, out, err = run("schemes", "--export", "DE-StrEG")
        self.assertEqual((rc, out), (0, self.files["de-streg"][1]))


if __name__ == "__main__":
    unittest.main(verbosity=2)
