/* Built-in schemes, one file per jurisdiction, each exporting its list
 * (NULL-terminated). Collected by registry.c. */
#ifndef REP_SCHEMES_H
#define REP_SCHEMES_H

#include "scheme_def.h"

/* Common building blocks for definitions. */
#define REP_NONE REP_DATE_NONE
#define KINDS_CUSTODY                                                                                    \
	(REP_BIT(REP_DET_POLICE_CUSTODY) | REP_BIT(REP_DET_PRETRIAL_CUSTODY) | REP_BIT(REP_DET_PRISON) | \
	 REP_BIT(REP_DET_PSYCHIATRIC) | REP_BIT(REP_DET_ADMINISTRATIVE_ARREST))
#define KINDS_ALL_LIBERTY                                                                                    \
	(KINDS_CUSTODY | REP_BIT(REP_DET_HOUSE_ARREST) | REP_BIT(REP_DET_EXILE) | REP_BIT(REP_DET_SPECIAL_SETTLEMENT) | \
	 REP_BIT(REP_DET_FORCED_LABOUR))
#define OUT_REHABILITATING                                                                                 \
	(REP_BIT(REP_OUT_ACQUITTED) | REP_BIT(REP_OUT_DISMISSED_REHABILITATING) |                          \
	 REP_BIT(REP_OUT_CONVICTION_QUASHED) | REP_BIT(REP_OUT_ADMIN_TERMINATED) |                         \
	 REP_BIT(REP_OUT_REPRESSION_REHABILITATED))

extern const rep_scheme_def *const rep_schemes_kz[];
extern const rep_scheme_def *const rep_schemes_uz[];
extern const rep_scheme_def *const rep_schemes_intl[];
extern const rep_scheme_def *const rep_schemes_de[];
extern const rep_scheme_def *const rep_schemes_us[];
extern const rep_scheme_def *const rep_schemes_jp[];
extern const rep_scheme_def *const rep_schemes_nl[];
extern const rep_scheme_def *const rep_schemes_uk[];
extern const rep_scheme_def *const rep_schemes_nz[];
extern const rep_scheme_def *const rep_schemes_ca[];

#endif
