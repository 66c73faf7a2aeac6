/* idset: open-addressing string set (FNV-1a, linear probing). */
#include "pack/idset.h"
#include "base/xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static uint64_t hash(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

void idset_init(struct idset *s)
{
    memset(s, 0, sizeof(*s));
}

void idset_free(struct idset *s)
{
    free(s->keys);
    free(s->vals);
    idset_init(s);
}

static size_t find(const struct idset *s, const char *key)
{
    size_t i = (size_t)hash(key) & (s->cap - 1);
    while (s->keys[i] && strcmp(s->keys[i], key) != 0)
        i = (i + 1) & (s->cap - 1);
    return i;
}

static void rehash(struct idset *s, size_t ncap)
{
    struct idset o = *s;
    s->cap = ncap;
    s->keys = xcalloc(ncap, sizeof(*s->keys));
    s->vals = xcalloc(ncap, sizeof(*s->vals));
    for (size_t i = 0; i < o.cap; i++) {
        if (o.keys[i]) {
            size_t j = find(s, o.keys[i]);
            s->keys[j] = o.keys[i];
            s->vals[j] = o.vals[i];
        }
    }
    free(o.keys);
    free(o.vals);
}

bool idset_add(struct idset *s, const char *key, int val, int *old)
{
    if ((s->n + 1) * 2 > s->cap)
        rehash(s, s->cap ? s->cap * 2 : 64);
    size_t i = find(s, key);
    if (s->keys[i]) {
        if (old)
            *old = s->vals[i];
        return false;
    }
    s->keys[i] = key;
    s->vals[i] = val;
    s->n++;
    return true;
}

bool idset_get(const struct idset *s, const char *key, int *val)
{
    if (!s->cap)
        return false;
    size_t i = find(s, key);
    if (!s->keys[i])
        return false;
    if (val)
        *val = s->vals[i];
    return true;
}
