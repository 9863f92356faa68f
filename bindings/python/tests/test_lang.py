"""reparations.estimate/compare(lang=...): human text in Russian or Kazakh,
the figures, keys, codes and scheme ids unchanged."""
import os
import unittest

import reparations

ROOT = os.environ.get("REPARATIONS_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), "..", "..", ".."))
CASE = os.path.join(ROOT, "examples", "cases", "kz-activist.json")


class Lang(unittest.TestCase):
    def test_estimate_in_three_languages(self):
        en = reparations.estimate(CASE, "kz-cpc")
        ru = reparations.estimate(CASE, "kz-cpc", lang="ru")
        kk = reparations.estimate(CASE, "kz-cpc", lang="kk")
        self.assertEqual(en.total, ru.total)
        self.assertEqual(en.total_if_eligible, kk.total_if_eligible)
        self.assertEqual(ru.scheme, "kz-cpc")
        self.assertEqual([f.code for f in en.findings], [f.code for f in ru.findings])
        self.assertIn("амнистии", ru.findings[0].text)
        self.assertIn("рақымшылық", kk.findings[0].text)
        self.assertIn("ҚР ҚПК", kk.findings[0].basis)
        self.assertEqual(ru.to_dict()["untranslated"] if "untranslated" in ru.to_dict() else [], [])

    def test_compare_lang(self):
        cmp = reparations.compare(CASE, ["kz-cpc", "kz-reform"], lang="ru")
        self.assertIn("амнистии", cmp["kz-cpc"].reason)
        self.assertEqual(cmp["kz-reform"].total, reparations.estimate(CASE, "kz-reform").total)

    def test_unknown_language(self):
        with self.assertRaises(reparations.Error) as cm:
            reparations.estimate(CASE, "kz-cpc", lang="de")
        self.assertIn("en, ru, kk", str(cm.exception))


if __name__ == "__main__":
    unittest.main(verbosity=2)
