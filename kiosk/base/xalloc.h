/* xalloc: the one place where allocation failure is handled. A kiosk that
 * cannot allocate a few bytes cannot do anything useful, so these functions
 * log and abort instead of returning NULL. */
#ifndef AULA_BASE_XALLOC_H
#define AULA_BASE_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Grows *v (an array of *cap elements of elem bytes) so that it can hold
 * need elements. */
void xgrow(void **v, size_t *cap, size_t need, size_t elem);

#define XGROW(arr, cap, need) xgrow((void **)&(arr), &(cap), (need), sizeof(*(arr)))

#endif
