/* Catalogue lookup and template matching: see i18n.h. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "internal.h"

static const char *const lang_codes[REP_LANG_COUNT] = {"en", "ru", "kk"};

rep_status rep_lang_parse(int *out, const char *name)
{
	for (int i = 0; name && i < REP_LANG_COUNT; i++) {
		const char *c = lang_codes[i];
		if ((name[0] | 0x20) == c[0] && (name[1] | 0x20) == c[1] && name[2] == '\0') {
			*out = i;
			return REP_OK;
		}
	}
	return REP_ENOTFOUND;
}

const char *rep_lang_code(int lang)
{
	return lang >= 0 && lang < REP_LANG_COUNT ? lang_codes[lang] : "en";
}

void rep_tr_init(rep_tr *t, int lang)
{
	memset(t, 0, sizeof *t);
	t->lang = lang >= 0 && lang < REP_LANG_COUNT ? lang : REP_LANG_EN;
	rep_arena_init(&t->arena, 16384);
}

#define MEMO_SLOTS 1024

/* A render repeats its texts (a basis on every line, a warning in every
 * estimate): each is matched once per session. */
struct rep_tr_memo {
	const char *src[MEMO_SLOTS];
	const char *out[MEMO_SLOTS];
};

static size_t memo_slot(const char *s)
{
	uint64_t h = 1469598103934665603ULL; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return (size_t)(h % MEMO_SLOTS);
}

void rep_tr_release(rep_tr *t)
{
	rep_free(t->memo);
	t->memo = NULL;
	for (int i = 0; i < 4; i++)
		rep_free(t->scratch[i]);
	rep_arena_release(&t->arena);
	rep_free(t->exempt);
	rep_free(t->missing);
	t->exempt = t->missing = NULL;
}

static bool push(rep_tr *t, const char ***arr, size_t *n, size_t *cap, const char *s)
{
	if (*n == *cap) {
		size_t nc = *cap ? *cap * 2 : 16;
		const char **na = rep_realloc((void *)*arr, nc * sizeof *na);
		if (!na) {
			t->failed = true;
			return false;
		}
		*arr = na;
		*cap = nc;
	}
	(*arr)[(*n)++] = s;
	return true;
}

void rep_tr_exempt(rep_tr *t, const char *s)
{
	if (s && *s && t->lang != REP_LANG_EN)
		push(t, &t->exempt, &t->n_exempt, &t->cap_exempt, s);
}

static bool is_exempt(const rep_tr *t, const char *s, size_t len)
{
	for (size_t i = 0; i < t->n_exempt; i++) {
		size_t el = strlen(t->exempt[i]);
		/* a long text cut short by the engine's fixed buffers is still the user's */
		if ((el == len || (len >= 64 && el > len)) && memcmp(t->exempt[i], s, len) == 0)
			return true;
	}
	return false;
}

static void add_missing(rep_tr *t, const char *s, size_t len)
{
	for (size_t i = 0; i < t->n_missing; i++)
		if (strlen(t->missing[i]) == len && memcmp(t->missing[i], s, len) == 0)
			return;
	const char *c = rep_arena_strndup(&t->arena, s, len);
	if (!c)
		t->failed = true;
	else
		push(t, &t->missing, &t->n_missing, &t->cap_missing, c);
}

/* Whether untranslated text would leave English words in the output: a
 * word of three or more ASCII letters with a lower-case one. Identifiers
 * (kz-cpc, KZ.MCI, pretrial_custody, file names), figures, dates and
 * currency codes do not count. */
static bool reads_as_prose(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		while (i < len && s[i] == ' ')
			i++;
		size_t st = i;
		while (i < len && s[i] != ' ')
			i++;
		size_t a = st, b = i;
		while (a < b && strchr("([{\"'«", s[a]))
			a++;
		while (b > a && strchr(")]}\"'»,;:.!?", s[b - 1]))
			b--;
		if (b - a < 3)
			continue;
		bool letters = true, lower = false;
		for (size_t k = a; k < b && letters; k++) {
			char c = s[k];
			if (c >= 'a' && c <= 'z')
				lower = true;
			else if (!(c >= 'A' && c <= 'Z') && c != '\'')
				letters = false;
		}
		if (letters && lower)
			return true;
	}
	return false;
}

static int msg_cmp(const void *key, const void *elem)
{
	const char *k = key;
	return strcmp(k, ((const rep_msg *)elem)->id);
}

static const rep_msg *exact(int lang, const char *s)
{
	if (lang <= REP_LANG_EN || lang >= REP_LANG_COUNT || !rep_i18n_msg_count[lang])
		return NULL;
	return bsearch(s, rep_i18n_msgs[lang], rep_i18n_msg_count[lang], sizeof(rep_msg), msg_cmp);
}

const char *rep_tr_ui(const rep_tr *t, const char *msgid)
{
	const rep_msg *m = t ? exact(t->lang, msgid) : NULL;
	return m && m->str ? m->str : msgid;
}

/* ---- templates ---- */

#define MAX_CAPS 12
#define MAX_DEPTH 4
#define STEP_BUDGET 100000UL
#define MAX_MATCHED 8192  /* longer texts are looked up whole only */
#define MAX_ITEMS 64      /* items of a "; " list translated one by one */

typedef struct piece {
	const char *text;
	size_t len;
	char kind; /* of the capture before this piece: 's' any text, 'd' a number */
} piece;

/* Where `lit` first occurs in s[0..len), or NULL. */
static const char *find(const char *s, size_t len, const char *lit, size_t n)
{
	if (n == 0)
		return s;
	const char *q = s;
	while (n <= len - (size_t)(q - s)) {
		q = memchr(q, lit[0], len - (size_t)(q - s) - n + 1);
		if (!q)
			return NULL;
		if (memcmp(q, lit, n) == 0)
			return q;
		q++;
	}
	return NULL;
}

static const char *tr_inner(rep_tr *t, const char *s, size_t len, int depth, bool record, unsigned *score);

typedef struct match_state {
	rep_tr *t;
	const piece *p;
	int ncaps;
	int depth;
	const char *cap_s[MAX_CAPS];
	size_t cap_n[MAX_CAPS];
	/* the best match so far */
	unsigned best_score, best_pending;
	bool have_best;
	const char *best_s[MAX_CAPS];
	size_t best_n[MAX_CAPS];
	const char *best_tr[MAX_CAPS];
	unsigned matches;
} match_state;

static void consider(match_state *m)
{
	unsigned score = 0, p0 = m->t->pending;
	const char *tr[MAX_CAPS];
	for (int i = 0; i < m->ncaps; i++) {
		tr[i] = tr_inner(m->t, m->cap_s[i], m->cap_n[i], m->depth + 1, false, &score);
		if (m->have_best && score >= m->best_score)
			return;
	}
	if (!m->have_best || score < m->best_score) {
		m->have_best = true;
		m->best_score = score;
		m->best_pending = m->t->pending - p0;
		memcpy(m->best_s, m->cap_s, sizeof m->best_s);
		memcpy(m->best_n, m->cap_n, sizeof m->best_n);
		memcpy(m->best_tr, tr, sizeof m->best_tr);
	}
}

/* A %d capture: a figure as the engine prints it (-12,500.50). */
static bool numeric(const char *s, size_t n)
{
	bool digit = false;
	for (size_t i = 0; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			digit = true;
		else if (!strchr(".,-", s[i]))
			return false;
	}
	return digit;
}

/* Captures from capture i on, in s[0..len): piece i+1 follows capture i. */
static void enumerate(match_state *m, int i, const char *s, size_t len)
{
	if ((m->have_best && m->best_score == 0) || m->matches > 256 || m->t->budget == 0)
		return;
	m->t->budget--;
	const piece *next = &m->p[i + 1];
	if (i == m->ncaps - 1) {
		if (len <= next->len || memcmp(s + len - next->len, next->text, next->len) != 0)
			return;
		if (next->kind == 'd' && !numeric(s, len - next->len))
			return;
		m->cap_s[i] = s;
		m->cap_n[i] = len - next->len;
		m->matches++;
		consider(m);
		return;
	}
	/* non-empty capture, then the next literal */
	for (size_t k = 1; k + next->len <= len && m->t->budget; k++) {
		if (next->kind == 'd' && !(s[k - 1] >= '0' && s[k - 1] <= '9') && !strchr(".,-", s[k - 1]))
			return; /* a figure ends before the first character that is not one */
		if (s[k] != next->text[0]) {
			if (next->kind == 'd')
				continue;
			/* to the next place the literal can start: a scan, not a step */
			const char *q = memchr(s + k, next->text[0], len - next->len - k + 1);
			if (!q)
				return;
			k = (size_t)(q - s) - 1;
			continue;
		}
		m->t->budget--;
		if (memcmp(s + k, next->text, next->len) != 0)
			continue;
		if (next->kind == 'd' && !numeric(s, k))
			continue;
		m->cap_s[i] = s;
		m->cap_n[i] = k;
		enumerate(m, i + 1, s + k + next->len, len - k - next->len);
		if ((m->have_best && m->best_score == 0) || m->matches > 256)
			return;
	}
}

/* Assemble the translation: %s takes the next capture, %N$s capture N. */
static const char *assemble(rep_tr *t, const char *fmt, const char *const *caps, int ncaps)
{
	size_t total = 1;
	for (int pass = 0; pass < 2; pass++) {
		char *out = pass ? rep_arena_alloc(&t->arena, total) : NULL;
		if (pass && !out) {
			t->failed = true;
			return NULL;
		}
		size_t j = 0;
		int seq = 0;
		for (const char *f = fmt; *f; f++) {
			const char *add = f;
			size_t n = 1;
			if (f[0] == '%' && f[1] == '%') {
				f++;
			} else if (f[0] == '%') {
				int idx = -1;
				const char *q = f + 1;
				if (*q >= '1' && *q <= '9') {
					int v = 0;
					while (*q >= '0' && *q <= '9')
						v = v * 10 + (*q++ - '0');
					if (*q == '$')
						idx = v - 1, q++;
				}
				if (*q == 's' || *q == 'd') {
					if (idx < 0)
						idx = seq++;
					add = idx < ncaps ? caps[idx] : "";
					n = strlen(add);
					f = q;
				}
			}
			if (pass)
				memcpy(out + j, add, n);
			j += n;
		}
		if (pass) {
			out[j] = '\0';
			return out;
		}
		total = j + 1;
	}
	return NULL;
}

static const char *copy_n(rep_tr *t, const char *s, size_t len)
{
	if (s[len] == '\0')
		return s;
	const char *c = rep_arena_strndup(&t->arena, s, len);
	if (!c)
		t->failed = true;
	return c ? c : "";
}

/* Translate s[0..len). *score counts the pieces left untranslated. */
static const char *tr_inner(rep_tr *t, const char *s, size_t len, int depth, bool record, unsigned *score)
{
	if (len == 0)
		return "";
	char key[4096];
	const rep_msg *m = NULL;
	if (len < sizeof key) {
		memcpy(key, s, len);
		key[len] = '\0';
		m = exact(t->lang, key);
	}
	if (m && m->str)
		return m->str;
	if (m) {
		/* known, not yet translated: the translator has it; shown as written */
		t->pending++;
		if (record)
			add_missing(t, s, len);
		return copy_n(t, s, len);
	}
	if (is_exempt(t, s, len))
		return copy_n(t, s, len);
	/* the best decomposition by a template */
	const rep_msg *best_tpl = NULL;
	unsigned best_score = 0, best_pending = 0;
	int best_nc = 0;
	const char *bs[MAX_CAPS];
	size_t bn[MAX_CAPS];
	const char *btr[MAX_CAPS];
	if (depth < MAX_DEPTH && t->budget && len <= MAX_MATCHED) {
		/* one scratch state per depth: a level is never re-entered while active */
		if (!t->scratch[depth])
			t->scratch[depth] = rep_malloc(sizeof(match_state) + sizeof(piece) * (MAX_CAPS + 1));
		match_state *ms = t->scratch[depth];
		piece *p = ms ? (piece *)(void *)(ms + 1) : NULL;
		if (!ms) {
			t->failed = true;
		} else {
			const rep_tpl *tpl = rep_i18n_templates[t->lang];
			for (size_t i = 0; i < rep_i18n_template_count[t->lang] && t->budget; i++) {
				const rep_tpl *tp = &tpl[i];
				const rep_msg *tm = &rep_i18n_msgs[t->lang][tp->msg];
				int nc = (int)tp->ncaps;
				if (nc <= 0 || nc > MAX_CAPS)
					continue;
				size_t need = (size_t)nc;
				for (int k = 0; k <= nc; k++) {
					p[k].text = tp->pieces[k];
					p[k].len = strlen(tp->pieces[k]);
					p[k].kind = k ? tp->kinds[k - 1] : 's';
					need += p[k].len;
				}
				if (len < need || memcmp(s, p[0].text, p[0].len) != 0 ||
				    memcmp(s + len - p[nc].len, p[nc].text, p[nc].len) != 0)
					continue;
				/* every literal must occur, in order, before anything is tried */
				const char *at = s + p[0].len, *end = s + len - p[nc].len;
				bool all = true;
				for (int k = 1; k < nc && all; k++) {
					const char *q = at + 1 <= end ? find(at + 1, (size_t)(end - at - 1), p[k].text, p[k].len) : NULL;
					all = q != NULL;
					at = q ? q + p[k].len : at;
				}
				if (!all)
					continue;
				memset(ms, 0, sizeof *ms);
				ms->t = t;
				ms->p = p;
				ms->ncaps = nc;
				ms->depth = depth;
				enumerate(ms, 0, s + p[0].len, len - p[0].len);
				if (!ms->have_best)
					continue;
				unsigned sc = ms->best_score;
				/* a shape with no words of its own (": ", "..") splits any text:
				 * only when at most one piece is left unknown */
				if ((tp->generic && sc > 1) || (best_tpl && sc >= best_score))
					continue;
				best_tpl = tm;
				best_score = sc;
				best_pending = ms->best_pending;
				best_nc = nc;
				memcpy(bs, ms->best_s, sizeof bs);
				memcpy(bn, ms->best_n, sizeof bn);
				memcpy(btr, ms->best_tr, sizeof btr);
				if (sc == 0)
					break;
			}
		}
	}
	/* or a list joined by "; " (periods, adjustments): each item on its own */
	/* items are split at "; " outside parentheses (a source may hold its own) */
	size_t n_items = 1;
	int par = 0;
	for (size_t k = 0; k + 1 < len; k++) {
		par += s[k] == '(' ? 1 : s[k] == ')' && par > 0 ? -1 : 0;
		if (s[k] == ';' && s[k + 1] == ' ' && par == 0)
			n_items++;
	}
	if (n_items > 1 && n_items <= MAX_ITEMS && depth < MAX_DEPTH && !(best_tpl && best_score == 0)) {
		const char *item_s[MAX_ITEMS], *item_tr[MAX_ITEMS];
		size_t item_n[MAX_ITEMS];
		size_t start = 0, ni = 0;
		par = 0;
		for (size_t k = 0; k <= len; k++) {
			if (k < len)
				par += s[k] == '(' ? 1 : s[k] == ')' && par > 0 ? -1 : 0;
			if (k == len || (s[k] == ';' && k + 1 < len && s[k + 1] == ' ' && par == 0)) {
				item_s[ni] = s + start;
				item_n[ni++] = k - start;
				start = k + 2;
			}
		}
		unsigned sc = 0, p0 = t->pending;
		for (size_t k = 0; k < ni; k++)
			item_tr[k] = tr_inner(t, item_s[k], item_n[k], depth + 1, false, &sc);
		unsigned pend = t->pending - p0;
		if (sc <= 1 && (!best_tpl || sc < best_score)) {
			if (record && (sc || pend)) {
				unsigned d2 = 0;
				for (size_t k = 0; k < ni; k++)
					item_tr[k] = tr_inner(t, item_s[k], item_n[k], depth + 1, true, &d2);
			}
			size_t total = 1;
			for (size_t k = 0; k < ni; k++)
				total += strlen(item_tr[k]) + 2;
			char *out = rep_arena_alloc(&t->arena, total);
			if (out) {
				size_t j = 0;
				for (size_t k = 0; k < ni; k++) {
					if (k) {
						memcpy(out + j, "; ", 2);
						j += 2;
					}
					size_t l = strlen(item_tr[k]);
					memcpy(out + j, item_tr[k], l);
					j += l;
				}
				out[j] = '\0';
				*score += sc;
				return out;
			}
			t->failed = true;
		}
	}
	if (best_tpl) {
		if (record && (best_score || best_pending || !best_tpl->str)) {
			/* the chosen pieces again, so that their own gaps are recorded */
			unsigned d2 = 0;
			for (int k = 0; k < best_nc; k++)
				btr[k] = tr_inner(t, bs[k], bn[k], depth + 1, true, &d2);
			if (!best_tpl->str)
				add_missing(t, best_tpl->id, strlen(best_tpl->id));
		}
		const char *r = assemble(t, best_tpl->str ? best_tpl->str : best_tpl->id, btr, best_nc);
		if (r) {
			*score += best_score;
			t->pending += best_pending + (best_tpl->str ? 0 : 1);
			return r;
		}
	}
	if (reads_as_prose(s, len)) {
		(*score)++;
		if (record)
			add_missing(t, s, len);
	}
	return copy_n(t, s, len);
}

const char *rep_tr_text(rep_tr *t, const char *s)
{
	if (!s || !*s || !t || t->lang == REP_LANG_EN)
		return s;
	if (!t->memo && !t->failed)
		t->memo = rep_calloc(1, sizeof *t->memo);
	size_t slot = t->memo ? memo_slot(s) : 0;
	for (size_t k = 0; t->memo && k < 8; k++) {
		size_t i = (slot + k) % MEMO_SLOTS;
		if (!t->memo->src[i])
			break;
		if (strcmp(t->memo->src[i], s) == 0)
			return t->memo->out[i];
	}
	t->budget = STEP_BUDGET;
	unsigned score = 0;
	const char *r = tr_inner(t, s, strlen(s), 0, true, &score);
	r = r ? r : s;
	/* the source is copied: callers may pass a text that does not outlive the call */
	const char *key = t->memo ? rep_arena_strdup(&t->arena, s) : NULL;
	for (size_t k = 0; key && k < 8; k++) {
		size_t i = (slot + k) % MEMO_SLOTS;
		if (!t->memo->src[i]) {
			t->memo->src[i] = key;
			t->memo->out[i] = r;
			break;
		}
	}
	return r;
}

const char *rep_tr_fmt(rep_tr *t, const char *msgid, int n, const char *const *caps)
{
	const rep_msg *m = exact(t->lang, msgid);
	const char *r = assemble(t, m && m->str ? m->str : msgid, caps, n);
	return r ? r : "";
}

/* ---- numbers ---- */

const char *rep_tr_num(rep_tr *t, const char *amount)
{
	if (!amount)
		return "";
	const char *a = amount;
	bool neg = *a == '-';
	if (neg)
		a++;
	size_t il = strspn(a, "0123456789");
	if (il == 0 || (a[il] && (a[il] != '.' || strspn(a + il + 1, "0123456789") != strlen(a + il + 1))))
		return amount; /* not a plain decimal: shown as written */
	bool en = t->lang == REP_LANG_EN;
	const char *sep = en ? "," : "\xc2\xa0";
	size_t sl = strlen(sep);
	size_t fl = a[il] ? strlen(a + il) : 0;
	size_t cap = 1 + il + (il / 3) * sl + fl + 1;
	char *out = rep_arena_alloc(&t->arena, cap);
	if (!out) {
		t->failed = true;
		return amount;
	}
	size_t j = 0;
	if (neg)
		out[j++] = '-';
	for (size_t i = 0; i < il; i++) {
		out[j++] = a[i];
		size_t left = il - i - 1;
		if (left && left % 3 == 0) {
			memcpy(out + j, sep, sl);
			j += sl;
		}
	}
	if (fl) {
		out[j++] = en ? '.' : ',';
		memcpy(out + j, a + il + 1, fl - 1);
		j += fl - 1;
	}
	out[j] = '\0';
	return out;
}

const char *rep_tr_currency(const rep_tr *t, const char *currency)
{
	if (!currency)
		return "";
	if (t && t->lang != REP_LANG_EN && strcmp(currency, "KZT") == 0)
		return "\xe2\x82\xb8"; /* ₸ */
	return currency;
}

const char *rep_tr_money(rep_tr *t, const char *amount, const char *currency)
{
	const char *n = rep_tr_num(t, amount);
	const char *r = rep_arena_printf(&t->arena, "%s%s%s", n, t->lang == REP_LANG_EN ? " " : "\xc2\xa0",
					 rep_tr_currency(t, currency));
	if (!r)
		t->failed = true;
	return r ? r : amount;
}
