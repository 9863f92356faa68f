"""The printable statement: the bundled Kazakh case in en, ru and kk as
HTML (every total and every basis present, well-formed, self-contained),
a headless-Chromium screenshot of it, and the PDF (--format pdf) whose text
(pdftotext) holds the totals. Chromium (Debian chromium) and pdftotext
(poppler-utils) are installed by tools/deps.sh and .ci/run: when they are
missing or Chromium cannot start, this test fails; it never skips."""
import html
import json
import os
import re
import shutil
import struct
import subprocess
import tempfile
import unittest
import xml.dom.minidom

BIN = os.environ.get("REPARATIONS_BIN", "build/tools/reparations")
ROOT = os.environ.get("SOURCE_ROOT", os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CASE = os.path.join(ROOT, "examples/cases/kz-activist.json")
FX = os.path.join(ROOT, "examples/cases/kz-activist.fx")
NBSP = "\u00a0"


def run(*args, check=True):
    env = dict(os.environ, LANG="C.UTF-8")
    r = subprocess.run([BIN, *args], capture_output=True, env=env)
    if check and r.returncode != 0:
        raise AssertionError(f"{args}: exit {r.returncode}: {r.stderr.decode(errors='replace')}")
    return r


def human(amount, lang):
    """The library's human number format (see lib/i18n.c)."""
    neg = amount.startswith("-")
    a = amount.lstrip("-")
    whole, _, frac = a.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    sep, dot = (",", ".") if lang == "en" else (NBSP, ",")
    return ("-" if neg else "") + sep.join(groups) + (dot + frac if frac else "")


def golden_total(scheme):
    """A scheme's total for the bundled case, from the golden file (a change of law updates one place)."""
    with open(os.path.join(ROOT, "tests/cases/kz-activist.expected.json"), encoding="utf-8") as f:
        d = json.load(f)
    return [e for e in d["estimates"] if e["scheme"] == scheme][0]["total"]


def _grouped_unused(amount, sep=",", dot="."):
    whole, _, frac = amount.partition(".")
    out = ""
    while len(whole) > 3:
        out = sep + whole[-3:] + out
        whole = whole[:-3]
    return whole + out + (dot + frac if frac else "")


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        p = shutil.which(name)
        if p:
            return p
    raise AssertionError("Chromium is not installed: apt-get install chromium (tools/deps.sh installs it)")


COMPARE = ["compare", CASE, "--all", "--report-currency", "EUR", "--fx-file", FX]


class Statement(unittest.TestCase):
    def check_html(self, text, lang, data):
        # well-formed: the statement is also valid XML (XHTML syntax)
        xml.dom.minidom.parseString(re.sub(r"^<!DOCTYPE html>", "", text).encode("utf-8"))
        self.assertIn(f'<html lang="{lang}">', text)
        # self-contained: no external asset, font or script
        self.assertNotRegex(text, r"<script|<link|<img|@import|url\((?!#)|src=")
        self.assertIn("<svg", text)
        self.assertIn("@page{size:A4", text)
        self.assertIn("counter(page)", text)
        plain = html.unescape(text)
        for row in data["comparison"]:
            self.assertIn(human(row["total"], lang), plain, row["scheme"])
            if row.get("report_total"):
                self.assertIn(human(row["report_total"], lang), plain, row["scheme"])
            if not row["eligible"] and row.get("total_if_eligible"):
                self.assertIn(human(row["total_if_eligible"], lang), plain, row["scheme"])
        for e in data["estimates"]:
            for l in e["lines"]:
                self.assertIn(human(l["amount"], lang), plain, (e["scheme"], l["label"]))
                if l["basis"]:
                    self.assertIn(l["basis"], plain, (e["scheme"], l["label"]))
                self.assertIn(l["formula"], plain)
            for f in e["findings"]:
                self.assertIn(f["text"], plain)
                if f["basis"]:
                    self.assertIn(f["basis"], plain)
            for p in e["refdata"]:
                self.assertIn(p["source"], plain)
        # the headline states the gap
        head = re.search(r'<p class="headline">(.*?)</p>', text, re.S).group(1)
        head = html.unescape(re.sub(r"<[^>]+>", "", head))
        return head, plain

    def test_html_in_three_languages(self):
        heads = {}
        for lang in ("en", "ru", "kk"):
            text = run(*COMPARE, "--format", "html", "--lang", lang).stdout.decode("utf-8")
            data = json.loads(run(*COMPARE, "--format", "json", "--lang", lang).stdout)
            heads[lang], plain = self.check_html(text, lang, data)
            self.assertIn("reparations 0.1.0", plain)
            self.assertIn("2026-03-01", plain)
        # domestic law: 0 (barred: amnesty); the reform and the international totals from the golden file
        data = json.loads(run(*COMPARE, "--format", "json").stdout)
        reform, intl = [[r["total"] for r in data["comparison"] if r["scheme"] == s][0] for s in ("kz-reform", "intl-un")]
        self.assertEqual(reform, golden_total("kz-reform"))
        self.assertIn("domestic law: 0.00 KZT (barred: amnesty) [kz-cpc]", heads["en"])
        self.assertIn(f"reform scenario: {human(reform, 'en')} KZT [kz-reform]", heads["en"])
        self.assertIn(f"international standard: {human(intl, 'en')} KZT [intl-un]", heads["en"])
        self.assertIn(f"внутреннее право: 0,00{NBSP}₸ (препятствие: амнистия)", heads["ru"])
        self.assertIn(f"сценарий реформы: {human(reform, 'ru')}{NBSP}₸", heads["ru"])
        self.assertIn(f"халықаралық стандарт: {human(intl, 'kk')}{NBSP}₸", heads["kk"])

    def test_estimate_html_and_barred_bars(self):
        text = run("estimate", CASE, "--scheme", "kz-cpc", "--scheme", "kz-reform", "--scheme", "intl-un", "--format",
                   "html", "--lang", "kk", "--fx-file", FX).stdout.decode("utf-8")
        data = json.loads(run("estimate", CASE, "--scheme", "kz-cpc", "--scheme", "kz-reform", "--scheme", "intl-un",
                              "--format", "json", "--lang", "kk", "--fx-file", FX).stdout)
        data["comparison"] = [{"scheme": e["scheme"], "total": e["total"], "eligible": e["eligible"],
                               "total_if_eligible": e.get("total_if_eligible")} for e in data["estimates"]]
        self.check_html(text, "kk", data)
        # the barred route is drawn hatched at what it would pay
        self.assertEqual(text.count('class="would-be"'), 1)
        self.assertEqual(text.count('class="total"'), 2)

    def test_screenshot_and_pdf(self):
        chrome = chromium()
        self.assertTrue(shutil.which("pdftotext"), "pdftotext is not installed: apt-get install poppler-utils")
        with tempfile.TemporaryDirectory() as d:
            for lang in ("en", "ru", "kk"):
                page = os.path.join(d, f"statement-{lang}.html")
                run(*COMPARE, "--format", "html", "--lang", lang, "-o", page)
                shot = os.path.join(d, f"shot-{lang}.png")
                args = [chrome, "--headless", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                        f"--user-data-dir={d}/profile-{lang}", f"--screenshot={shot}", "--window-size=1000,1400",
                        "file://" + page]
                if os.geteuid() == 0:
                    args.insert(2, "--no-sandbox")
                r = subprocess.run(args, capture_output=True, timeout=180)
                self.assertTrue(os.path.exists(shot), f"Chromium could not start: {r.stderr[-800:]!r}")
                with open(shot, "rb") as f:
                    head = f.read(24)
                self.assertEqual(head[:8], b"\x89PNG\r\n\x1a\n")
                w, h = struct.unpack(">II", head[16:24])
                self.assertEqual((w, h), (1000, 1400))
                self.assertGreater(os.path.getsize(shot), 20000, "a blank page")

                pdf = os.path.join(d, f"statement-{lang}.pdf")
                run(*COMPARE, "--format", "pdf", "--lang", lang, "-o", pdf)
                with open(pdf, "rb") as f:
                    self.assertEqual(f.read(5), b"%PDF-")
                txt = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, check=True).stdout.decode()
                flat = " ".join(txt.replace(NBSP, " ").split())
                data = json.loads(run(*COMPARE, "--format", "json", "--lang", lang).stdout)
                for row in data["comparison"]:
                    self.assertIn(human(row["total"], lang).replace(NBSP, " "), flat, (lang, row["scheme"]))
                self.assertIn(human(golden_total("kz-reform"), lang).replace(NBSP, " "), flat)
                pages = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
                self.assertRegex(pages, r"Page size:.*\(A4\)")
                self.assertRegex(txt, r"\b1\s*/\s*\d+")  # page numbers: "1 / 31"

    def test_pdf_without_chromium_names_the_package(self):
        env = dict(os.environ, LANG="C.UTF-8", PATH="/nonexistent")
        env.pop("REPARATIONS_CHROMIUM", None)
        r = subprocess.run([os.path.abspath(BIN), *COMPARE, "--format", "pdf"], capture_output=True, text=True, env=env)
        self.assertEqual(r.returncode, 1)
        self.assertIn('Debian package "chromium"', r.stderr)
        self.assertEqual(r.stdout, "")


if __name__ == "__main__":
    unittest.main(verbosity=2)
