/* placeholder: this jurisdiction's schemes are being written */
#include "schemes/schemes.h"

const rep_scheme_def *const rep_schemes_nl[] = {NULL};
