/* Merging typed detention periods so that no day is counted twice.
 *
 * A sweep over boundaries: each period becomes an "enter" event on its
 * start and a "leave" event on the day after its end. Between two
 * consecutive event days the set of covering kinds is constant, so one
 * run (or none) is emitted per gap, and the number of runs is below the
 * number of distinct event days <= 2*n_in: the output can never outgrow
 * the caller's 2*n_in entries. Sorting the events dominates: O(n log n). */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "reparations/dates.h"

#define N_KINDS (REP_PERIOD_MAX_KIND + 1)

typedef struct event {
	rep_date day;
	int8_t delta; /* +1 enter, -1 leave */
	uint8_t kind;
} event;

static int event_cmp(const void *a, const void *b)
{
	rep_date x = ((const event *)a)->day, y = ((const event *)b)->day;
	return (x > y) - (x < y);
}

/* Name a date for a message, even one that has no four-digit form. */
static void describe(char buf[32], rep_date d)
{
	int y;
	rep_date_to_ymd(d, &y, NULL, NULL);
	if (y >= 0 && y <= 9999)
		rep_date_format(d, buf);
	else
		snprintf(buf, 32, "(day number %ld)", (long)d);
}

static rep_status check_date(rep_error *err, size_t i, const char *which, rep_date d)
{
	if (d >= REP_DATE_MIN && d <= REP_DATE_MAX)
		return REP_OK;
	char path[32], text[32];
	snprintf(path, sizeof path, "[%zu]", i);
	if (d == REP_DATE_NONE)
		return rep_err(err, REP_EINVAL, path, "%s is not set", which);
	describe(text, d);
	return rep_err(err, REP_EINVAL, path, "%s %s is outside 1900-01-01..2199-12-31", which, text);
}

static rep_status check_period(rep_error *err, size_t i, const rep_period *p)
{
	char path[32]; /* written only for an error: every estimate merges its periods */
	if ((p->kind < 0 || p->kind > REP_PERIOD_MAX_KIND) && snprintf(path, sizeof path, "[%zu]", i) > 0)
		return rep_err(err, REP_EINVAL, path, "kind %d is outside 0..%d", p->kind, REP_PERIOD_MAX_KIND);
	rep_status st = check_date(err, i, "start", p->start);
	if (st == REP_OK)
		st = check_date(err, i, "end", p->end);
	if (st != REP_OK)
		return st;
	if (p->end < p->start) {
		char s[REP_DATE_TEXT_SIZE], e[REP_DATE_TEXT_SIZE];
		rep_date_format(p->start, s);
		rep_date_format(p->end, e);
		snprintf(path, sizeof path, "[%zu]", i);
		return rep_err(err, REP_EINVAL, path, "end %s is before start %s", e, s);
	}
	return REP_OK;
}

/* Lowest set bit; the active set lives in rank order, so this is the winner. */
static int lowest_bit(uint64_t m)
{
#if defined(__GNUC__)
	return __builtin_ctzll(m);
#else
	int i = 0;
	while (!(m & 1)) {
		m >>= 1;
		i++;
	}
	return i;
#endif
}

rep_status rep_periods_merge(rep_period *out, size_t *n_out, const rep_period *in, size_t n_in,
			     const int *severity, rep_error *err)
{
	if (!n_out || (n_in && (!out || !in)))
		return rep_err(err, REP_EUSAGE, NULL, "rep_periods_merge: NULL argument");
	*n_out = 0;
	for (size_t i = 0; i < n_in; i++) {
		rep_status st = check_period(err, i, &in[i]);
		if (st != REP_OK)
			return st;
	}
	if (n_in == 0)
		return REP_OK;

	/* rank 0 is the most severe kind present; ties go to the lower kind
	 * number. Only the kinds present are ranked: a case has two or three,
	 * and ranking all 64 cost more than the rest of the merge. */
	uint64_t present = 0;
	int kinds[N_KINDS], n_kinds = 0, by_rank[N_KINDS], rank[N_KINDS];
	for (size_t i = 0; i < n_in; i++)
		if (!(present & (UINT64_C(1) << in[i].kind))) {
			present |= UINT64_C(1) << in[i].kind;
			kinds[n_kinds++] = in[i].kind;
		}
	for (int a = 0; a < n_kinds; a++) {
		int k = kinds[a], s = severity ? severity[k] : k, r = 0;
		for (int b = 0; b < n_kinds; b++) {
			int j = kinds[b], t = severity ? severity[j] : j;
			r += t > s || (t == s && j < k);
		}
		rank[k] = r;
		by_rank[r] = k;
	}

	if (n_in > SIZE_MAX / (2 * sizeof(event)))
		return rep_err(err, REP_ENOMEM, NULL, "out of memory merging %zu periods", n_in);
	/* a case's few periods sort on the stack */
	event small[32];
	event *ev = 2 * n_in <= sizeof small / sizeof *small ? small : rep_malloc(2 * n_in * sizeof *ev);
	if (!ev)
		return rep_err(err, REP_ENOMEM, NULL, "out of memory merging %zu periods", n_in);
	for (size_t i = 0; i < n_in; i++) {
		ev[2 * i] = (event){in[i].start, 1, (uint8_t)in[i].kind};
		ev[2 * i + 1] = (event){in[i].end + 1, -1, (uint8_t)in[i].kind};
	}
	/* events of one day are taken together below, so their order does not
	 * matter: a few sort by insertion, cheaper than qsort's setup */
	if (ev == small) {
		for (size_t i = 1; i < 2 * n_in; i++) {
			event x = ev[i];
			size_t j = i;
			for (; j > 0 && ev[j - 1].day > x.day; j--)
				ev[j] = ev[j - 1];
			ev[j] = x;
		}
	} else {
		qsort(ev, 2 * n_in, sizeof *ev, event_cmp);
	}

	size_t count[N_KINDS]; /* by rank: only the kinds present have one */
	memset(count, 0, (size_t)n_kinds * sizeof count[0]);
	uint64_t active = 0; /* bit r: some period of kind by_rank[r] covers the day */
	size_t n = 0;
	for (size_t i = 0; i < 2 * n_in;) {
		rep_date day = ev[i].day;
		for (; i < 2 * n_in && ev[i].day == day; i++) {
			int r = rank[ev[i].kind];
			if (ev[i].delta > 0)
				count[r]++;
			else
				count[r]--;
			if (count[r])
				active |= UINT64_C(1) << r;
			else
				active &= ~(UINT64_C(1) << r);
		}
		/* the last event is a leave, so active is empty there and i < 2*n_in below */
		if (!active)
			continue;
		int kind = by_rank[lowest_bit(active)];
		rep_date last = ev[i].day - 1;
		if (n && out[n - 1].kind == kind && out[n - 1].end + 1 == day)
			out[n - 1].end = last;
		else
			out[n++] = (rep_period){kind, day, last};
	}
	if (ev != small)
		rep_free(ev);
	*n_out = n;
	return REP_OK;
}
