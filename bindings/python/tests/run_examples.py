"""Run examples/python/*.py and check each writes a PNG (skipped, exit 77, without matplotlib).

Registered with meson as `python-examples`; meson's Python may lack matplotlib (a pyenv
Python cannot import Debian's python3-matplotlib), in which case the test is skipped."""
import glob
import os
import subprocess
import sys
import tempfile

try:
    import matplotlib  # noqa: F401
except ImportError:
    print("matplotlib is not importable by this Python: skipped")
    sys.exit(77)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.environ.get("REPARATIONS_SOURCE_ROOT") or os.path.normpath(os.path.join(HERE, "..", "..", ".."))
failed = 0
with tempfile.TemporaryDirectory() as tmp:
    for script in sorted(glob.glob(os.path.join(ROOT, "examples", "python", "*.py"))):
        out = os.path.join(tmp, os.path.basename(script)[:-3] + ".png")
        p = subprocess.run([sys.executable, script, "-o", out], capture_output=True, text=True,
                           env={**os.environ, "MPLBACKEND": "Agg", "MPLCONFIGDIR": tmp})
        ok = p.returncode == 0 and os.path.exists(out) and os.path.getsize(out) > 10000
        with open(out, "rb") if os.path.exists(out) else open(os.devnull, "rb") as f:
            ok = ok and f.read(8) == b"\x89PNG\r\n\x1a\n"
        print(f"{'ok' if ok else 'FAILED'}: {os.path.basename(script)} -> {out} {p.stdout.strip()}")
        if not ok:
            print(p.stderr, file=sys.stderr)
            failed += 1
sys.exit(1 if failed else 0)
