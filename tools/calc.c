/* `reparations calc`: the time-value calculators on the command line. */
#include <stdio.h>

#include "cli.h"

int cli_calc(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "reparations: calc: not built yet\n");
	return EXIT_BAD_INPUT;
}
