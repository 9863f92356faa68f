"""Documentation that cannot rot. Every snippet of the guides runs here and
what the page shows must be what the program prints:

- README.md: each block under `<!-- readme-output: ARGS -->` is the CLI's output for ARGS,
  and every flag any command's --help lists appears in the README and in the man page;
- docs/guide-c.md: every ```c block compiles (warnings as errors) against the build tree;
  a block followed by `<!-- run: ARGS -->` is run with ARGS from the source root and its output
  compared with the ```text block after the marker;
- docs/guide-cli.md: ```console blocks are transcripts: each `$ reparations ...` line is run
  (from the source root, stderr with stdout) and the lines after it, up to the next `$`, are its
  output; a line `...` stands for any number of lines;
- docs/guide-python.md: the ```python blocks run in order in one namespace, under the built
  binding; their asserts state the figures the text quotes.
Set DOCS_SHOW=1 to print what the programs print (to update a page after a deliberate change)."""
import os
import re
import shlex
import subprocess
import sys
import tempfile
import unittest

BIN = os.environ.get("REPARATIONS_BIN", "reparations")
ROOT = os.environ.get("SOURCE_ROOT") or os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.environ.get("BUILD_ROOT", os.path.join(ROOT, "build"))
PYPATH = os.environ.get("PYTHON_BINDING_PATH", "")
SHOW = os.environ.get("DOCS_SHOW") == "1"
SAN = ["-fsanitize=" + os.environ["SANITIZE"]] if os.environ.get("SANITIZE") else []


def read(rel):
    with open(os.path.join(ROOT, rel), encoding="utf-8") as f:
        return f.read()


def fences(text):
    """(info, body, text before the block, text after it) for each fenced block."""
    out = []
    for m in re.finditer(r"^```([^\n]*)\n(.*?)^```\s*$", text, re.M | re.S):
        out.append((m.group(1).strip(), m.group(2), text[:m.start()], text[m.end():]))
    return out


# the pages show the English text at the default width: the language (LC_ALL, LC_MESSAGES,
# LANG) and the width (COLUMNS) of whoever runs the suite must not change what is compared
CLI_ENV = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE", "COLUMNS")}


def cli(args, merge=False):
    p = subprocess.run([BIN, *args], cwd=ROOT, env=CLI_ENV, capture_output=True, text=True)
    return p.returncode, p.stdout + (p.stderr if merge else ""), p.stderr


def match_lines(want, got):
    """want may hold '...' lines matching any run of lines."""
    w, g = want.rstrip("\n").split("\n"), got.rstrip("\n").split("\n")

    def rec(i, j):
        if i == len(w):
            return j == len(g)
        if w[i] == "...":
            return any(rec(i + 1, k) for k in range(j, len(g) + 1))
        return j < len(g) and w[i].rstrip() == g[j].rstrip() and rec(i + 1, j + 1)
    return rec(0, 0)


class Readme(unittest.TestCase):
    def test_output_blocks(self):
        text = read("README.md")
        blocks = re.findall(r"<!-- readme-output: (.*?) -->\n```text\n(.*?)```", text, re.S)
        self.assertGreaterEqual(len(blocks), 1)
        for args, want in blocks:
            rc, out, err = cli(shlex.split(args))
            self.assertEqual(rc, 0, err)
            if SHOW:
                print(out)
            self.assertEqual(out, want, f"README block for `reparations {args}` differs from the CLI's output")

    def test_every_flag_is_documented(self):
        readme, man = read("README.md"), read("docs/man/reparations.1").replace("\\-", "-")
        flags = set()
        for cmd in ["estimate", "compare", "schemes", "refdata", "validate", "batch", "sweep"]:
            rc, out, err = cli([cmd, "--help"])
            self.assertEqual(rc, 0)
            flags |= set(re.findall(r"(?<![\w-])(--[a-z][a-z-]+|-o)\b", out))
        self.assertIn("--fx-file", flags)
        self.assertIn("--export", flags)
        for f in sorted(flags):
            self.assertIn(f, readme, f"README.md does not mention {f}")
            self.assertIn(f, man, f"the man page does not mention {f}")


class GuideC(unittest.TestCase):
    def test_c_blocks(self):
        text = read("docs/guide-c.md")
        blocks = [b for b in fences(text) if b[0] == "c"]
        self.assertGreaterEqual(len(blocks), 4)
        lib = os.path.join(BUILD, "lib")
        with tempfile.TemporaryDirectory() as tmp:
            for i, (info, body, before, after) in enumerate(blocks):
                src = os.path.join(tmp, f"snippet{i}.c")
                with open(src, "w", encoding="utf-8") as f:
                    f.write(body)
                exe = os.path.join(tmp, f"snippet{i}")
                p = subprocess.run(["cc", *SAN, "-std=c11", "-D_POSIX_C_SOURCE=200809L", "-Wall", "-Wextra", "-Werror",
                                    "-o", exe, src, "-I", os.path.join(ROOT, "include"), "-L", lib,
                                    "-Wl,-rpath," + lib, "-lreparations", "-lmpfr", "-lgmp", "-pthread"],
                                   capture_output=True, text=True)
                self.assertEqual(p.returncode, 0, f"guide-c.md block {i}:\n{p.stderr}")
                m = re.match(r"\s*<!-- run:([^\n]*?) ?-->\s*\n```text\n(.*?)```", after, re.S)
                if not m:
                    continue
                r = subprocess.run([exe, *shlex.split(m.group(1))], cwd=ROOT, capture_output=True, text=True)
                if SHOW:
                    print(f"--- block {i}\n{r.stdout}{r.stderr}")
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertEqual(r.stdout, m.group(2), f"guide-c.md block {i}: output differs")


class GuideCli(unittest.TestCase):
    def test_transcripts(self):
        text = read("docs/guide-cli.md")
        blocks = [b for b in fences(text) if b[0] == "console"]
        self.assertGreaterEqual(len(blocks), 5)
        n = 0
        for info, body, before, after in blocks:
            parts = re.split(r"^\$ ", body, flags=re.M)
            self.assertEqual(parts[0], "", "a console block starts with a $ command")
            for part in parts[1:]:
                cmd, _, want = part.partition("\n")
                args = shlex.split(cmd)
                want_rc = 0
                m = re.search(r"\n?\[exit (\d+)\]\n?$", want)
                if m:
                    want_rc, want = int(m.group(1)), want[:m.start()] + "\n"
                self.assertEqual(args[0], "reparations", cmd)
                rc, out, err = cli(args[1:], merge=True)
                if SHOW:
                    print(f"$ {cmd}\n{out}")
                self.assertEqual(rc, want_rc, f"$ {cmd}\n{out}")
                self.assertTrue(match_lines(want, out), f"$ {cmd}: output differs:\n{out}")
                n += 1
        self.assertGreaterEqual(n, 10)

    def test_case_blocks_validate(self):
        blocks = [b for b in fences(read("docs/guide-cli.md")) if b[0] == "json"]
        self.assertTrue(blocks)
        with tempfile.TemporaryDirectory() as tmp:
            for i, (info, body, before, after) in enumerate(blocks):
                path = os.path.join(tmp, f"case{i}.json")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(body)
                rc, out, err = cli(["validate", path])
                self.assertEqual(rc, 0, err)


@unittest.skipUnless(PYPATH, "the Python binding is not part of this build")
class GuidePython(unittest.TestCase):
    def test_python_blocks(self):
        text = read("docs/guide-python.md")
        code = "\n".join(b[1] for b in fences(text) if b[0] == "python")
        self.assertIn("import reparations", code)
        env = dict(os.environ, PYTHONPATH=PYPATH, PYTHONDONTWRITEBYTECODE="1", MPLBACKEND="Agg")
        # the guide needs pandas and matplotlib (tools/deps.sh installs Debian's); when the
        # interpreter the binding was built for lacks them (a pyenv Python), Debian's python3 of
        # the same ABI runs the guide instead. Neither having them is a failure, not a skip.
        python = sys.executable
        probe = "import reparations, pandas, matplotlib"
        for candidate in [sys.executable, "/usr/bin/python3"]:
            if os.path.exists(candidate) and subprocess.run([candidate, "-c", probe], env=env, cwd=ROOT,
                                                            capture_output=True).returncode == 0:
                python = candidate
                break
        with tempfile.TemporaryDirectory() as tmp:
            script = os.path.join(tmp, "guide.py")
            with open(script, "w", encoding="utf-8") as f:
                f.write(code)
            p = subprocess.run([python, script], cwd=ROOT, env=env, capture_output=True, text=True)
        if SHOW:
            print(p.stdout)
        self.assertEqual(p.returncode, 0, p.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
