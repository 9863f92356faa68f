"""An installed tree, as a user gets it from `meson install` (into a temporary
DESTDIR): the headers a C program includes, the shared library exporting
exactly the public API (every REP_API function declared in the installed
headers, and nothing else: no rep_fault_*, no internal helper), a
reparations.pc that builds and runs a program (examples/c/estimate_case.c)
outside the source tree, and, when the binding is built, a Python package
installed where the interpreter it was built for looks, importable there."""
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

BUILD = os.environ["BUILD_ROOT"]
SRC = os.environ["SOURCE_ROOT"]
PYTHON = os.environ.get("PYTHON_FOR_BINDING", "")
PY_DIR = os.environ.get("PY_INSTALL_DIR", "")
# programs linked with a sanitized library need the sanitizer too (the ASan stage of tools/test.sh)
SAN = ["-fsanitize=" + os.environ["SANITIZE"]] if os.environ.get("SANITIZE") else []


def find(root, pattern):
    hits = glob.glob(os.path.join(root, "**", pattern), recursive=True)
    return sorted(hits)


class Installed(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="rep-install-")
        p = subprocess.run(["meson", "install", "-C", BUILD, "--no-rebuild", "--quiet", "--destdir", cls.tmp],
                           capture_output=True, text=True)
        assert p.returncode == 0, p.stdout + p.stderr
        opts = json.loads(subprocess.run(["meson", "introspect", BUILD, "--buildoptions"], capture_output=True,
                                         text=True, check=True).stdout)
        cls.prefix = next(o["value"] for o in opts if o["name"] == "prefix")
        cls.root = cls.tmp + cls.prefix

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def headers(self):
        inc = os.path.join(self.root, "include")
        return [os.path.join(inc, "reparations.h")] + find(os.path.join(inc, "reparations"), "*.h")

    def test_headers(self):
        hs = self.headers()
        names = sorted(os.path.basename(h) for h in hs)
        self.assertIn("case.h", names)
        self.assertIn("format.h", names)
        self.assertNotIn("fault.h", names)  # test-suite only
        # every installed header compiles on its own
        for h in hs:
            p = subprocess.run(["cc", "-std=c11", "-fsyntax-only", "-I", os.path.join(self.root, "include"),
                                "-x", "c", "-"], input=f'#include "{h}"\n', capture_output=True, text=True)
            self.assertEqual(p.returncode, 0, f"{h}: {p.stderr}")

    def test_exports_are_the_public_api(self):
        declared = set()
        for h in self.headers():
            with open(h, encoding="utf-8") as f:
                text = re.sub(r"/\*.*?\*/", "", f.read(), flags=re.S)
            declared |= set(re.findall(r"\bREP_API\b[^;{]*?\b(rep_\w+)\s*\(", text))
        self.assertGreater(len(declared), 100)
        libs = find(self.root, "libreparations.so.*")
        self.assertTrue(libs, "shared library installed")
        nm = subprocess.run(["nm", "-D", "--defined-only", libs[0]], capture_output=True, text=True, check=True).stdout
        exported = {l.split()[2] for l in nm.splitlines() if len(l.split()) == 3 and l.split()[1] in "TDBRVW"}
        exported = {s for s in exported if not s.startswith(("_", "__"))}
        self.assertEqual(sorted(exported - declared), [], "exported but not declared REP_API in an installed header")
        self.assertEqual(sorted(declared - exported), [], "declared REP_API but not exported")

    def test_pkg_config_builds_a_program(self):
        pcs = find(self.root, "reparations.pc")
        self.assertTrue(pcs)
        # the DESTDIR is a sysroot for pkg-config: -I and -L point into it (docs/guide-c.md)
        env = dict(os.environ, PKG_CONFIG_PATH=os.path.dirname(pcs[0]), PKG_CONFIG_SYSROOT_DIR=self.tmp)
        flags = subprocess.run(["pkg-config", "--cflags", "--libs", "reparations"], env=env,
                               capture_output=True, text=True, check=True).stdout.split()
        self.assertTrue(any(f.startswith("-I" + self.root) for f in flags), flags)
        exe = os.path.join(self.tmp, "estimate_case")
        subprocess.run(["cc", *SAN, "-std=c11", "-o", exe, os.path.join(SRC, "examples", "c", "estimate_case.c"), *flags],
                       check=True, capture_output=True, text=True)
        libdir = os.path.dirname(find(self.root, "libreparations.so.*")[0])
        p = subprocess.run([exe, os.path.join(SRC, "examples", "cases", "acquitted-kz.json"), "kz-cpc"],
                           env=dict(os.environ, LD_LIBRARY_PATH=libdir), capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("total: 12604838.71 KZT", p.stdout)

    def guide_c(self):
        with open(os.path.join(SRC, "docs", "guide-c.md"), encoding="utf-8") as f:
            text = f.read()
        blocks = re.findall(r"^```(\w*)\n(.*?)^```", text, re.M | re.S)
        files = {}
        for info, body in blocks:
            m = re.match(r"/\* file: (\S+) \*/", body)
            if info == "c" and m:
                files[m.group(1)] = body
        return blocks, files

    def test_guide_c_shell_blocks(self):
        # the guide's commands, run as written against this installed tree
        blocks, files = self.guide_c()
        sh = [b for i, b in blocks if i == "sh"]
        self.assertTrue(sh)
        work = os.path.join(self.tmp, "guide")
        os.makedirs(work)
        os.symlink(os.path.join(SRC, "examples"), os.path.join(work, "examples"))
        for name, body in files.items():
            with open(os.path.join(work, name), "w", encoding="utf-8") as f:
                f.write(body)
        pcs = find(self.root, "reparations.pc")
        env = dict(os.environ, PKG_CONFIG_PATH=os.path.dirname(pcs[0]), PKG_CONFIG_SYSROOT_DIR=self.tmp)
        env.pop("LD_LIBRARY_PATH", None)
        if SAN:  # the guide says `cc`: give it the sanitizer through a wrapper first on PATH
            wrap = os.path.join(self.tmp, "san-bin")
            os.makedirs(wrap)
            with open(os.path.join(wrap, "cc"), "w") as f:
                f.write(f"#!/bin/sh\nexec /usr/bin/cc {' '.join(SAN)} \"$@\"\n")
            os.chmod(os.path.join(wrap, "cc"), 0o755)
            env["PATH"] = wrap + os.pathsep + env["PATH"]
        for body in sh:
            p = subprocess.run(["bash", "-euo", "pipefail", "-c", body], cwd=work, env=env, capture_output=True, text=True)
            self.assertEqual(p.returncode, 0, body + p.stdout + p.stderr)
        self.assertIn("12604838.71 KZT", p.stdout)

    def test_meson_subproject(self):
        # the guide's meson.build and wrap file, with this tree as subprojects/reparations
        with open(os.path.join(SRC, "docs", "guide-c.md"), encoding="utf-8") as f:
            text = f.read()
        blocks, files = self.guide_c()
        meson_build = next(b for i, b in blocks if i == "meson")
        wrap = next(b for i, b in blocks if i == "ini")
        proj = os.path.join(self.tmp, "app")
        os.makedirs(os.path.join(proj, "subprojects"))
        os.symlink(SRC, os.path.join(proj, "subprojects", "reparations"))
        for name, body in [("meson.build", meson_build), ("estimate.c", files["estimate.c"]),
                           (os.path.join("subprojects", "reparations.wrap"), wrap)]:
            with open(os.path.join(proj, name), "w", encoding="utf-8") as f:
                f.write(body)
        b = os.path.join(proj, "build")
        env = dict(os.environ, PKG_CONFIG_PATH="")  # no installed reparations.pc: the fallback builds
        p = subprocess.run(["meson", "setup", b, proj], env=env, capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        p = subprocess.run(["ninja", "-C", b, "-j2", "estimate"], capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stdout[-3000:] + p.stderr)
        p = subprocess.run([os.path.join(b, "estimate"), os.path.join(SRC, "examples", "cases", "acquitted-kz.json"),
                            "kz-cpc"], capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("12604838.71 KZT", p.stdout)

    def test_man_page(self):
        self.assertTrue(find(self.root, "reparations.1*"), "reparations(1) installed")

    @unittest.skipUnless(PY_DIR, "the Python binding is not part of this build (-Dpython=disabled)")
    def test_python_package_where_the_interpreter_looks(self):
        # the install dir is one the interpreter searches (or under its prefix's site dirs)
        p = subprocess.run([PYTHON, "-c", "import json, site, sys; print(json.dumps(sys.path + site.getsitepackages()))"],
                           capture_output=True, text=True, check=True)
        self.assertIn(os.path.normpath(PY_DIR), [os.path.normpath(x) for x in json.loads(p.stdout)],
                      f"{PY_DIR} is not searched by {PYTHON}")
        pkg = os.path.join(self.tmp + PY_DIR, "reparations")
        self.assertTrue(os.path.isfile(os.path.join(pkg, "__init__.py")), pkg)
        env = dict(os.environ, PYTHONPATH=self.tmp + PY_DIR, PYTHONDONTWRITEBYTECODE="1")
        case = os.path.join(SRC, "examples", "cases", "acquitted-kz.json")
        p = subprocess.run([PYTHON, "-c", "import reparations, sys; print(reparations.__file__); "
                            f"print(reparations.estimate({case!r}, 'kz-cpc').total)"],
                           env=env, capture_output=True, text=True, cwd=self.tmp)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertTrue(p.stdout.startswith(pkg), p.stdout)
        self.assertIn("12604838.71", p.stdout)


if __name__ == "__main__":
    unittest.main(verbosity=2)
