/* Reference series from text: CSV (metadata lines, a header, RFC 4180
 * rows) and JSON (an array of series objects), checked field by field
 * with the line or JSON path of every error. The result is merged into a
 * context by lib/refdata.c. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "io/json.h"
#include "io/json_read.h"
#include "io/series_text.h"
#include "reparations/money.h"

static const char csv_header[] = "from,value,confidence,source";
static const char *const confidences[] = {"verified", "secondary", "unverified"};

/* ---- shared checks for loaded text ---- */

static bool valid_id(const char *s, size_t n)
{
	if (n == 0 || n > MAX_ID)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
		      c == '_' || c == '-'))
			return false;
	}
	return true;
}

bool rep_is_currency_code(const char *s)
{
	return s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' && s[2] >= 'A' && s[2] <= 'Z';
}

/* Exchange-rate series must be named so that rep_fx_lookup can find them. */
static bool valid_fx_id(const char *s)
{
	return strlen(s) == 10 && strncmp(s, "FX.", 3) == 0 && rep_is_currency_code(s + 3) && s[6] == '_' && rep_is_currency_code(s + 7);
}

static bool is_fx_id(const char *s)
{
	return strncmp(s, "FX.", 3) == 0;
}

static const char *confidence_of(const char *s, size_t n)
{
	for (size_t i = 0; i < sizeof confidences / sizeof *confidences; i++)
		if (strlen(confidences[i]) == n && memcmp(confidences[i], s, n) == 0)
			return confidences[i];
	return NULL;
}

/* Length of the valid UTF-8 sequence at s (n bytes left), or 0. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];
	if (c < 0x80)
		return 1;
	size_t len;
	unsigned min;
	unsigned cp;
	if (c >= 0xc2 && c <= 0xdf)
		len = 2, min = 0x80, cp = c & 0x1f;
	else if (c >= 0xe0 && c <= 0xef)
		len = 3, min = 0x800, cp = c & 0x0f;
	else if (c >= 0xf0 && c <= 0xf4)
		len = 4, min = 0x10000, cp = c & 0x07;
	else
		return 0;
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return len;
}

/* ---- a series as read from a file, before it is merged ---- */

void rep_series_loading_free(loading *L)
{
	for (size_t i = 0; i < L->n; i++)
		rep_free(L->s[i].points);
	rep_free(L->s);
	rep_arena_release(&L->tmp);
}

static loaded *new_loaded(loading *L, rep_error *err)
{
	if (L->n == L->cap) {
		size_t cap = L->cap ? 2 * L->cap : 4;
		loaded *s = rep_realloc(L->s, cap * sizeof *s);
		if (!s) {
			rep_err(err, REP_ENOMEM, NULL, "out of memory");
			return NULL;
		}
		L->s = s;
		L->cap = cap;
	}
	loaded *s = &L->s[L->n++];
	memset(s, 0, sizeof *s);
	s->until = REP_DATE_NONE;
	return s;
}

/* Locations are kept in the temporary arena, a few bytes each: a file may
 * hold many series. Out of memory, an error just names no place. */
static void set_at(loading *L, const char **dst, const char *at)
{
	*dst = rep_arena_strdup(&L->tmp, at);
}

/* Where to point an error about one point: a CSV line, or JSON member paths. */
typedef struct where {
	const char *point, *from, *confidence, *source;
} where;

/* Append a point whose date and value are already parsed and checked; the
 * rest is checked here, the same way for CSV and JSON. */
static rep_status add_point(loading *L, loaded *s, rep_date from, const char *value, const char *confidence,
			    size_t conf_len, const char *source, size_t source_len, const where *at, rep_error *err)
{
	if (++L->total_points > MAX_POINTS)
		return rep_err(err, REP_ELIMIT, at->point, "more than %d points in one file", MAX_POINTS);
	if (s->n && from <= s->points[s->n - 1].from) {
		char a[REP_DATE_TEXT_SIZE], b[REP_DATE_TEXT_SIZE];
		rep_date_format(from, a);
		rep_date_format(s->points[s->n - 1].from, b);
		return rep_err(err, REP_EINVAL, at->from, "%s is not after the previous point %s (dates must increase)",
			       a, b);
	}
	const char *conf = confidence_of(confidence, conf_len);
	if (!conf)
		return rep_err(err, REP_EINVAL, at->confidence,
			       "confidence \"%.*s\" is not one of verified, secondary, unverified",
			       (int)(conf_len > 40 ? 40 : conf_len), confidence);
	if (source_len == 0)
		return rep_err(err, REP_EINVAL, at->source, "empty source: every figure needs one");
	if (source_len > MAX_FIELD)
		return rep_err(err, REP_ELIMIT, at->source, "source longer than %d bytes", MAX_FIELD);
	if (s->n == s->cap) {
		size_t cap = s->cap ? 2 * s->cap : 16;
		rep_series_point *p = rep_realloc(s->points, cap * sizeof *p);
		if (!p)
			return rep_err(err, REP_ENOMEM, NULL, "out of memory");
		s->points = p;
		s->cap = cap;
	}
	if (s->n == 0)
		set_at(L, &s->at_first, at->from);
	s->points[s->n++] = (rep_series_point){from, value, conf, source};
	return REP_OK;
}

/* Check a decimal and keep its text; exponent forms are rewritten as plain
 * decimals so that what an estimate lists reads like the tables it came from. */
static rep_status value_text(loading *L, const char **out, const char *s, size_t n, bool fx, const char *at,
			     rep_error *err)
{
	mpq_t q;
	mpq_init(q);
	rep_status st = rep_dec_parse_n(q, s, n, err);
	if (st) {
		mpq_clear(q);
		return rep_err_at(err, at);
	}
	if (fx && mpq_sgn(q) <= 0) {
		mpq_clear(q);
		return rep_err(err, REP_EINVAL, at, "an exchange rate must be positive, got %.*s", (int)n, s);
	}
	const char *text = NULL;
	if (memchr(s, 'e', n) || memchr(s, 'E', n) || s[0] == '+') {
		char *t = rep_dec_to_string(q);
		if (t)
			text = rep_arena_strdup(&L->tmp, t);
		free(t);
	} else {
		text = rep_arena_strndup(&L->tmp, s, n);
	}
	mpq_clear(q);
	if (!text)
		return rep_err(err, REP_ENOMEM, NULL, "out of memory");
	*out = text;
	return REP_OK;
}

/* Checks on a whole series once all its points are read. */
static rep_status check_series(const loaded *s, rep_error *err)
{
	if (!s->id)
		return rep_err(err, REP_EINVAL, s->at_series, "missing the \"# id: ...\" line");
	if (s->until == REP_DATE_NONE)
		return rep_err(err, REP_EINVAL, s->at_series, "%s: missing \"until\" (the last date the series covers)",
			       s->id);
	if (s->n == 0)
		return rep_err(err, REP_EINVAL, s->at_series, "%s: no points", s->id);
	if (s->until < s->points[s->n - 1].from) {
		char a[REP_DATE_TEXT_SIZE], b[REP_DATE_TEXT_SIZE];
		rep_date_format(s->until, a);
		rep_date_format(s->points[s->n - 1].from, b);
		return rep_err(err, REP_EINVAL, s->at_until, "%s: until %s is before the last point %s", s->id, a, b);
	}
	return REP_OK;
}

/* ---- CSV ---- */

typedef struct field {
	const char *s;
	size_t n;
} field;

/* Split one line into at most 4 fields (RFC 4180 quoting, one row per line).
 * Quoted fields with doubled quotes are unescaped into the temporary arena. */
static rep_status csv_split(loading *L, const char *line, size_t len, field f[4], size_t *nf, const char *at,
			    rep_error *err)
{
	size_t i = 0, k = 0;
	for (;;) {
		if (k == 4)
			return rep_err(err, REP_EINVAL, at, "more than 4 fields (quote a source that contains commas)");
		if (i < len && line[i] == '"') {
			size_t start = ++i, quotes = 0;
			for (;;) {
				if (i >= len)
					return rep_err(err, REP_ESYNTAX, at, "unterminated quoted field");
				if (line[i] == '"') {
					if (i + 1 < len && line[i + 1] == '"') {
						quotes++;
						i += 2;
						continue;
					}
					break;
				}
				i++;
			}
			size_t end = i++; /* past the closing quote */
			if (i < len && line[i] != ',')
				return rep_err(err, REP_ESYNTAX, at,
					       "a quoted field must be followed by a comma or the end of the line");
			if (quotes == 0) {
				f[k++] = (field){line + start, end - start};
			} else {
				char *d = rep_arena_alloc(&L->tmp, end - start - quotes + 1);
				if (!d)
					return rep_err(err, REP_ENOMEM, NULL, "out of memory");
				size_t j = 0;
				for (size_t m = start; m < end; m++) {
					d[j++] = line[m];
					if (line[m] == '"')
						m++;
				}
				d[j] = '\0';
				f[k++] = (field){d, j};
			}
		} else {
			const char *c = memchr(line + i, ',', len - i);
			size_t end = c ? (size_t)(c - line) : len;
			if (memchr(line + i, '"', end - i))
				return rep_err(err, REP_ESYNTAX, at,
					       "a quote inside an unquoted field (quote the whole field and double the quote)");
			f[k++] = (field){line + i, end - i};
			i = end;
		}
		if (i >= len)
			break;
		i++; /* the comma */
		if (i == len) {
			if (k == 4)
				return rep_err(err, REP_EINVAL, at, "more than 4 fields (quote a source that contains commas)");
			f[k++] = (field){line + i, 0};
			break;
		}
	}
	*nf = k;
	return REP_OK;
}

static bool blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return false;
	return true;
}

static const char *trim(const char *s, size_t *n)
{
	while (*n && (s[0] == ' ' || s[0] == '\t'))
		s++, (*n)--;
	while (*n && (s[*n - 1] == ' ' || s[*n - 1] == '\t'))
		(*n)--;
	return s;
}

/* "# key: value" before the header line; any other comment is free text. */
static rep_status csv_meta(loading *L, loaded *s, const char *line, size_t len, const char *at, rep_error *err)
{
	static const char *const keys[] = {"id", "name", "unit", "until", "description"};
	size_t i = 1;
	while (i < len && (line[i] == ' ' || line[i] == '\t'))
		i++;
	size_t k0 = i;
	while (i < len && ((line[i] >= 'a' && line[i] <= 'z') || line[i] == '_'))
		i++;
	size_t klen = i - k0;
	while (i < len && (line[i] == ' ' || line[i] == '\t'))
		i++;
	if (klen == 0 || i >= len || line[i] != ':')
		return REP_OK;
	size_t key = sizeof keys / sizeof *keys;
	for (size_t j = 0; j < sizeof keys / sizeof *keys; j++)
		if (strlen(keys[j]) == klen && memcmp(keys[j], line + k0, klen) == 0)
			key = j;
	if (key == sizeof keys / sizeof *keys)
		return REP_OK;
	size_t vlen = len - i - 1;
	const char *v = trim(line + i + 1, &vlen);
	const char **slot[] = {&s->id, &s->name, &s->unit, NULL, &s->description};
	if ((slot[key] && *slot[key]) || (key == 3 && s->until != REP_DATE_NONE))
		return rep_err(err, REP_EINVAL, at, "\"%s\" given twice", keys[key]);
	if (key == 3) {
		set_at(L, &s->at_until, at);
		return rep_date_parse_n(&s->until, v, vlen, err) ? rep_err_at(err, at) : REP_OK;
	}
	if (key == 0 && !valid_id(v, vlen))
		return rep_err(err, REP_EINVAL, at, "series id \"%.*s\" must be 1-%d letters, digits, '.', '_' or '-'",
			       (int)(vlen > 80 ? 80 : vlen), v, MAX_ID);
	if (vlen > MAX_FIELD)
		return rep_err(err, REP_ELIMIT, at, "\"%s\" longer than %d bytes", keys[key], MAX_FIELD);
	if (!(*slot[key] = rep_arena_strndup(&L->tmp, v, vlen)))
		return rep_err(err, REP_ENOMEM, NULL, "out of memory");
	if (key == 0) {
		set_at(L, &s->at_series, at);
		if (is_fx_id(s->id) && !valid_fx_id(s->id))
			return rep_err(err, REP_EINVAL, at, "exchange-rate series id \"%s\" must be FX.AAA_BBB", s->id);
	} else if (key == 2) {
		set_at(L, &s->at_unit, at);
	}
	return REP_OK;
}

static rep_status csv_row(loading *L, loaded *s, const char *line, size_t len, const char *at, rep_error *err)
{
	field f[4];
	size_t nf = 0;
	rep_status st = csv_split(L, line, len, f, &nf, at, err);
	if (st)
		return st;
	if (nf != 4)
		return rep_err(err, REP_EINVAL, at, "expected 4 fields (from,value,confidence,source), got %zu", nf);
	if (!s->id)
		return rep_err(err, REP_EINVAL, at, "a data row before the \"# id: ...\" line");
	rep_date from;
	if (rep_date_parse_n(&from, f[0].s, f[0].n, err))
		return rep_err_at(err, at);
	const char *value, *source;
	if ((st = value_text(L, &value, f[1].s, f[1].n, is_fx_id(s->id), at, err)))
		return st;
	if (!(source = rep_arena_strndup(&L->tmp, f[3].s, f[3].n)))
		return rep_err(err, REP_ENOMEM, NULL, "out of memory");
	where w = {at, at, at, at};
	return add_point(L, s, from, value, f[2].s, f[2].n, source, f[3].n, &w, err);
}

rep_status rep_series_parse_csv(loading *L, const char *text, size_t len, rep_error *err)
{
	if (len > MAX_TEXT)
		return rep_err(err, REP_ELIMIT, NULL, "series text of %zu bytes exceeds the limit of %zu bytes", len,
			       MAX_TEXT);
	loaded *s = new_loaded(L, err);
	if (!s)
		return REP_ENOMEM;
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) /* a spreadsheet's byte-order mark */
		text += 3, len -= 3;
	bool header = false;
	size_t lineno = 0;
	for (size_t pos = 0; pos < len;) {
		const char *line = text + pos;
		const char *nl = memchr(line, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - line) : len - pos;
		pos += n + (nl ? 1 : 0);
		lineno++;
		if (n && line[n - 1] == '\r')
			n--;
		char at[32];
		snprintf(at, sizeof at, "line %zu", lineno);
		for (size_t i = 0; i < n;) {
			unsigned char c = (unsigned char)line[i];
			if (c < 0x20 && c != '\t')
				return rep_err(err, REP_ESYNTAX, at, c ? "control character in line" : "NUL byte in line");
			size_t u = utf8_len((const unsigned char *)line + i, n - i);
			if (!u)
				return rep_err(err, REP_ESYNTAX, at, "invalid UTF-8");
			i += u;
		}
		rep_status st = REP_OK;
		if (blank(line, n))
			continue;
		if (line[0] == '#') {
			if (!header)
				st = csv_meta(L, s, line, n, at, err);
		} else if (!header) {
			if (n != sizeof csv_header - 1 || memcmp(line, csv_header, n) != 0)
				return rep_err(err, REP_ESYNTAX, at, "expected the header line %s", csv_header);
			header = true;
		} else {
			st = csv_row(L, s, line, n, at, err);
		}
		if (st)
			return st;
	}
	if (!header)
		return rep_err(err, REP_ESYNTAX, NULL, "no header line %s", csv_header);
	if (!s->at_until)
		s->at_until = s->at_series;
	return check_series(s, err);
}

/* ---- JSON ---- */

static bool key_is(const rep_json *m, const char *k)
{
	return m->key_len == strlen(k) && memcmp(m->key, k, m->key_len) == 0;
}

static void at_key(char dst[REP_ERROR_PATH_MAX], rep_jpath *p, const char *key)
{
	size_t mark = rep_jpath_key(p, key, strlen(key));
	snprintf(dst, REP_ERROR_PATH_MAX, "%s", p->buf);
	rep_jpath_pop(p, mark);
}

static rep_status json_point(loading *L, loaded *s, const rep_json *o, rep_jpath *p, rep_error *err)
{
	rep_status st = rep_jr_type(o, REP_JSON_OBJECT, "an object", p, err);
	if (st)
		return st;
	rep_date from = REP_DATE_NONE;
	const char *value = NULL, *conf = NULL, *source = NULL;
	size_t conf_len = 0, source_len = 0;
	for (const rep_json *m = o->first; m; m = m->next) {
		size_t mark = rep_jpath_key(p, m->key, m->key_len);
		if (key_is(m, "from")) {
			st = rep_jr_date(&from, m, p, err);
		} else if (key_is(m, "value")) {
			const char *v;
			if (!(st = rep_jr_decimal_text(&v, m, p, err)))
				st = value_text(L, &value, v, m->len, is_fx_id(s->id), p->buf, err);
		} else if (key_is(m, "confidence")) {
			st = rep_jr_string(&conf, m, p, err);
			conf_len = m->len;
		} else if (key_is(m, "source")) {
			st = rep_jr_string(&source, m, p, err);
			source_len = m->len;
		} else {
			rep_jpath_pop(p, mark);
			return rep_jr_unknown(m, p, "from, value, confidence, source", err);
		}
		rep_jpath_pop(p, mark);
		if (st)
			return st;
	}
	const char *missing = NULL;
	if (!source)
		missing = "source";
	if (!conf)
		missing = "confidence";
	if (!value)
		missing = "value";
	if (from == REP_DATE_NONE)
		missing = "from";
	if (missing)
		return rep_err(err, REP_EINVAL, p->buf, "missing \"%s\"", missing);
	char a_from[REP_ERROR_PATH_MAX], a_conf[REP_ERROR_PATH_MAX], a_source[REP_ERROR_PATH_MAX];
	at_key(a_from, p, "from");
	at_key(a_conf, p, "confidence");
	at_key(a_source, p, "source");
	where w = {p->buf, a_from, a_conf, a_source};
	return add_point(L, s, from, value, conf, conf_len, source, source_len, &w, err);
}

static rep_status json_series(loading *L, const rep_json *o, rep_jpath *p, rep_error *err)
{
	rep_status st = rep_jr_type(o, REP_JSON_OBJECT, "an object", p, err);
	if (st)
		return st;
	loaded *s = new_loaded(L, err);
	if (!s)
		return REP_ENOMEM;
	set_at(L, &s->at_series, p->buf);
	/* id first: the points' checks depend on whether this is an exchange rate */
	const rep_json *idv = rep_json_get(o, "id");
	if (!idv)
		return rep_err(err, REP_EINVAL, p->buf, "missing \"id\"");
	size_t mark = rep_jpath_key(p, "id", 2);
	if ((st = rep_jr_string(&s->id, idv, p, err)))
		return st;
	if (!valid_id(s->id, idv->len))
		return rep_err(err, REP_EINVAL, p->buf, "series id \"%.80s\" must be 1-%d letters, digits, '.', '_' or '-'",
			       s->id, MAX_ID);
	if (is_fx_id(s->id) && !valid_fx_id(s->id))
		return rep_err(err, REP_EINVAL, p->buf, "exchange-rate series id \"%s\" must be FX.AAA_BBB", s->id);
	rep_jpath_pop(p, mark);
	const rep_json *points = NULL;
	for (const rep_json *m = o->first; m; m = m->next) {
		mark = rep_jpath_key(p, m->key, m->key_len);
		const char **slot = NULL;
		if (key_is(m, "id")) {
			/* read above */
		} else if (key_is(m, "name")) {
			slot = &s->name;
		} else if (key_is(m, "unit")) {
			slot = &s->unit;
			set_at(L, &s->at_unit, p->buf);
		} else if (key_is(m, "description")) {
			slot = &s->description;
		} else if (key_is(m, "until")) {
			set_at(L, &s->at_until, p->buf);
			st = rep_jr_date(&s->until, m, p, err);
		} else if (key_is(m, "points")) {
			if (!(st = rep_jr_type(m, REP_JSON_ARRAY, "an array of points", p, err)))
				points = m;
		} else {
			rep_jpath_pop(p, mark);
			return rep_jr_unknown(m, p, "id, name, unit, until, description, points", err);
		}
		if (slot && !(st = rep_jr_string(slot, m, p, err)) && m->len > MAX_FIELD)
			st = rep_err(err, REP_ELIMIT, p->buf, "longer than %d bytes", MAX_FIELD);
		rep_jpath_pop(p, mark);
		if (st)
			return st;
	}
	if (points) {
		mark = rep_jpath_key(p, "points", 6);
		if (points->n == 0)
			return rep_err(err, REP_EINVAL, p->buf, "%s: no points", s->id);
		size_t i = 0;
		for (const rep_json *e = points->first; e; e = e->next, i++) {
			size_t m2 = rep_jpath_index(p, i);
			if ((st = json_point(L, s, e, p, err)))
				return st;
			rep_jpath_pop(p, m2);
		}
		rep_jpath_pop(p, mark);
	}
	if (!s->at_until)
		s->at_until = s->at_series;
	return check_series(s, err);
}

rep_status rep_series_parse_json(loading *L, const char *text, size_t len, rep_error *err)
{
	rep_json *root;
	rep_status st = rep_json_parse(&root, &L->tmp, text, len, err);
	if (st)
		return st;
	rep_jpath p;
	rep_jpath_init(&p);
	if (root->type != REP_JSON_ARRAY)
		return json_series(L, root, &p, err);
	if (root->n == 0)
		return rep_err(err, REP_EINVAL, NULL, "an empty array: no series to load");
	size_t i = 0;
	for (const rep_json *e = root->first; e; e = e->next, i++) {
		size_t mark = rep_jpath_index(&p, i);
		if ((st = json_series(L, e, &p, err)))
			return st;
		rep_jpath_pop(&p, mark);
	}
	return REP_OK;
}

/* ---- merging a loaded series over the one in the context ---- */

/* Gaps and unit clashes are refused before anything changes, so that a
 * file either loads completely or not at all. */
