"""Every source the built-in data and schemes cite resolves for a reader.

Checks the string literals of lib/schemes/*.c and the metadata and rows of
data/*.csv: none may cite an internal note ("research S11", "(S8)", "note 3",
a research file) instead of the source itself, and every web address they
name must be listed in docs/sources.md, so a new source cannot be added
without documenting it there."""
import glob
import os
import re
import subprocess
import sys
import tempfile
import unittest

ROOT = os.environ.get("REPARATIONS_SOURCE_ROOT") or os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

INTERNAL = re.compile(
    r"research\s*(?:S\d|R\d|§|:)"  # "research S11", "research §3.1", "research: ..."
    r"|\bresearch/"  # a path into the research notes
    r"|\((?:S|R)\d{1,2}(?:[,;)]| and)"  # "(S8)", "(S1, S2)", "(R9)"
    r"|[;,] (?:S|R)\d{1,2}\)"  # "...; S14)"
    r"|\bnote \d+\b"
    r"|kazakhstan-law\.md|international-comparative\.md|figures-audit"
    r"|project brief",
    re.IGNORECASE,
)
TLD = r"(?:kz|nl|de|uk|com|org|gov|net|media|info|uz|jp|nz|ca|eu|int|ru|news|be|fr|io|law|tv|us|edu|ge|az|tr|lv|si|it)"
DOMAIN = re.compile(r"\b((?:[a-z0-9-]+\.)+" + TLD + r")\b", re.IGNORECASE)


def c_literals(path):
    """The string literals of a C file, adjacent pieces joined, comments left out."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    text = re.sub(r'"\s*(?:\\\s*)?\n\s*"', "", text)
    return re.findall(r'"((?:[^"\\]|\\.)*)"', text)


def csv_texts(path):
    """The metadata values and data rows of a series file (free comments left out)."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            m = re.match(r"#\s*(id|name|unit|until|description)\s*:\s?(.*)", line)
            if m:
                out.append(m.group(2))
            elif line and not line.startswith("#"):
                out.append(line)
    return out


def cited_texts():
    for path in sorted(glob.glob(os.path.join(ROOT, "lib", "schemes", "*.c"))):
        for s in c_literals(path):
            yield os.path.relpath(path, ROOT), s
    for path in sorted(glob.glob(os.path.join(ROOT, "data", "*.csv"))):
        for s in csv_texts(path):
            yield os.path.relpath(path, ROOT), s


class Sources(unittest.TestCase):
    def test_texts_found(self):
        texts = list(cited_texts())
        # the scheme files and the series files are all read
        self.assertGreater(len({p for p, _ in texts if p.endswith(".c")}), 10)
        self.assertGreater(len({p for p, _ in texts if p.endswith(".csv")}), 15)

    def test_no_internal_notes(self):
        bad = [f"{p}: {s[:120]}" for p, s in cited_texts() if INTERNAL.search(s)]
        self.assertEqual(bad, [], "cite the source itself (title, issuer, date, URL), not an internal note")

    def test_every_address_is_listed(self):
        with open(os.path.join(ROOT, "docs", "sources.md"), encoding="utf-8") as f:
            listed = f.read().lower()
        missing = sorted({f"{d.lower()} ({p})" for p, s in cited_texts() for d in DOMAIN.findall(s)
                          if d.lower().removeprefix("www.") not in listed})
        self.assertEqual(missing, [], "add these sources to docs/sources.md")

    def test_the_checks_can_fail(self):
        # the patterns catch what they are for, and leave real citations alone
        for s in ["yk.kz budget-law news (S11)", "research S10", "(research: kazakhstan-law.md §6.1)",
                  "bestprofi.com; S14)", "comparable awards (research R9)", "see note 3"]:
            self.assertTrue(INTERNAL.search(s), s)
        for s in ["StrEG §7(2) as amended 30 Sep 2020, BGBl. I S. 2049", "CJA 1988 s.133A(5)(b)",
                  "Sv art. 533(1); LOVS guideline", "art. 146 parts 1-3 (30 MCI)"]:
            self.assertFalse(INTERNAL.search(s), s)
        self.assertEqual(DOMAIN.findall("see kz.kursiv.media/2023 and www.ecb.europa.eu"),
                         ["kz.kursiv.media", "www.ecb.europa.eu"])

    def test_generator_refuses_internal_notes(self):
        # the build stops on a built-in series that cites a note number instead of its source
        gen = os.path.join(ROOT, "tools", "gen_refdata.py")
        with tempfile.TemporaryDirectory() as d:
            bad = os.path.join(d, "bad.csv")
            with open(bad, "w", encoding="utf-8") as f:
                f.write("# id: KZ.X\n# name: x\n# unit: KZT\n# until: 2020-12-31\n"
                        "from,value,confidence,source\n2020-01-01,1,verified,\"yk.kz budget-law news (S11)\"\n")
            p = subprocess.run([sys.executable, gen, "-o", os.path.join(d, "out.c"), bad],
                               capture_output=True, text=True)
            self.assertEqual(p.returncode, 1)
            self.assertIn("bad.csv:6: the source cites an internal note", p.stderr)
            good = os.path.join(d, "good.csv")
            with open(good, "w", encoding="utf-8") as f:
                f.write("# id: KZ.X\n# name: x\n# unit: KZT\n# until: 2020-12-31\n"
                        "from,value,confidence,source\n2020-01-01,1,verified,\"yk.kz (06.01.2010)\"\n")
            p = subprocess.run([sys.executable, gen, "-o", os.path.join(d, "out.c"), good],
                               capture_output=True, text=True)
            self.assertEqual(p.returncode, 0, p.stderr)


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
