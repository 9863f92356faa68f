/* Translation of what the renderers print, without the process locale.
 *
 * The catalogue is compiled from po/ru.po and po/kk.po into const tables
 * (tools/gen_i18n.py), so a lookup reads no file, no environment and no
 * global state: any number of threads may render in any language at once.
 *
 * Two kinds of text are translated:
 *  - whole texts (a scheme's labels, bases, citations, finding texts, the
 *    renderers' own headings): looked up as they are;
 *  - texts the engine assembles with figures and dates ("outcome \"%s\"
 *    does not qualify: %s"): matched against the catalogue's c-format
 *    msgids, each captured piece translated in turn (it may be a scheme
 *    text or another template), and re-assembled by the translation, whose
 *    placeholders may be reordered (%2$s).
 * A piece with no translation is shown as written. When it reads like
 * English prose and is not the user's own text (the case's descriptions,
 * a reference source) it is recorded as untranslated, once. */
#ifndef REP_I18N_H
#define REP_I18N_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "reparations/status.h"

enum { REP_LANG_EN = 0, REP_LANG_RU = 1, REP_LANG_KK = 2, REP_LANG_COUNT = 3 };

/* "en", "ru", "kk" (case-insensitive); REP_ENOTFOUND otherwise. */
rep_status rep_lang_parse(int *out, const char *name);
const char *rep_lang_code(int lang);

/* One catalogue entry; str NULL when the entry has no translation yet. */
typedef struct rep_msg {
	const char *id;
	const char *str;
} rep_msg;
/* A c-format entry split at build time: ncaps placeholders of `kinds`
 * ('s' any text, 'd' a figure) between ncaps + 1 literal pieces. A generic
 * one has no letters of its own ("%s: %s"). */
typedef struct rep_tpl {
	unsigned msg; /* index into the language's entries */
	unsigned ncaps;
	const char *kinds;
	const char *const *pieces;
	bool generic;
} rep_tpl;
/* Generated (lib/i18n_catalog.c): per language, entries sorted by id
 * (strcmp), and the c-format ones, most literal text first. */
extern const rep_msg *const rep_i18n_msgs[REP_LANG_COUNT];
extern const size_t rep_i18n_msg_count[REP_LANG_COUNT];
extern const rep_tpl *const rep_i18n_templates[REP_LANG_COUNT];
extern const size_t rep_i18n_template_count[REP_LANG_COUNT];

/* A translation session: one render call. Not shared between threads. */
typedef struct rep_tr {
	int lang;
	rep_arena arena;
	const char **exempt;   /* the user's own texts: shown as written, never flagged */
	size_t n_exempt, cap_exempt;
	const char **missing;  /* distinct untranslated texts, in order of appearance */
	size_t n_missing, cap_missing;
	unsigned long budget;  /* matching steps left for the current text */
	unsigned pending;      /* known texts without a translation met while matching */
	void *scratch[4];      /* the matcher's state, one per level of nesting */
	struct rep_tr_memo *memo; /* texts already translated in this session (1024 slots) */
	bool failed;           /* out of memory: results fell back to the input */
} rep_tr;

void rep_tr_init(rep_tr *t, int lang);
void rep_tr_release(rep_tr *t);
void rep_tr_exempt(rep_tr *t, const char *s);
/* A text from the engine or a scheme: translated, or `s` itself. */
const char *rep_tr_text(rep_tr *t, const char *s);
/* The renderers' own text (a heading, a column name): exact lookup. */
const char *rep_tr_ui(const rep_tr *t, const char *msgid);
/* The renderers' own sentence with pieces: msgid is a c-format string
 * ("Case %s — valuation date %s"), its translation may reorder them (%2$s). */
const char *rep_tr_fmt(rep_tr *t, const char *msgid, int n, const char *const *caps);
/* Marks a msgid for tools/i18n_extract.py (xgettext -k_T) without translating. */
#define N_(s) (s)

/* Amounts for people: "46,055,751.38" (en), "46 055 751,38" (ru, kk: the
 * group separator is a no-break space). Any length; NULL only when out of memory. */
const char *rep_tr_num(rep_tr *t, const char *amount);
/* The same with the currency: "46,055,751.38 KZT", "46 055 751,38 ₸". */
const char *rep_tr_money(rep_tr *t, const char *amount, const char *currency);
/* The currency as a person writes it in the language (₸ for KZT in ru/kk). */
const char *rep_tr_currency(const rep_tr *t, const char *currency);

#endif
