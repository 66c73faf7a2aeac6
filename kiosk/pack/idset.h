/* idset: a hash set of borrowed id strings, each with an integer value
 * (usually the row it was defined on). Used for duplicate-id and
 * reference checks over thousands of rows. */
#ifndef AULA_PACK_IDSET_H
#define AULA_PACK_IDSET_H

#include <stdbool.h>
#include <stddef.h>

struct idset {
    const char **keys;
    int *vals;
    size_t n, cap; /* cap is a power of two */
};

void idset_init(struct idset *s);
void idset_free(struct idset *s);
/* Adds key (borrowed; must outlive the set). If it was already there,
 * returns false and *old (if given) is the existing value. */
bool idset_add(struct idset *s, const char *key, int val, int *old);
/* True if key is present; *val (if given) gets its value. */
bool idset_get(const struct idset *s, const char *key, int *val);

#endif
