/* libFuzzer: the command line's own parsers. The first byte chooses:
 *   even: the --fx-file text through rep_context_load_fx. Property: a text
 *         that loads gives back, for each "FROM/TO=RATE,DATE" line, the rate
 *         of the last line with that pair and date when asked on that date;
 *         a text that fails keeps nothing (the rates set before stay).
 *   odd:  `reparations calc ...` with the rest split at newlines into
 *         arguments (tools/calc.c, linked with main renamed). Property: the
 *         exit status is 0 or 2 (1 is out of memory only).
 * Run with -close_fd_mask=3 (tools/fuzz.sh does): the program's own output
 * is then dropped, libFuzzer's and the sanitizers' still shown. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "props.h"
#include "reparations.h"

#define MAX_CHECKED 64

static void fx(const char *text, size_t len)
{
	rep_context *ctx;
	rep_error err;
	if (rep_context_new(&ctx, &err) || rep_context_set_fx(ctx, "CHF/JPY", "170", REP_DATE_NONE, "before", &err))
		abort();
	rep_status st = rep_context_load_fx(ctx, text, len, &err);
	mpq_t r, w;
	mpq_inits(r, w, NULL);
	if (st != REP_OK) {
		PROP(err.message[0], "a failed load says why");
		PROP(rep_fx_lookup(ctx, "CHF", "JPY", 0, r, NULL, &err) == REP_OK && mpq_cmp_ui(r, 170, 1) == 0,
		     "a failed load changed the rates set before");
	} else {
		/* parse the lines again, simply, and ask for each dated one */
		struct {
			char pair[8], rate[128];
			rep_date d;
		} seen[MAX_CHECKED];
		size_t n = 0;
		for (size_t at = 0; at < len && n < MAX_CHECKED;) {
			const char *line = text + at, *nl = memchr(line, '\n', len - at);
			size_t ln = nl ? (size_t)(nl - line) : len - at;
			at += ln + 1;
			if (ln && line[ln - 1] == '\r')
				ln--;
			const char *eq = memchr(line, '=', ln), *comma = eq ? memchr(eq, ',', (size_t)(line + ln - eq)) : NULL;
			if (!ln || line[0] == '#' || !eq || !comma || eq - line != 7 || (size_t)(comma - eq - 1) >= sizeof seen[0].rate)
				continue;
			char date[32];
			size_t dl = (size_t)(line + ln - comma - 1);
			if (dl >= sizeof date)
				continue;
			memcpy(date, comma + 1, dl);
			date[dl] = '\0';
			rep_date d;
			if (rep_date_parse(&d, date, NULL))
				continue;
			memcpy(seen[n].pair, line, 7);
			seen[n].pair[7] = '\0';
			memcpy(seen[n].rate, eq + 1, (size_t)(comma - eq - 1));
			seen[n].rate[comma - eq - 1] = '\0';
			seen[n].d = d;
			n++;
		}
		for (size_t i = 0; i < n; i++) {
			size_t last = i;
			for (size_t k = i + 1; k < n; k++)
				if (strcmp(seen[k].pair, seen[i].pair) == 0 && seen[k].d == seen[i].d)
					last = k;
			if (last != i)
				continue;
			char from[4], to[4];
			memcpy(from, seen[i].pair, 3), from[3] = '\0';
			memcpy(to, seen[i].pair + 4, 3), to[3] = '\0';
			rep_series_point pt;
			PROP(rep_fx_lookup(ctx, from, to, seen[i].d, r, &pt, &err) == REP_OK, "%s on a loaded date: %s",
			     seen[i].pair, err.message);
			PROP(rep_dec_parse(w, seen[i].rate, NULL) == REP_OK && mpq_equal(r, w),
			     "%s: the rate asked on its date is not the last line's %s", seen[i].pair, seen[i].rate);
		}
	}
	mpq_clears(r, w, NULL);
	rep_context_free(ctx);
}

static void calc(const char *text, size_t len)
{
	char buf[4096];
	if (len >= sizeof buf)
		len = sizeof buf - 1;
	memcpy(buf, text, len);
	buf[len] = '\0';
	char *argv[34] = {"reparations", "calc"};
	int argc = 2;
	for (char *save = NULL, *a = strtok_r(buf, "\n", &save); a && argc < 33; a = strtok_r(NULL, "\n", &save))
		argv[argc++] = a;
	argv[argc] = NULL;
	int rc = cli_calc(argc, argv);
	PROP(rc == 0 || rc == EXIT_BAD_INPUT, "calc: exit status %d", rc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	if (data[0] % 2 == 0)
		fx((const char *)data + 1, size - 1);
	else
		calc((const char *)data + 1, size - 1);
	return 0;
}
