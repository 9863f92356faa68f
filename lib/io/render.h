/* Pieces of the renderers shared by estimates and comparisons. */
#ifndef REP_RENDER_H
#define REP_RENDER_H

#include <yajl/yajl_gen.h>

#include "buf.h"
#include "estimate_internal.h"

/* A yajl generator using the library's allocator, pretty-printed. */
yajl_gen rep_json_gen_new(void);
void rep_json_str(yajl_gen g, const char *s);
void rep_json_kv(yajl_gen g, const char *k, const char *v);
void rep_json_estimate(yajl_gen g, const rep_estimate *e);
/* Append the generator's text to b; REP_EINVAL if the generator failed. */
rep_status rep_json_gen_finish(yajl_gen g, rep_buf *b);
/* "1234567.89" -> "1,234,567.89". */
void rep_grouped(char *dst, size_t size, const char *amount);
void rep_csv_row(rep_buf *b, const char *const *cells, size_t n);
void rep_md_cell(rep_buf *b, const char *s);

#endif
