"""`pip install .` offline on Debian 12: meson-python (python3-mesonpy) builds a
wheel with --no-build-isolation (with isolation pip would fetch meson-python from
PyPI); the wheel holds the Python package and the CLI, and no C headers, no
libreparations.so and no reparations.pc (those go where C builds look with
`meson install`); installed from the wheel, the package imports and computes."""
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
import zipfile

SRC = os.environ["SOURCE_ROOT"]
PY = os.environ.get("PIP_PYTHON") or ("/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable)


class Pip(unittest.TestCase):
    def test_wheel(self):
        with tempfile.TemporaryDirectory() as tmp:
            src = os.path.join(tmp, "src")
            # a copy without build directories, as a fresh clone is
            def skip(d, names):
                top = os.path.abspath(d) == os.path.abspath(SRC)
                return [n for n in names if n in (".git", "__pycache__") or (top and n.startswith("build"))]
            shutil.copytree(SRC, src, ignore=skip)
            env = dict(os.environ, PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1")
            p = subprocess.run([PY, "-m", "pip", "wheel", "--no-build-isolation", "--no-deps", "-w",
                                os.path.join(tmp, "dist"), src], env=env, capture_output=True, text=True)
            self.assertEqual(p.returncode, 0, p.stdout[-3000:] + p.stderr[-3000:])
            wheels = glob.glob(os.path.join(tmp, "dist", "*.whl"))
            self.assertEqual(len(wheels), 1)
            names = zipfile.ZipFile(wheels[0]).namelist()
            self.assertIn("reparations/__init__.py", names)
            self.assertTrue(any(n.startswith("reparations/_reparations") and n.endswith(".so") for n in names))
            stray = [n for n in names if n.endswith((".h", ".pc")) or "libreparations" in n]
            self.assertEqual(stray, [], "C development files in the wheel")
            target = os.path.join(tmp, "site")
            p = subprocess.run([PY, "-m", "pip", "install", "--no-index", "--no-deps", "--target", target, wheels[0]],
                               env=env, capture_output=True, text=True)
            self.assertEqual(p.returncode, 0, p.stderr)
            case = os.path.join(SRC, "examples", "cases", "acquitted-kz.json")
            p = subprocess.run([PY, "-c", f"import reparations; print(reparations.estimate({case!r}, 'kz-cpc').total)"],
                               env=dict(env, PYTHONPATH=target), capture_output=True, text=True, cwd=tmp)
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertEqual(p.stdout.strip(), "12604838.71")


if __name__ == "__main__":
    unittest.main(verbosity=2)
