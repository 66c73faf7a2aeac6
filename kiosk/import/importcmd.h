/* importcmd: the aula-pack commands import, merge and diff, as functions
 * that print to the given streams and return the exit status, so that
 * tests run them without spawning processes. */
#ifndef AULA_IMPORT_IMPORTCMD_H
#define AULA_IMPORT_IMPORTCMD_H

#include <stdbool.h>
#include <stdio.h>

/* Usage lines for aula-pack's help. */
extern const char importcmd_usage[];

/* True for "import", "merge" and "diff". */
bool importcmd_handles(const char *cmd);
/* argv[0] is the command. Exit status as aula-pack's (diff: 0 same, 1
 * changed, 2 cannot compare). */
int importcmd_main(int argc, char **argv, FILE *out, FILE *err);

#endif
