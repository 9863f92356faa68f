"""Languages: every text the library prints for the test and example cases,
under every scheme, has a Russian and a Kazakh translation; no translation
drops a placeholder; only human text changes with the language.

Run by meson (REPARATIONS_BIN, SOURCE_ROOT); needs msgfmt and msgcmp
(Debian gettext, installed by tools/deps.sh and .ci/run)."""
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

BIN = os.environ.get("REPARATIONS_BIN", "build/tools/reparations")
ROOT = os.environ.get("SOURCE_ROOT", os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FX = os.path.join(ROOT, "examples/cases/kz-activist.fx")
ACTIVIST = os.path.join(ROOT, "examples/cases/kz-activist.json")
NBSP = "\u00a0"


def golden_total(scheme):
    """A scheme's total for the bundled case, from the golden file (a change of law updates one place)."""
    with open(os.path.join(ROOT, "tests/cases/kz-activist.expected.json"), encoding="utf-8") as f:
        d = json.load(f)
    return [e for e in d["estimates"] if e["scheme"] == scheme][0]["total"]


def grouped(amount, sep=",", dot="."):
    whole, _, frac = amount.partition(".")
    out = ""
    while len(whole) > 3:
        out = sep + whole[-3:] + out
        whole = whole[:-3]
    return whole + out + (dot + frac if frac else "")


def run(*args, env=None, check=True):
    e = dict(os.environ)
    e.pop("LC_ALL", None)
    e.pop("LC_MESSAGES", None)
    e["LANG"] = "C.UTF-8"
    e.update(env or {})
    r = subprocess.run([BIN, *args], capture_output=True, text=True, env=e)
    if check and r.returncode != 0:
        raise AssertionError(f"{args}: exit {r.returncode}: {r.stderr}")
    return r


def cases():
    out = sorted(glob.glob(os.path.join(ROOT, "tests/cases/*.json")) + glob.glob(os.path.join(ROOT, "examples/cases/*.json")))
    return [c for c in out if not c.endswith(".expected.json")]


def all_schemes():
    return [s["id"] for s in json.loads(run("schemes", "--format", "json").stdout)["schemes"]]


class Catalogue(unittest.TestCase):
    def test_placeholders_checked_by_msgfmt(self):
        for lang in ("ru", "kk"):
            po = os.path.join(ROOT, "po", lang + ".po")
            r = subprocess.run(["msgfmt", "--check", "-o", os.devnull, po], capture_output=True, text=True)
            self.assertEqual(r.returncode, 0, r.stderr)

    def test_a_dropped_placeholder_fails_the_check(self):
        # the check above can fail: a translation without its %s is refused
        po = open(os.path.join(ROOT, "po", "ru.po"), encoding="utf-8").read()
        broken = po.replace('msgstr "ИТОГО %s"', 'msgstr "ИТОГО"', 1)
        self.assertNotEqual(po, broken)
        with tempfile.TemporaryDirectory() as d:
            p = os.path.join(d, "ru.po")
            open(p, "w", encoding="utf-8").write(broken)
            r = subprocess.run(["msgfmt", "--check", "-o", os.devnull, p], capture_output=True, text=True)
            self.assertNotEqual(r.returncode, 0)
            g = subprocess.run([sys.executable, os.path.join(ROOT, "tools/gen_i18n.py"), "-o", os.path.join(d, "c.c"), p],
                               capture_output=True, text=True)
            self.assertNotEqual(g.returncode, 0, "the generator must refuse it too")
            self.assertIn("placeholder", g.stderr)

    def test_every_message_of_the_template_is_translated(self):
        pot = os.path.join(ROOT, "po", "reparations.pot")
        for lang in ("ru", "kk"):
            po = os.path.join(ROOT, "po", lang + ".po")
            r = subprocess.run(["msgcmp", po, pot], capture_output=True, text=True)
            self.assertEqual(r.returncode, 0, r.stderr[-2000:])
            text = open(po, encoding="utf-8").read()
            self.assertNotIn("#, fuzzy\nmsgid \"", text.split("\n\n", 1)[1], f"{lang}: fuzzy entries")


class Coverage(unittest.TestCase):
    def test_every_case_under_every_scheme_in_ru_and_kk(self):
        schemes = ",".join(all_schemes())
        missing = {}
        n = 0
        for lang in ("ru", "kk"):
            for case in cases():
                for fmt_args in (["--report-currency", "EUR"], []):
                    r = run("compare", case, "--schemes", schemes, "--format", "json", "--lang", lang, "--fx-file", FX,
                            *fmt_args, check=False)
                    if not r.stdout:
                        continue
                    d = json.loads(r.stdout)
                    self.assertEqual(d["lang"], lang)
                    n += len(d["estimates"])
                    for m in d["untranslated"]:
                        missing.setdefault(lang, set()).add(m)
        self.assertGreater(n, 1000)
        self.assertEqual(missing, {}, "texts without a translation (run tools/i18n_extract.py BUILD and translate):\n" +
                         "\n".join(f"{k}: {v!r}" for k, vs in missing.items() for v in sorted(vs)[:40]))

    def test_eligibility_facts_versions_and_latest_points_are_translated(self):
        # shapes no bundled case reaches: facts that bar a route (no conviction, a first-trial
        # acquittal, no certificate, a pardon for clemency), days credited to another sentence
        # (with the user's note, shown as written but not marked), a rate version picked by a
        # date the case lacks, a series used past its last point
        acquitted = {"id": "t-acq", "currency": "USD", "as_of": "2030-03-01",
                     "proceedings": {"kind": "criminal", "outcome": "acquitted", "conviction": False,
                                     "acquitted_on_retrial": False, "certificate_of_innocence": False},
                     "detentions": [{"kind": "prison", "start": "2019-01-01", "end": "2023-12-31"},
                                    {"kind": "prison", "start": "2020-01-01", "end": "2020-03-31",
                                     "credited_elsewhere": True, "note": "served a sentence for theft"}],
                     "harms": []}
        pardoned = {"id": "t-pardon", "currency": "USD", "as_of": "2026-03-01",
                    "proceedings": {"kind": "criminal", "outcome": "pardon", "pardon_ground": "clemency",
                                    "conviction": {"date": "2018-01-01"}},
                    "detentions": [{"kind": "prison", "start": "2019-01-01", "end": "2023-12-31"}], "harms": []}
        expect = {"ru": ["обвинительного приговора не было", "удостоверение о невиновности не выдано",
                         "помилование даровано из милосердия", "зачтённых в срок другого законного наказания",
                         "served a sentence for theft", "вместо неё взята дата оценки as_of 2030-03-01",
                         "ряд KZ.MCI заканчивается 2026-12-31"],
                  "kk": ["айыптау үкімі болған жоқ", "кінәсіздік туралы куәлік берілмеген",
                         "кешірім рақымдылық негізінде жасалды", "басқа заңды жазаның мерзіміне есептелген",
                         "served a sentence for theft", "оның орнына бағалау күні as_of 2030-03-01",
                         "KZ.MCI қатары 2026-12-31 аяқталады"]}
        with tempfile.TemporaryDirectory() as d:
            paths = []
            for c in (acquitted, pardoned):
                paths.append(os.path.join(d, c["id"] + ".json"))
                with open(paths[-1], "w", encoding="utf-8") as f:
                    json.dump(c, f)
            for lang in ("ru", "kk"):
                text = ""
                for p in paths:
                    en = json.loads(run("compare", p, "--all", "--format", "json", "--fx-file", FX).stdout)
                    tr = json.loads(run("compare", p, "--all", "--format", "json", "--fx-file", FX, "--lang", lang).stdout)
                    self.assertEqual(tr["untranslated"], [], f"{lang} {p}")
                    for a, b in zip(en["estimates"], tr["estimates"]):
                        self.assertEqual((a["status"], a["total"]), (b["status"], b["total"]))
                        self.assertEqual([f["code"] for f in a["findings"]], [f["code"] for f in b["findings"]])
                    text += json.dumps(tr, ensure_ascii=False)
                for phrase in expect[lang]:
                    self.assertIn(phrase, text, lang)
                self.assertIn("barred_fact", text)

    def test_human_formats_have_no_untranslated_note(self):
        for lang in ("ru", "kk"):
            for fmt in ("table", "markdown", "html"):
                r = run("compare", ACTIVIST, "--all", "--report-currency", "EUR", "--fx-file", FX, "--format", fmt,
                        "--lang", lang)
                self.assertNotIn("†", r.stdout, f"{lang} {fmt}")
                # English words of the schemes do not survive (foreign statute names aside)
                self.assertNotIn("does not qualify", r.stdout)
                self.assertNotIn("Eligible", r.stdout)

    def test_json_keys_enums_ids_and_amounts_do_not_change(self):
        def skeleton(d, path=""):
            out = []
            if isinstance(d, dict):
                for k in sorted(d):
                    out += skeleton(d[k], path + "." + k)
            elif isinstance(d, list):
                for i, v in enumerate(d):
                    out += skeleton(v, f"{path}[{i}]")
            else:
                out.append(path)
            return out

        en = json.loads(run("compare", ACTIVIST, "--all", "--report-currency", "EUR", "--fx-file", FX, "--format", "json").stdout)
        for lang in ("ru", "kk"):
            tr = json.loads(run("compare", ACTIVIST, "--all", "--report-currency", "EUR", "--fx-file", FX, "--format",
                                "json", "--lang", lang).stdout)
            self.assertEqual(tr.pop("untranslated"), [])
            self.assertEqual(tr.pop("lang"), lang)
            self.assertEqual(skeleton(en), skeleton(tr))
            for a, b in zip(en["estimates"], tr["estimates"]):
                for k in ("scheme", "status", "currency", "eligible", "total", "totals", "days", "options", "as_of"):
                    self.assertEqual(a[k], b[k], k)
                self.assertEqual([f["code"] for f in a["findings"]], [f["code"] for f in b["findings"]])
                self.assertEqual([(l["head"], l["class"], l["amount"]) for l in a["lines"]],
                                 [(l["head"], l["class"], l["amount"]) for l in b["lines"]])
                self.assertEqual([(p["series"], p["value"], p["confidence"]) for p in a["refdata"]],
                                 [(p["series"], p["value"], p["confidence"]) for p in b["refdata"]])
            for a, b in zip(en["comparison"], tr["comparison"]):
                self.assertEqual({k: v for k, v in a.items() if k not in ("name", "reason", "fx_source")},
                                 {k: v for k, v in b.items() if k not in ("name", "reason", "fx_source")})
            self.assertNotEqual(en["estimates"][0]["findings"][0]["text"], tr["estimates"][0]["findings"][0]["text"])


class Language(unittest.TestCase):
    def test_unknown_language_is_exit_2_naming_the_languages(self):
        r = run("estimate", ACTIVIST, "--scheme", "kz-cpc", "--lang", "de", check=False)
        self.assertEqual(r.returncode, 2)
        self.assertIn("en, ru, kk", r.stderr)
        self.assertEqual(len(r.stderr.strip().splitlines()), 1)

    def test_default_from_the_environment(self):
        ru = run("estimate", ACTIVIST, "--scheme", "kz-cpc", env={"LANG": "ru_RU.UTF-8"}).stdout
        self.assertIn("Дело kz-activist-2022", ru)
        kk = run("estimate", ACTIVIST, "--scheme", "kz-cpc", env={"LANG": "C.UTF-8", "LC_MESSAGES": "kk_KZ.UTF-8"}).stdout
        self.assertIn("Іс kz-activist-2022", kk)
        for lang in ("C.UTF-8", "C", "POSIX", "de_DE.UTF-8", ""):
            en = run("estimate", ACTIVIST, "--scheme", "kz-cpc", env={"LANG": lang}).stdout
            self.assertIn("Case kz-activist-2022", en, lang)
        # --lang wins over the environment
        self.assertIn("Case kz-activist-2022",
                      run("estimate", ACTIVIST, "--scheme", "kz-cpc", "--lang", "en", env={"LANG": "ru_RU.UTF-8"}).stdout)

    def test_numbers_per_language(self):
        # the kz-reform total of the bundled case (tests/cases/kz-activist.expected.json)
        total = golden_total("kz-reform")
        en = run("compare", ACTIVIST, "--lang", "en").stdout
        self.assertIn(grouped(total) + " KZT", en)
        ru = run("compare", ACTIVIST, "--lang", "ru").stdout
        self.assertIn(grouped(total, NBSP, ",") + f"{NBSP}₸", ru)
        kk = run("estimate", ACTIVIST, "--scheme", "kz-reform", "--lang", "kk").stdout
        self.assertIn(grouped(total, NBSP, ","), kk)
        # JSON and CSV stay plain unless --human
        js = json.loads(run("estimate", ACTIVIST, "--scheme", "kz-reform", "--lang", "ru", "--format", "json").stdout)
        self.assertEqual(js["estimates"][0]["total"], total)
        csv_plain = run("estimate", ACTIVIST, "--scheme", "kz-reform", "--lang", "ru", "--format", "csv").stdout
        self.assertIn("," + total + ",", csv_plain)
        csv_human = run("estimate", ACTIVIST, "--scheme", "kz-reform", "--lang", "ru", "--format", "csv", "--human").stdout
        self.assertIn('"' + grouped(total, NBSP, ",") + '"', csv_human)

    def test_law_citations_in_the_official_form(self):
        ru = json.loads(run("estimate", ACTIVIST, "--scheme", "kz-cpc", "--lang", "ru", "--format", "json").stdout)
        kk = json.loads(run("estimate", ACTIVIST, "--scheme", "kz-cpc", "--lang", "kk", "--format", "json").stdout)
        ru_bases = " ".join(f["basis"] for f in ru["estimates"][0]["findings"])
        kk_bases = " ".join(f["basis"] for f in kk["estimates"][0]["findings"])
        self.assertIn("УПК РК 2014 г., ст. 35(1), 38", ru_bases)
        self.assertIn("ҚР ҚПК 2014 ж., 35(1), 38-баптар", kk_bases)
        self.assertRegex(kk_bases, r"\d+-бап")
        # foreign statutes keep their names
        de = json.loads(run("estimate", ACTIVIST, "--scheme", "de-streg", "--lang", "kk", "--format", "json",
                            "--fx-file", FX).stdout)
        self.assertIn("Gesetz über die Entschädigung für Strafverfolgungsmaßnahmen (StrEG)",
                      [c["instrument"] for c in de["estimates"][0]["citations"]])
        # the legal terms
        ru_all = run("estimate", ACTIVIST, "--scheme", "kz-reform", "--scheme", "kz-victims-fund", "--scheme", "echr",
                     "--fx-file", FX, "--lang", "ru", "--format", "markdown").stdout
        for term in ("реабилит", "Моральный вред", "Имущественный вред", "МРП"):
            self.assertIn(term, ru_all)
        kk_all = run("estimate", ACTIVIST, "--scheme", "kz-reform", "--scheme", "kz-victims-fund", "--scheme", "echr",
                     "--fx-file", FX, "--lang", "kk", "--format", "markdown").stdout
        for term in ("ақта", "Моральдық зиян", "Мүліктік зиян", "АЕК"):
            self.assertIn(term, kk_all)

    def test_a_user_scheme_is_shown_as_written_marked_once(self):
        p = os.path.join(ROOT, "examples/schemes/example-tariff.json")
        for fmt in ("table", "markdown", "html"):
            r = run("estimate", ACTIVIST, "--scheme-file", p, "--scheme", "example-tariff", "--lang", "ru", "--format", fmt)
            self.assertIn("quashed conviction gives a claim", " ".join(r.stdout.split()))
            self.assertEqual(r.stdout.count("†"), 1, fmt)
        js = json.loads(run("estimate", ACTIVIST, "--scheme-file", p, "--scheme", "example-tariff", "--lang", "ru",
                            "--format", "json").stdout)
        self.assertIn("Example: a daily tariff in MCI with proven losses (illustration, not law)", js["untranslated"])
        self.assertEqual(js["estimates"][0]["scheme"], "example-tariff")
        # in English nothing is marked
        self.assertNotIn("†", run("estimate", ACTIVIST, "--scheme-file", p, "--scheme", "example-tariff").stdout)


if __name__ == "__main__":
    unittest.main(verbosity=2)
