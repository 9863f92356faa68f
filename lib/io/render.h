/* Pieces of the renderers shared by estimates and comparisons. */
#ifndef REP_RENDER_H
#define REP_RENDER_H

#include <yajl/yajl_gen.h>

#include "buf.h"
#include "estimate_internal.h"
#include "i18n.h"

struct rep_render_opts {
	int lang;
	unsigned width;
	bool human;
	const rep_case *c;
};

/* One render call: the options in force and its translation session. */
typedef struct rep_rctx {
	rep_tr tr;
	unsigned width;  /* table columns, >= 40 */
	bool human;
	const rep_case *c;
} rep_rctx;

void rep_rctx_init(rep_rctx *r, const rep_render_opts *o);
void rep_rctx_release(rep_rctx *r);
/* The renderer's own words, and a text from the engine or a scheme. */
#define RT(r, s) rep_tr_ui(&(r)->tr, s)
#define RD(r, s) rep_tr_text(&(r)->tr, s)
/* Finish a render: REP_ENOMEM only when an allocation failed. */
rep_status rep_render_finish(rep_rctx *r, rep_buf *b, rep_status st, char **out, size_t *len, rep_error *err);

/* A yajl generator using the library's allocator, pretty-printed. */
yajl_gen rep_json_gen_new(void);
void rep_json_str(yajl_gen g, const char *s);
void rep_json_kv(yajl_gen g, const char *k, const char *v);
/* r may be NULL (no translation). */
void rep_json_estimate(yajl_gen g, const rep_estimate *e, rep_rctx *r);
/* Mark the provenance an estimate quotes (reference and figure sources) as
 * the user's own text: shown as written, never flagged. */
void rep_exempt_sources(rep_rctx *r, const rep_estimate *e);
/* The "lang" and "untranslated" members of a translated document. */
void rep_json_lang(yajl_gen g, rep_rctx *r);
/* Append the generator's text to b; REP_EINVAL if the generator failed. */
rep_status rep_json_gen_finish(yajl_gen g, rep_buf *b);

/* Text made safe for a terminal: control characters (ESC, CR, LF, C1,
 * bidirectional overrides) shown as visible escapes (\e, \r, \n, \u202E). */
const char *rep_term_safe(rep_rctx *r, const char *s);
/* Wrap `text` at `width` columns, each line after `indent`. */
void rep_wrap(rep_buf *b, const char *indent, const char *text, size_t width);
/* A CSV row; text cells starting with = + - @ (or tab, CR) get a leading
 * apostrophe (OWASP), numbers never do. */
void rep_csv_row(rep_buf *b, const char *const *cells, size_t n);
/* Markdown inline text: | escaped, newlines and control characters cannot
 * start a new block. */
void rep_md_cell(rep_buf *b, const char *s);
/* HTML text with & < > " escaped. */
void rep_html_text(rep_buf *b, const char *s);
/* The number in the language ("1 234,50"), or "" for NULL. */
#define RN(r, a) rep_tr_num(&(r)->tr, a)
#define RM(r, a, cur) rep_tr_money(&(r)->tr, a, cur)

/* HTML statements (render_html.c). */
void rep_html_estimates(rep_buf *b, rep_rctx *r, const char *case_id, const rep_estimate *const *es, size_t n);
struct rep_comparison;
void rep_html_comparison(rep_buf *b, rep_rctx *r, const struct rep_comparison *cmp);

#endif
