/* ISO 4217 minor units: the decimal places an amount is rounded to when a
 * scheme names a currency and no other unit. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "reparations/money.h"

/* Sorted by code (the tests check it): looked up by binary search. DEM (withdrawn
 * 2002) stays for amounts a statute fixed in it, converted at its irrevocable rate. */
static const struct currency {
	const char *code;
	int places;
} currencies[] = {
	{"AMD", 2}, {"AUD", 2}, {"AZN", 2}, {"BHD", 3}, {"BRL", 2}, {"BYN", 2}, {"CAD", 2},
	{"CHF", 2}, {"CLP", 0}, {"CNY", 2}, {"CZK", 2}, {"DEM", 2}, {"DKK", 2}, {"EUR", 2}, {"GBP", 2},
	{"GEL", 2}, {"HKD", 2}, {"HUF", 2}, {"ILS", 2}, {"INR", 2}, {"ISK", 0}, {"JOD", 3},
	{"JPY", 0}, {"KGS", 2}, {"KRW", 0}, {"KWD", 3}, {"KZT", 2}, {"MDL", 2}, {"MNT", 2},
	{"MXN", 2}, {"NOK", 2}, {"NZD", 2}, {"OMR", 3}, {"PLN", 2}, {"RUB", 2}, {"SEK", 2},
	{"SGD", 2}, {"TJS", 2}, {"TMT", 2}, {"TND", 3}, {"TRY", 2}, {"UAH", 2}, {"USD", 2},
	{"UZS", 2}, {"VND", 0}, {"ZAR", 2},
};

#define N_CURRENCIES (sizeof currencies / sizeof currencies[0])

/* The same codes, in the same order, as the NULL-terminated public list. */
static const char *const codes[] = {
	"AMD", "AUD", "AZN", "BHD", "BRL", "BYN", "CAD", "CHF", "CLP", "CNY", "CZK", "DEM", "DKK",
	"EUR", "GBP", "GEL", "HKD", "HUF", "ILS", "INR", "ISK", "JOD", "JPY", "KGS", "KRW",
	"KWD", "KZT", "MDL", "MNT", "MXN", "NOK", "NZD", "OMR", "PLN", "RUB", "SEK", "SGD",
	"TJS", "TMT", "TND", "TRY", "UAH", "USD", "UZS", "VND", "ZAR", NULL,
};

_Static_assert(sizeof codes / sizeof codes[0] == N_CURRENCIES + 1, "codes[] must list every currency");

static int cmp_code(const void *key, const void *elem)
{
	return strcmp(key, ((const struct currency *)elem)->code);
}

rep_status rep_currency_minor_units(const char *code, int *places)
{
	if (!code || !places)
		return REP_EUSAGE;
	const struct currency *c = bsearch(code, currencies, N_CURRENCIES, sizeof currencies[0], cmp_code);
	if (!c)
		return REP_ENOTFOUND;
	*places = c->places;
	return REP_OK;
}

const char *const *rep_currency_codes(void)
{
	return codes;
}
