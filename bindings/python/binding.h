/* What the files of the Python binding's C layer share (private). */
#ifndef REPARATIONS_PY_BINDING_H
#define REPARATIONS_PY_BINDING_H

#include <Python.h>

#include "reparations.h"

/* case_dict.c: a case dict built straight into a rep_case.
 * case_dict_setup: once, with decimal.Decimal (its exact instances are read
 * as amounts); 0, or -1 with an exception set.
 * case_from_dict: 1 and *out (caller frees) when the dict is one the JSON
 * reader accepts as the same case; 0 when the caller must take the JSON
 * path (no exception set: that path raises or words the error). GIL held. */
int case_dict_setup(PyObject *decimal);
int case_from_dict(PyObject *dict, rep_case **out);

#endif
