#!/usr/bin/env python3
"""Rewrite the README's <!-- readme-output: ARGS --> blocks with what `reparations ARGS` prints now.

After a deliberate change of output (a figure of law, a column): run it, read the diff, commit.
tests/test_docs.py fails while a block and the CLI disagree.
Usage: tools/update_readme_output.py [--bin build/tools/reparations]"""
import argparse
import os
import re
import shlex
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ap = argparse.ArgumentParser()
ap.add_argument("--bin", default=os.path.join(ROOT, "build", "tools", "reparations"))
binary = os.path.abspath(ap.parse_args().bin)
path = os.path.join(ROOT, "README.md")
text = open(path, encoding="utf-8").read()


def run(m):
    # English at the default width, whatever the caller's locale and terminal (as tests/test_docs.py runs it)
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE", "COLUMNS")}
    out = subprocess.run([binary, *shlex.split(m.group(1))], cwd=ROOT, env=env, capture_output=True, text=True,
                         check=True)
    return f"<!-- readme-output: {m.group(1)} -->\n```text\n{out.stdout}```"


new = re.sub(r"<!-- readme-output: (.*?) -->\n```text\n(.*?)```", run, text, flags=re.S)
if new != text:
    open(path, "w", encoding="utf-8").write(new)
    print("README.md updated")
