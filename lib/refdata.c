/* Reference series: the built-in tables (generated from the CSV files in data/), lookups
 * by date, user series in CSV or JSON merged over them, and exchange rates.
 * Everything that allocates happens while loading; lookups only read, so
 * any number of threads may look up in one loaded context. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "context_internal.h"
#include "internal.h"
#include "io/json.h"
#include "io/json_read.h"
#include "reparations/money.h"

/* Documented limits (docs/refdata.md). */
#define MAX_POINTS 100000          /* points in one loaded file */
#define MAX_TEXT ((size_t)16 << 20) /* bytes of CSV text (JSON has REP_JSON_MAX_BYTES) */
#define MAX_FIELD 4096             /* bytes in a name, unit, description or source */
#define MAX_ID 64                  /* bytes in a series id */

static const char csv_header[] = "from,value,confidence,source";
static const char *const confidences[] = {"verified", "secondary", "unverified"};

/* ---- the series table ---- */

static int cmp_def(const void *a, const void *b)
{
	return strcmp((*(const rep_series_def *const *)a)->id, (*(const rep_series_def *const *)b)->id);
}

/* The series `id`, or NULL; *pos (may be NULL) gets its index or where it would go. */
static const rep_series_def *find(const rep_context *ctx, const char *id, size_t *pos)
{
	size_t lo = 0, hi = ctx->n_series;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(ctx->series[mid]->id, id);
		if (c == 0) {
			if (pos)
				*pos = mid;
			return ctx->series[mid];
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (pos)
		*pos = lo;
	return NULL;
}

rep_status rep_refdata_init(rep_context *ctx, rep_error *err)
{
	if (!ctx)
		return rep_err(err, REP_EUSAGE, NULL, "rep_refdata_init: NULL context");
	size_t n = rep_builtin_series_count, cap = n + 8;
	const rep_series_def **s = rep_malloc(cap * sizeof *s);
	if (!s)
		return rep_err(err, REP_ENOMEM, NULL, "out of memory");
	for (size_t i = 0; i < n; i++)
		s[i] = rep_builtin_series[i];
	/* the generator sorts already; sorting again costs nothing and keeps find() honest */
	qsort(s, n, sizeof *s, cmp_def);
	ctx->series = s;
	ctx->n_series = n;
	ctx->cap_series = cap;
	ctx->fx = NULL;
	ctx->n_fx = ctx->cap_fx = 0;
	return REP_OK;
}

/* The strings and merged series live in ctx->arena, which the context releases. */
void rep_refdata_release(rep_context *ctx)
{
	if (!ctx)
		return;
	rep_free(ctx->series);
	rep_free(ctx->fx);
	ctx->series = NULL;
	ctx->fx = NULL;
	ctx->n_series = ctx->cap_series = ctx->n_fx = ctx->cap_fx = 0;
}

static void fill_info(rep_series_info *info, const rep_series_def *s)
{
	info->id = s->id;
	info->name = s->name;
	info->unit = s->unit;
	info->description = s->description;
	info->until = s->until;
	info->n_points = s->n_points;
	info->user_loaded = s->user_loaded;
}

size_t rep_series_count(const rep_context *ctx)
{
	return ctx ? ctx->n_series : 0;
}

rep_status rep_series_at(const rep_context *ctx, size_t i, rep_series_info *info)
{
	if (!ctx || !info)
		return REP_EUSAGE;
	if (i >= ctx->n_series)
		return REP_EINVAL;
	fill_info(info, ctx->series[i]);
	return REP_OK;
}

rep_status rep_series_find(const rep_context *ctx, const char *id, rep_series_info *info)
{
	if (!ctx || !id || !info)
		return REP_EUSAGE;
	const rep_series_def *s = find(ctx, id, NULL);
	if (!s)
		return REP_ENOTFOUND;
	fill_info(info, s);
	return REP_OK;
}

rep_status rep_series_point_at(const rep_context *ctx, const char *id, size_t i, rep_series_point *pt)
{
	if (!ctx || !id || !pt)
		return REP_EUSAGE;
	const rep_series_def *s = find(ctx, id, NULL);
	if (!s)
		return REP_ENOTFOUND;
	if (i >= s->n_points)
		return REP_EINVAL;
	*pt = s->points[i];
	return REP_OK;
}

/* Index of the last point with from <= d; the caller knows points[0].from <= d. */
static size_t point_index(const rep_series_def *s, rep_date d)
{
	size_t lo = 0, hi = s->n_points;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->points[mid].from <= d)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* The point in force on d, or NULL when d lies outside the series. */
static const rep_series_point *point_on(const rep_series_def *s, rep_date d)
{
	if (s->n_points == 0 || d < s->points[0].from || d > s->until)
		return NULL;
	return &s->points[point_index(s, d)];
}

static bool date_ok(rep_date d)
{
	return d >= REP_DATE_MIN && d <= REP_DATE_MAX;
}

rep_status rep_series_lookup(const rep_context *ctx, const char *id, rep_date date, mpq_t value,
			     rep_series_point *pt, rep_error *err)
{
	if (!ctx || !id || !value)
		return rep_err(err, REP_EUSAGE, NULL, "rep_series_lookup: NULL context, series id or value");
	const rep_series_def *s = find(ctx, id, NULL);
	if (!s)
		return rep_err(err, REP_ENOTFOUND, NULL, "unknown reference series \"%.100s\"", id);
	if (!date_ok(date))
		return rep_err(err, REP_EINVAL, NULL, "%s: no valid date to look up", s->id);
	const rep_series_point *p = point_on(s, date);
	if (!p) {
		char d[REP_DATE_TEXT_SIZE], a[REP_DATE_TEXT_SIZE], b[REP_DATE_TEXT_SIZE];
		rep_date_format(date, d);
		rep_date_format(s->n_points ? s->points[0].from : s->until, a);
		rep_date_format(s->until, b);
		return rep_err(err, REP_ENODATA, NULL, "%s has no value for %s (covers %s..%s)", s->id, d, a, b);
	}
	/* every stored value was checked when it was generated or loaded */
	if (rep_dec_parse(value, p->value, err))
		return rep_err(err, REP_EINVAL, NULL, "%s: stored value \"%s\" is not a decimal", s->id, p->value);
	if (pt)
		*pt = *p;
	return REP_OK;
}

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

static bool is_code(const char *s)
{
	return s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' && s[2] >= 'A' && s[2] <= 'Z';
}

/* Exchange-rate series must be named so that rep_fx_lookup can find them. */
static bool valid_fx_id(const char *s)
{
	return strlen(s) == 10 && strncmp(s, "FX.", 3) == 0 && is_code(s + 3) && s[6] == '_' && is_code(s + 7);
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

typedef struct loaded {
	const char *id, *name, *unit, *description; /* in the temporary arena; NULL when absent */
	rep_date until;
	rep_series_point *points; /* rep_malloc'd */
	size_t n, cap;
	/* where to point an error: "line 3" or a JSON path (NULL: nowhere) */
	const char *at_series, *at_unit, *at_first, *at_until;
} loaded;

typedef struct loading {
	rep_arena tmp;
	loaded *s;
	size_t n, cap;
	size_t total_points;
} loading;

static void loading_free(loading *L)
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

static rep_status csv_parse(loading *L, const char *text, size_t len, rep_error *err)
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

static rep_status json_parse(loading *L, const char *text, size_t len, rep_error *err)
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
static rep_status check_merge(const rep_context *ctx, const loaded *s, rep_error *err)
{
	const rep_series_def *b = find(ctx, s->id, NULL);
	if (!b) {
		if (!s->unit)
			return rep_err(err, REP_EINVAL, s->at_series, "%s: a new series needs a unit", s->id);
		return REP_OK;
	}
	if (s->unit && strcmp(s->unit, b->unit) != 0)
		return rep_err(err, REP_EINVAL, s->at_unit, "%s: unit \"%.100s\" differs from the existing unit \"%s\"",
			       s->id, s->unit, b->unit);
	if (b->n_points == 0)
		return REP_OK;
	char x[REP_DATE_TEXT_SIZE], y[REP_DATE_TEXT_SIZE];
	if (s->points[0].from > b->until + 1) {
		rep_date_format(s->points[0].from, x);
		rep_date_format(b->until, y);
		return rep_err(err, REP_EINVAL, s->at_first,
			       "%s: the loaded points start on %s, leaving a gap after the existing data, which ends %s",
			       s->id, x, y);
	}
	if (s->until + 1 < b->points[0].from) {
		rep_date_format(s->until, x);
		rep_date_format(b->points[0].from, y);
		return rep_err(err, REP_EINVAL, s->at_until,
			       "%s: the loaded data ends %s, leaving a gap before the existing data, which starts %s",
			       s->id, x, y);
	}
	return REP_OK;
}

/* A copy in the context's arena; a run of equal sources is stored once. */
static const char *keep(rep_arena *a, const char *s, const char **prev_in, const char **prev_out)
{
	if (*prev_in && strcmp(*prev_in, s) == 0)
		return *prev_out;
	*prev_in = s;
	return *prev_out = rep_arena_strdup(a, s);
}

/* The loaded points replace the existing ones on [first point, until]; the
 * existing data goes on before and after, resuming on until + 1 with the
 * value then in force. */
static rep_status merge(rep_series_def **out, rep_context *ctx, const loaded *s, rep_error *err)
{
	rep_arena *a = &ctx->arena;
	const rep_series_def *b = find(ctx, s->id, NULL);
	rep_date u0 = s->points[0].from, u1 = s->until;
	size_t before = 0, resume = 0, after = 0;
	if (b && b->n_points) {
		while (before < b->n_points && b->points[before].from < u0)
			before++;
		if (b->until > u1) {
			resume = point_index(b, u1 + 1);
			after = b->n_points - resume;
		}
	}
	size_t n = before + s->n + after;
	rep_series_def *d = rep_arena_alloc(a, sizeof *d);
	rep_series_point *pts = rep_arena_alloc(a, n * sizeof *pts);
	if (!d || !pts)
		return rep_err(err, REP_ENOMEM, NULL, "out of memory");
	for (size_t i = 0; i < before; i++)
		pts[i] = b->points[i];
	const char *pi = NULL, *po = NULL;
	for (size_t i = 0; i < s->n; i++) {
		rep_series_point p = s->points[i];
		p.value = rep_arena_strdup(a, p.value);
		p.source = keep(a, p.source, &pi, &po);
		if (!p.value || !p.source)
			return rep_err(err, REP_ENOMEM, NULL, "out of memory");
		pts[before + i] = p;
	}
	for (size_t i = 0; i < after; i++) {
		rep_series_point p = b->points[resume + i];
		if (i == 0)
			p.from = u1 + 1;
		pts[before + s->n + i] = p;
	}
	d->id = b ? b->id : rep_arena_strdup(a, s->id);
	d->name = s->name ? rep_arena_strdup(a, s->name) : b ? b->name : d->id;
	d->unit = s->unit ? rep_arena_strdup(a, s->unit) : b->unit;
	d->description = s->description ? rep_arena_strdup(a, s->description) : b ? b->description : "";
	if (!d->id || !d->name || !d->unit || !d->description)
		return rep_err(err, REP_ENOMEM, NULL, "out of memory");
	d->until = b && b->until > u1 ? b->until : u1;
	d->points = pts;
	d->n_points = n;
	d->user_loaded = 1;
	*out = d;
	return REP_OK;
}

static int cmp_loaded(const void *a, const void *b)
{
	const loaded *x = *(const loaded *const *)a, *y = *(const loaded *const *)b;
	int c = strcmp(x->id, y->id);
	return c ? c : x < y ? -1 : x > y;
}

rep_status rep_context_load_series(rep_context *ctx, const char *text, size_t len, const char *format,
				   rep_error *err)
{
	if (!ctx || (!text && len) || !format)
		return rep_err(err, REP_EUSAGE, NULL, "rep_context_load_series: NULL context, text or format");
	bool csv = strcmp(format, "csv") == 0;
	if (!csv && strcmp(format, "json") != 0)
		return rep_err(err, REP_EINVAL, NULL, "unknown series format \"%.20s\" (expected csv or json)", format);
	if (!text)
		text = "";
	loading L = {0};
	rep_arena_init(&L.tmp, 0);
	rep_series_def **defs = NULL;
	const rep_series_def **table = NULL;
	rep_status st = csv ? csv_parse(&L, text, len, err) : json_parse(&L, text, len, err);
	if (!st && !(defs = rep_malloc(L.n * sizeof *defs)))
		st = rep_err(err, REP_ENOMEM, NULL, "out of memory");
	if (!st && L.n > 1) {
		/* sorted, a repeated id sits next to its twin, and the file order names the later one */
		const loaded **order = rep_malloc(L.n * sizeof *order);
		if (!order)
			st = rep_err(err, REP_ENOMEM, NULL, "out of memory");
		for (size_t i = 0; order && i < L.n; i++)
			order[i] = &L.s[i];
		if (order)
			qsort(order, L.n, sizeof *order, cmp_loaded);
		for (size_t i = 1; order && !st && i < L.n; i++)
			if (strcmp(order[i]->id, order[i - 1]->id) == 0)
				st = rep_err(err, REP_EINVAL, order[i]->at_series, "series %s appears twice in one file",
					     order[i]->id);
		rep_free(order);
	}
	for (size_t i = 0; !st && i < L.n; i++)
		st = check_merge(ctx, &L.s[i], err);
	for (size_t i = 0; !st && i < L.n; i++)
		st = merge(&defs[i], ctx, &L.s[i], err);
	if (!st)
		qsort(defs, L.n, sizeof *defs, cmp_def);
	size_t cap = ctx->n_series + L.n + 8;
	if (!st && !(table = rep_malloc(cap * sizeof *table)))
		st = rep_err(err, REP_ENOMEM, NULL, "out of memory");
	if (!st) {
		/* a merge of two sorted lists; the table changes all at once or not at all */
		size_t i = 0, j = 0, k = 0;
		while (i < ctx->n_series || j < L.n) {
			int c = i == ctx->n_series ? 1 : j == L.n ? -1 : strcmp(ctx->series[i]->id, defs[j]->id);
			if (c < 0)
				table[k++] = ctx->series[i++];
			else if (c > 0)
				table[k++] = defs[j++];
			else
				table[k++] = defs[j++], i++;
		}
		rep_free(ctx->series);
		ctx->series = table;
		ctx->n_series = k;
		ctx->cap_series = cap;
	}
	rep_free(defs);
	loading_free(&L);
	return st;
}

/* ---- exchange rates ---- */

static rep_status parse_code(char out[4], const char *s, rep_error *err)
{
	if (!s || strlen(s) != 3 || !is_code(s))
		return rep_err(err, REP_EINVAL, NULL, "\"%.20s\" is not a currency code (three capital letters, ISO 4217)",
			       s ? s : "");
	memcpy(out, s, 4);
	return REP_OK;
}

rep_status rep_context_set_fx(rep_context *ctx, const char *pair, const char *rate, rep_date from,
			      const char *source, rep_error *err)
{
	if (!ctx || !pair || !rate)
		return rep_err(err, REP_EUSAGE, NULL, "rep_context_set_fx: NULL context, pair or rate");
	if (strlen(pair) != 7 || pair[3] != '/' || !is_code(pair) || !is_code(pair + 4))
		return rep_err(err, REP_EINVAL, NULL, "currency pair \"%.20s\" is not of the form EUR/KZT", pair);
	rep_fx_rate r;
	memcpy(r.from, pair, 3);
	memcpy(r.to, pair + 4, 3);
	r.from[3] = r.to[3] = '\0';
	if (strcmp(r.from, r.to) == 0)
		return rep_err(err, REP_EINVAL, NULL, "currency pair %s names one currency twice", pair);
	if (from != REP_DATE_NONE && !date_ok(from))
		return rep_err(err, REP_EINVAL, NULL, "%s: the date is outside 1900-01-01..2199-12-31", pair);
	if (source && strlen(source) > MAX_FIELD)
		return rep_err(err, REP_ELIMIT, NULL, "%s: source longer than %d bytes", pair, MAX_FIELD);
	mpq_t q;
	mpq_init(q);
	rep_status st = rep_dec_parse(q, rate, err);
	int sign = mpq_sgn(q);
	mpq_clear(q);
	if (st)
		return rep_err_at(err, pair);
	if (sign <= 0)
		return rep_err(err, REP_EINVAL, pair, "an exchange rate must be positive, got %.40s", rate);
	r.date = from;
	r.rate = rep_arena_strdup(&ctx->arena, rate);
	r.source = rep_arena_strdup(&ctx->arena, source ? source : "user-supplied");
	if (!r.rate || !r.source)
		return rep_err(err, REP_ENOMEM, NULL, "out of memory");
	for (size_t i = 0; i < ctx->n_fx; i++) {
		rep_fx_rate *e = &ctx->fx[i];
		if (strcmp(e->from, r.from) == 0 && strcmp(e->to, r.to) == 0 && e->date == r.date) {
			*e = r; /* setting the same pair and date again corrects it */
			return REP_OK;
		}
	}
	if (ctx->n_fx == ctx->cap_fx) {
		size_t cap = ctx->cap_fx ? 2 * ctx->cap_fx : 8;
		rep_fx_rate *f = rep_realloc(ctx->fx, cap * sizeof *f);
		if (!f)
			return rep_err(err, REP_ENOMEM, NULL, "out of memory");
		ctx->fx = f;
		ctx->cap_fx = cap;
	}
	ctx->fx[ctx->n_fx++] = r;
	return REP_OK;
}

/* The user rate for from/to that applies on `date`: the one with the latest
 * date not after it, a rate without a date counting as the earliest. */
static const rep_fx_rate *user_rate(const rep_context *ctx, const char *from, const char *to, rep_date date)
{
	const rep_fx_rate *best = NULL;
	for (size_t i = 0; i < ctx->n_fx; i++) {
		const rep_fx_rate *r = &ctx->fx[i];
		if (strcmp(r->from, from) != 0 || strcmp(r->to, to) != 0)
			continue;
		if (r->date != REP_DATE_NONE && r->date > date)
			continue;
		if (!best || r->date > best->date)
			best = r;
	}
	return best;
}

static const rep_series_point *fx_point(const rep_context *ctx, const char *from, const char *to, rep_date date)
{
	/* "FX.EUR_KZT" by hand: every conversion of every estimate asks */
	char id[16];
	size_t fl = strlen(from), tl = strlen(to);
	if (fl + tl + 5 > sizeof id)
		return NULL;
	memcpy(id, "FX.", 3);
	memcpy(id + 3, from, fl);
	id[3 + fl] = '_';
	memcpy(id + 4 + fl, to, tl + 1);
	const rep_series_def *s = find(ctx, id, NULL);
	return s ? point_on(s, date) : NULL;
}

/* A cross rate has no stored text of its own, and a lookup must not write
 * to the context, so its provenance is a fixed phrase. */
static const char cross_source[] =
	"cross rate via USD: FROM/USD x USD/TO from stored rates (see those FX series or user rates)";

/* One conversion from -> to without a third currency: a user rate either
 * way, then a stored series either way. Sets rate and pt; false if none.
 * An inverse keeps the stored point (its value is the reverse pair's rate):
 * its source is the provenance a reader needs, and the rate shows the inversion. */
static bool fx_leg(const rep_context *ctx, const char *from, const char *to, rep_date date, mpq_t rate,
		   rep_series_point *pt)
{
	for (int inverse = 0; inverse < 2; inverse++) {
		const rep_fx_rate *u = inverse ? user_rate(ctx, to, from, date) : user_rate(ctx, from, to, date);
		if (u && !rep_dec_parse(rate, u->rate, NULL) && mpq_sgn(rate) > 0) {
			/* an undated rate is in force on every date, so on this one */
			*pt = (rep_series_point){u->date == REP_DATE_NONE ? date : u->date, u->rate, "unverified", u->source};
			if (inverse)
				mpq_inv(rate, rate);
			return true;
		}
	}
	for (int inverse = 0; inverse < 2; inverse++) {
		const rep_series_point *p = inverse ? fx_point(ctx, to, from, date) : fx_point(ctx, from, to, date);
		if (p && !rep_dec_parse(rate, p->value, NULL) && mpq_sgn(rate) > 0) {
			*pt = *p;
			if (inverse)
				mpq_inv(rate, rate);
			return true;
		}
	}
	return false;
}

static int rank(const char *confidence)
{
	if (confidence && strcmp(confidence, "verified") == 0)
		return 2;
	if (confidence && strcmp(confidence, "secondary") == 0)
		return 1;
	return 0;
}

rep_status rep_fx_lookup(const rep_context *ctx, const char *from, const char *to, rep_date date, mpq_t rate,
			 rep_series_point *pt, rep_error *err)
{
	if (!ctx)
		return rep_err(err, REP_EUSAGE, NULL, "rep_fx_lookup: NULL context");
	char f[4], t[4];
	rep_status st;
	if ((st = parse_code(f, from, err)) || (st = parse_code(t, to, err)))
		return st;
	if (!date_ok(date))
		return rep_err(err, REP_EINVAL, NULL, "%s/%s: no valid date to look up", f, t);
	rep_series_point p;
	if (strcmp(f, t) == 0) {
		mpq_set_ui(rate, 1, 1);
		p = (rep_series_point){date, "1", "verified", "same currency"};
	} else if (!fx_leg(ctx, f, t, date, rate, &p)) {
		bool found = false;
		if (strcmp(f, "USD") != 0 && strcmp(t, "USD") != 0) {
			mpq_t r2;
			mpq_init(r2);
			rep_series_point p2;
			if (fx_leg(ctx, f, "USD", date, rate, &p) && fx_leg(ctx, "USD", t, date, r2, &p2)) {
				mpq_mul(rate, rate, r2);
				/* the weaker leg speaks for the pair; the later leg says since when */
				if (rank(p2.confidence) < rank(p.confidence))
					p.confidence = p2.confidence;
				if (p2.from > p.from)
					p.from = p2.from;
				p.value = "";
				p.source = cross_source;
				found = true;
			}
			mpq_clear(r2);
		}
		if (!found) {
			char d[REP_DATE_TEXT_SIZE];
			rep_date_format(date, d);
			return rep_err(err, REP_ENODATA, NULL, "no exchange rate %s/%s for %s", f, t, d);
		}
	}
	if (pt)
		*pt = p;
	return REP_OK;
}
