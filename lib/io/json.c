#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <yajl/yajl_parse.h>

#include "internal.h"
#include "io/json.h"
#include "io/jsonl.h"

void rep_jpath_init(rep_jpath *p)
{
	p->buf[0] = '\0';
	p->len = 0;
}

static void jpath_append(rep_jpath *p, const char *s, size_t n)
{
	size_t room = sizeof p->buf - 1 - p->len;
	if (n > room)
		n = room;
	memcpy(p->buf + p->len, s, n);
	p->len += n;
	p->buf[p->len] = '\0';
}

static bool plain_key(const char *k, size_t n)
{
	if (n == 0)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = k[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
			return false;
	}
	return true;
}

size_t rep_jpath_key(rep_jpath *p, const char *key, size_t key_len)
{
	size_t mark = p->len;
	if (plain_key(key, key_len)) {
		if (p->len)
			jpath_append(p, ".", 1);
		jpath_append(p, key, key_len > 64 ? 64 : key_len);
		return mark;
	}
	/* odd keys are quoted, with anything unprintable shown as '?' */
	char q[80];
	size_t j = 0;
	q[j++] = '[';
	q[j++] = '"';
	for (size_t i = 0; i < key_len && j < sizeof q - 6; i++) {
		unsigned char c = (unsigned char)key[i];
		q[j++] = (c < 0x20 || c > 0x7e || c == '"' || c == '\\') ? '?' : (char)c;
	}
	if (key_len > 60)
		q[j++] = '.', q[j++] = '.';
	q[j++] = '"';
	q[j++] = ']';
	jpath_append(p, q, j);
	return mark;
}

size_t rep_jpath_index(rep_jpath *p, size_t i)
{
	size_t mark = p->len;
	/* by hand: a path is pushed for every array item read, snprintf costs more than the item */
	char b[32], *w = b + sizeof b;
	*--w = ']';
	do {
		*--w = (char)('0' + i % 10);
		i /= 10;
	} while (i);
	*--w = '[';
	jpath_append(p, w, (size_t)(b + sizeof b - w));
	return mark;
}

void rep_jpath_pop(rep_jpath *p, size_t mark)
{
	if (mark <= p->len) {
		p->len = mark;
		p->buf[mark] = '\0';
	}
}

const char *rep_json_type_name(rep_json_type t)
{
	static const char *const names[] = {"null", "a boolean", "a number", "a string", "an array", "an object"};
	return (unsigned)t < sizeof names / sizeof names[0] ? names[t] : "?";
}

rep_json *rep_json_get(const rep_json *obj, const char *key)
{
	if (!obj || obj->type != REP_JSON_OBJECT)
		return NULL;
	size_t n = strlen(key);
	for (rep_json *c = obj->first; c; c = c->next)
		if (c->key_len == n && memcmp(c->key, key, n) == 0)
			return c;
	return NULL;
}

/* Parser state: the stack of open containers and the pending member name. */
typedef struct builder {
	rep_arena *arena;
	rep_json *root;
	rep_json *stack[REP_JSON_MAX_DEPTH + 1];
	int depth;
	const char *key;
	size_t key_len;
	rep_status status;
	rep_error *err;
	size_t bytes, max_bytes; /* of the tree, bounded while it is built */
	yajl_handle h;
	size_t bad_escape; /* offset of a lone surrogate escape, or SIZE_MAX */
	bool utf8_ok;      /* the whole text is strict UTF-8: no string needs checking again */
	const char *text;  /* the text parsed: a key yajl passes from it is not copied */
	size_t text_len;
} builder;

static void builder_path(const builder *b, rep_jpath *p)
{
	rep_jpath_init(p);
	for (int i = 0; i < b->depth; i++) {
		const rep_json *c = b->stack[i];
		if (c->type == REP_JSON_OBJECT) {
			const char *k = i + 1 < b->depth ? b->stack[i + 1]->key : b->key;
			size_t kl = i + 1 < b->depth ? b->stack[i + 1]->key_len : b->key_len;
			if (k)
				rep_jpath_key(p, k, kl);
		} else if (c->n) {
			rep_jpath_index(p, i + 1 < b->depth ? c->n - 1 : c->n);
		} else {
			rep_jpath_index(p, 0);
		}
	}
}

static int fail(builder *b, rep_status st, const char *text)
{
	rep_jpath p;
	builder_path(b, &p);
	b->status = rep_err(b->err, st, p.buf, "%s", text);
	return 0;
}

/* Count what the tree takes (arena alignment included) against its bound. */
static bool charge(builder *b, size_t size)
{
	const size_t align = _Alignof(max_align_t);
	b->bytes += (size + align - 1) & ~(align - 1);
	if (b->bytes <= b->max_bytes)
		return true;
	char m[160];
	snprintf(m, sizeof m, "the JSON tree would take more than %d times the input's size (too many small values)",
		 REP_JSON_MAX_AMPLIFICATION);
	fail(b, REP_ELIMIT, m);
	return false;
}

static rep_json *add_node(builder *b, rep_json_type type)
{
	if (b->depth > 0 && b->stack[b->depth - 1]->type == REP_JSON_ARRAY &&
	    b->stack[b->depth - 1]->n >= REP_JSON_MAX_ITEMS) {
		fail(b, REP_ELIMIT, "more than 100000 elements in one array");
		return NULL;
	}
	if (!charge(b, sizeof(rep_json)))
		return NULL;
	rep_json *n = rep_arena_alloc(b->arena, sizeof *n);
	if (!n) {
		b->status = rep_err(b->err, REP_ENOMEM, NULL, "out of memory reading JSON");
		return NULL;
	}
	n->type = type;
	if (b->depth == 0) {
		b->root = n;
		return n;
	}
	rep_json *parent = b->stack[b->depth - 1];
	if (parent->type == REP_JSON_OBJECT) {
		n->key = b->key;
		n->key_len = b->key_len;
		b->key = NULL;
	}
	if (parent->last)
		parent->last->next = n;
	else
		parent->first = n;
	parent->last = n;
	parent->n++;
	return n;
}

static int on_null(void *ctx)
{
	return add_node(ctx, REP_JSON_NULL) != NULL;
}

static int on_bool(void *ctx, int v)
{
	rep_json *n = add_node(ctx, REP_JSON_BOOL);
	if (n)
		n->boolean = v != 0;
	return n != NULL;
}

/* Strict UTF-8 (RFC 3629): yajl checks the byte structure only, and lets
 * overlong forms, surrogates and code points above U+10FFFF through. */
static bool utf8_valid(const unsigned char *s, size_t n)
{
	return rep_utf8_check((const char *)s, n) == n;
}

/* yajl turns an escaped lone UTF-16 surrogate ("\ud800") into '?': the
 * raw text is scanned once before parsing, and the string that holds the
 * first such escape (the first one to end after it) is refused by path. */
static size_t lone_surrogate_at(const char *t, size_t len)
{
	if (!memchr(t, '\\', len)) /* most texts have no escape at all */
		return SIZE_MAX;
	bool in_string = false;
	for (size_t i = 0; i < len; i++) {
		if (t[i] == '"') {
			in_string = !in_string;
		} else if (in_string && t[i] == '\\' && i + 1 < len) {
			if (t[i + 1] != 'u') {
				i++;
				continue;
			}
			unsigned cp = 0;
			size_t k = 0;
			for (; k < 4 && i + 2 + k < len; k++) {
				char c = t[i + 2 + k];
				unsigned d = c >= '0' && c <= '9' ? (unsigned)(c - '0')
					     : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (unsigned)((c | 0x20) - 'a' + 10)
										     : 16;
				if (d == 16)
					break;
				cp = cp * 16 + d;
			}
			if (k < 4)
				return SIZE_MAX; /* malformed: yajl reports it */
			if (cp >= 0xDC00 && cp <= 0xDFFF)
				return i;
			if (cp >= 0xD800 && cp <= 0xDBFF) {
				size_t j = i + 6;
				unsigned lo = 0;
				bool pair = j + 5 < len && t[j] == '\\' && t[j + 1] == 'u';
				for (size_t m = 0; pair && m < 4; m++) {
					char c = t[j + 2 + m];
					unsigned d = c >= '0' && c <= '9' ? (unsigned)(c - '0')
						     : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (unsigned)((c | 0x20) - 'a' + 10)
											     : 16;
					pair = d < 16;
					lo = lo * 16 + d;
				}
				if (!pair || lo < 0xDC00 || lo > 0xDFFF)
					return i;
				i = j + 5;
				continue;
			}
			i += 5;
		}
	}
	return SIZE_MAX;
}

static bool lone_surrogate_here(builder *b)
{
	return b->bad_escape != SIZE_MAX && yajl_get_bytes_consumed(b->h) > b->bad_escape;
}

static int on_text(builder *b, rep_json_type t, const unsigned char *s, size_t len)
{
	if (t == REP_JSON_STRING && lone_surrogate_here(b))
		return fail(b, REP_ESYNTAX, "an escaped lone UTF-16 surrogate (\\ud800-\\udfff not in a pair) is not a "
					    "character");
	if (t == REP_JSON_STRING && !b->utf8_ok && !utf8_valid(s, len))
		return fail(b, REP_ESYNTAX, "invalid UTF-8 in a string");
	if (!charge(b, len + 1))
		return 0;
	char *copy = rep_arena_strndup(b->arena, (const char *)s, len);
	if (!copy) {
		b->status = rep_err(b->err, REP_ENOMEM, NULL, "out of memory reading JSON");
		return 0;
	}
	rep_json *n = add_node(b, t);
	if (n) {
		n->text = copy;
		n->len = len;
	}
	return n != NULL;
}

static int on_number(void *ctx, const char *s, size_t len)
{
	return on_text(ctx, REP_JSON_NUMBER, (const unsigned char *)s, len);
}

static int on_string(void *ctx, const unsigned char *s, size_t len)
{
	return on_text(ctx, REP_JSON_STRING, s, len);
}

static int open_container(builder *b, rep_json_type t)
{
	if (b->depth >= REP_JSON_MAX_DEPTH)
		return fail(b, REP_ELIMIT, "nesting deeper than 32 levels");
	rep_json *n = add_node(b, t);
	if (!n)
		return 0;
	b->stack[b->depth++] = n;
	return 1;
}

static int on_start_map(void *ctx)
{
	return open_container(ctx, REP_JSON_OBJECT);
}

static int on_start_array(void *ctx)
{
	return open_container(ctx, REP_JSON_ARRAY);
}

static int on_end(void *ctx)
{
	builder *b = ctx;
	b->depth--;
	return 1;
}

static int on_key(void *ctx, const unsigned char *s, size_t len)
{
	builder *b = ctx;
	rep_json *obj = b->stack[b->depth - 1];
	b->key = NULL;
	if (lone_surrogate_here(b)) {
		b->key = (const char *)s;
		b->key_len = len;
		return fail(b, REP_ESYNTAX, "an escaped lone UTF-16 surrogate (\\ud800-\\udfff not in a pair) is not a "
					    "character");
	}
	if (!b->utf8_ok && !utf8_valid(s, len))
		return fail(b, REP_ESYNTAX, "invalid UTF-8 in a key");
	b->key = (const char *)s;
	b->key_len = len;
	if (obj->n >= REP_JSON_MAX_KEYS)
		return fail(b, REP_ELIMIT, "more than 1000 keys in one object");
	for (rep_json *c = obj->first; c; c = c->next)
		if (c->key_len == len && memcmp(c->key, s, len) == 0)
			return fail(b, REP_EINVAL, "duplicate key (each key may appear once in an object)");
	/* a key without escapes is passed from the text, which outlives the tree; a decoded one is yajl's, reused */
	const char *k = (const char *)s;
	uintptr_t at = (uintptr_t)k, start = (uintptr_t)b->text;
	if (at >= start && len <= b->text_len && at - start <= b->text_len - len)
		return 1;
	if (!charge(b, len + 1))
		return 0;
	char *copy = rep_arena_strndup(b->arena, k, len);
	if (!copy) {
		b->status = rep_err(b->err, REP_ENOMEM, NULL, "out of memory reading JSON");
		return 0;
	}
	b->key = copy;
	return 1;
}

static const yajl_callbacks callbacks = {
	.yajl_null = on_null,
	.yajl_boolean = on_bool,
	.yajl_number = on_number,
	.yajl_string = on_string,
	.yajl_start_map = on_start_map,
	.yajl_map_key = on_key,
	.yajl_end_map = on_end,
	.yajl_start_array = on_start_array,
	.yajl_end_array = on_end,
};

static const char *lexical_reason(const char *yerr)
{
	if (strstr(yerr, "UTF8"))
		return "invalid UTF-8 in a string";
	if (strstr(yerr, "premature EOF") || strstr(yerr, "incomplete"))
		return "the JSON text ends too early";
	if (strstr(yerr, "trailing garbage"))
		return "text after the end of the JSON value";
	if (strstr(yerr, "invalid character inside string"))
		return "invalid character in a JSON string (control characters must be escaped)";
	return NULL;
}

/* Where byte `at` of `text` is, for a person with an editor: 1-based line,
 * and column in characters (UTF-8 code points) within that line. */
static void line_column(const char *text, size_t at, size_t *line, size_t *col)
{
	*line = 1;
	*col = 1;
	for (size_t i = 0; i < at; i++) {
		if (text[i] == '\n') {
			++*line;
			*col = 1;
		} else if (((unsigned char)text[i] & 0xC0) != 0x80) {
			++*col;
		}
	}
}

rep_status rep_json_parse(rep_json **out, rep_arena *arena, const char *text, size_t len, rep_error *err)
{
	*out = NULL;
	/* a UTF-8 byte-order mark, which Windows editors write, is not part of the JSON text */
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3;
		len -= 3;
	}
	if (len > REP_JSON_MAX_BYTES)
		return rep_err(err, REP_ELIMIT, NULL, "JSON text of %zu bytes exceeds the limit of %u bytes", len,
			       REP_JSON_MAX_BYTES);
	builder b = {.arena = arena, .status = REP_OK, .err = err,
		     .max_bytes = (size_t)REP_JSON_MAX_AMPLIFICATION * len + REP_JSON_BASE_BYTES,
		     .bad_escape = lone_surrogate_at(text, len), .utf8_ok = rep_utf8_check(text, len) == len,
		     .text = text, .text_len = len};
	/* yajl's default allocator: yajl does not check its own allocations, so
	 * failing them (fault injection) would crash it; like GMP's, they stay
	 * outside what the library can report as REP_ENOMEM. */
	yajl_handle h = yajl_alloc(&callbacks, NULL, &b);
	if (!h)
		return rep_err(err, REP_ENOMEM, NULL, "out of memory reading JSON");
	b.h = h;
	yajl_status ys = yajl_parse(h, (const unsigned char *)text, len);
	bool at_end = false;
	if (ys == yajl_status_ok) {
		ys = yajl_complete_parse(h);
		at_end = true;
	}
	if (ys != yajl_status_ok && b.status == REP_OK) {
		unsigned char *msg = yajl_get_error(h, 0, (const unsigned char *)text, len);
		size_t at = at_end ? len : yajl_get_bytes_consumed(h);
		rep_jpath p;
		builder_path(&b, &p);
		const char *why = len == 0 ? "empty input: a JSON object was expected"
				  : msg    ? lexical_reason((const char *)msg)
					   : NULL;
		char yerr[160] = "";
		if (msg) {
			snprintf(yerr, sizeof yerr, "%s", (const char *)msg);
			yerr[strcspn(yerr, "\n")] = '\0';
		}
		size_t line, col;
		line_column(text, at, &line, &col);
		if (len == 0)
			b.status = rep_err(err, REP_ESYNTAX, p.buf, "%s", why);
		else if (why)
			b.status = rep_err(err, REP_ESYNTAX, p.buf, "%s (line %zu, column %zu)", why, line, col);
		else
			b.status = rep_err(err, REP_ESYNTAX, p.buf, "malformed JSON (%s, line %zu, column %zu)",
					   msg ? yerr : "parse error", line, col);
		if (msg)
			yajl_free_error(h, msg);
	}
	yajl_free(h);
	if (b.status != REP_OK)
		return b.status;
	*out = b.root;
	return REP_OK;
}

/* ---- one member of a text that may not parse ---- */

typedef struct sniffer {
	const char *key;
	size_t key_len;
	int depth;
	bool want;                /* the last key at depth 1 was the one looked for */
	char *out;
	size_t cap;
	bool found;
} sniffer;

static int sn_value(void *ctx)
{
	((sniffer *)ctx)->want = false;
	return 1;
}
static int sn_bool(void *ctx, int v)
{
	(void)v;
	return sn_value(ctx);
}
static int sn_number(void *ctx, const char *s, size_t len)
{
	(void)s, (void)len;
	return sn_value(ctx);
}
static int sn_string(void *ctx, const unsigned char *s, size_t len)
{
	sniffer *f = ctx;
	if (f->depth != 1 || !f->want)
		return 1;
	f->want = false;
	/* a value that does not fit, or holds a NUL (\u0000), is not an id to show */
	if (len >= f->cap || memchr(s, '\0', len))
		return 1;
	memcpy(f->out, s, len);
	f->out[len] = '\0';
	f->found = true;
	return 0; /* found: stop reading */
}
static int sn_open(void *ctx)
{
	sniffer *f = ctx;
	f->want = false;
	f->depth++;
	return 1;
}
static int sn_close(void *ctx)
{
	sniffer *f = ctx;
	f->depth--;
	return 1;
}
static int sn_key(void *ctx, const unsigned char *s, size_t len)
{
	sniffer *f = ctx;
	f->want = f->depth == 1 && len == f->key_len && memcmp(s, f->key, len) == 0;
	return 1;
}

static const yajl_callbacks sniff_callbacks = {
	.yajl_null = sn_value,
	.yajl_boolean = sn_bool,
	.yajl_number = sn_number,
	.yajl_string = sn_string,
	.yajl_start_map = sn_open,
	.yajl_map_key = sn_key,
	.yajl_end_map = sn_close,
	.yajl_start_array = sn_open,
	.yajl_end_array = sn_close,
};

bool rep_json_sniff_string(const char *text, size_t len, const char *key, char *out, size_t cap)
{
	sniffer f = {.key = key, .key_len = strlen(key), .out = out, .cap = cap};
	if (cap)
		out[0] = '\0';
	if (!text || !cap)
		return false;
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) { /* as rep_json_parse */
		text += 3;
		len -= 3;
	}
	yajl_handle h = yajl_alloc(&sniff_callbacks, NULL, &f);
	if (!h)
		return false;
	/* the events up to the first syntax error are delivered: that is the point */
	yajl_parse(h, (const unsigned char *)text, len);
	yajl_free(h);
	return f.found;
}
