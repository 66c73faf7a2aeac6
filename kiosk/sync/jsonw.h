/* jsonw: the little JSON writing aula-pack publish and aula-sync status
 * need: escaped strings appended to a strbuf. */
#ifndef AULA_SYNC_JSONW_H
#define AULA_SYNC_JSONW_H

#include "base/strbuf.h"

/* Appends s as a quoted JSON string (NULL as null). */
void jsonw_string(struct strbuf *b, const char *s);
/* Appends "name": "value" (with a leading comma unless first). */
void jsonw_field_str(struct strbuf *b, const char *name, const char *value, int *count);
void jsonw_field_int(struct strbuf *b, const char *name, long long value, int *count);

#endif
