/* A small JSON tree read with yajl's event interface. It exists because the
 * readers of cases, schemes and series need what no Debian JSON library
 * gives in one piece: number lexemes kept as text (money never becomes a
 * double), duplicate keys rejected, depth and size bounded, and every error
 * named by its JSON path. Nodes live in one arena. */
#ifndef REP_JSON_H
#define REP_JSON_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "reparations/status.h"

#define REP_JSON_MAX_DEPTH 32
#define REP_JSON_MAX_BYTES (16u << 20)
#define REP_JSON_MAX_KEYS 1000 /* keys in one object */
#define REP_JSON_MAX_ITEMS 100000 /* elements in one array (a series file's points) */
/* The tree may take at most this many times the input's bytes (plus
 * REP_JSON_BASE_BYTES): a node costs ~80 bytes, so 16 MiB of "[0,0,...]"
 * would otherwise take over 800 MB before any reader looks at it. Real
 * cases, schemes and series take 6 to 8 times their size. */
#define REP_JSON_MAX_AMPLIFICATION 16
#define REP_JSON_BASE_BYTES (64u << 10)

typedef enum rep_json_type {
	REP_JSON_NULL,
	REP_JSON_BOOL,
	REP_JSON_NUMBER,
	REP_JSON_STRING,
	REP_JSON_ARRAY,
	REP_JSON_OBJECT
} rep_json_type;

typedef struct rep_json rep_json;
struct rep_json {
	rep_json_type type;
	bool boolean;
	const char *text; /* string value (NUL-terminated, may contain \u0000 as len says) or number lexeme */
	size_t len;
	const char *key;  /* member name when the parent is an object: key_len bytes, not NUL-terminated, in the
			   * text parsed (which must outlive the tree) or, when it had escapes, in the arena */
	size_t key_len;
	size_t n;         /* children of an array or object */
	rep_json *first, *last, *next;
};

/* Parse `len` bytes into a tree allocated from `arena` (released by the
 * caller, also on error). */
rep_status rep_json_parse(rep_json **out, rep_arena *arena, const char *text, size_t len, rep_error *err);

/* The string value of the member `key` of the top-level object of `text`,
 * read as far as the text is valid JSON: it is found in a text whose syntax
 * breaks after it (the id of a malformed JSON Lines line, for its error
 * row). Copies it into out (NUL-terminated) and returns true; false (out "")
 * when the text has no such member before its first error, the value is not
 * a string, or does not fit in cap bytes. */
bool rep_json_sniff_string(const char *text, size_t len, const char *key, char *out, size_t cap);

const char *rep_json_type_name(rep_json_type t);
/* The member `key` of an object, or NULL. */
rep_json *rep_json_get(const rep_json *obj, const char *key);

/* A JSON path being walked ("harms[0].amount"), for error messages. */
typedef struct rep_jpath {
	char buf[REP_ERROR_PATH_MAX];
	size_t len;
} rep_jpath;

void rep_jpath_init(rep_jpath *p);
/* Push ".key" (or "key" at the root) / "[i]"; return the previous length for rep_jpath_pop. */
size_t rep_jpath_key(rep_jpath *p, const char *key, size_t key_len);
size_t rep_jpath_index(rep_jpath *p, size_t i);
void rep_jpath_pop(rep_jpath *p, size_t mark);

#endif
