/* The built-in schemes, in the order `reparations schemes` lists them:
 * Kazakhstan's and Uzbekistan's domestic routes first, then international
 * standards, then comparative national tariffs. */
#include <stddef.h>

#include "context_internal.h"
#include "schemes/schemes.h"

const rep_scheme_def *const *const rep_scheme_families[] = {
	rep_schemes_kz, rep_schemes_uz, rep_schemes_intl, rep_schemes_de, rep_schemes_us,
	rep_schemes_jp, rep_schemes_nl, rep_schemes_uk,   rep_schemes_nz, rep_schemes_ca,
};
const size_t rep_scheme_family_count = sizeof rep_scheme_families / sizeof rep_scheme_families[0];
