/* synccmd: the aula-sync command line (install, pull, rollback, status) as
 * one function that prints to the given streams and returns the exit
 * status, so that tests can run it in-process. */
#ifndef AULA_SYNC_SYNCCMD_H
#define AULA_SYNC_SYNCCMD_H

#include <stdio.h>

/* Exit statuses. */
enum {
    SYNCCMD_OK = 0,      /* installed, or nothing to do */
    SYNCCMD_REFUSED = 1, /* the content was not accepted */
    SYNCCMD_USAGE = 2,   /* bad command line or aula.conf */
    SYNCCMD_FAILED = 3,  /* I/O or network failure */
};

int synccmd_main(int argc, char **argv, FILE *out, FILE *err);

#endif
