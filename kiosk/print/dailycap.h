/* dailycap: the number of slips printed today, against a daily limit, so
 * that a child cannot empty the paper roll. The count lives in memory and
 * in a one-line state file ("2026-11-23 17"), so a restart does not reset
 * it; a new date starts again from zero. Nothing else is kept: no times,
 * no contents. Not thread-safe by itself; the printer holds a lock. */
#ifndef AULA_PRINT_DAILYCAP_H
#define AULA_PRINT_DAILYCAP_H

#include <stdbool.h>
#include <stddef.h>

struct dailycap {
    int limit;      /* 0 = no limit */
    char path[512]; /* "" = memory only */
    char date[11];  /* "YYYY-MM-DD" of count */
    int count;
};

/* Sets the limit and reads the state file (a missing or garbled file is a
 * count of zero). */
void dailycap_init(struct dailycap *d, int limit, const char *path);
/* Takes one slip for date today ("YYYY-MM-DD"): false if the cap is reached. */
bool dailycap_take(struct dailycap *d, const char *today);
/* Gives back a slip that was never printed. */
void dailycap_give_back(struct dailycap *d, const char *today);
/* Slips left today (-1 = no limit). */
int dailycap_left(const struct dailycap *d, const char *today);
/* Writes the state file (atomically: temporary file and rename). */
bool dailycap_save(const struct dailycap *d);
/* Today's local date. */
void dailycap_today(char out[11]);

#endif
