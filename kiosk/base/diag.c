/* diag: collects located content problems; owns the strings it stores. */
#include "base/diag.h"
#include "base/strbuf.h"
#include "base/xalloc.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void diag_list_init(struct diag_list *l)
{
    memset(l, 0, sizeof(*l));
}

void diag_list_free(struct diag_list *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->v[i].file);
        free(l->v[i].field);
        free(l->v[i].msg);
    }
    free(l->v);
    diag_list_init(l);
}

void diag_add(struct diag_list *l, enum diag_severity sev, const char *file, int line,
              const char *field, const char *fmt, ...)
{
    XGROW(l->v, l->cap, l->n + 1);
    struct diag *d = &l->v[l->n++];
    d->sev = sev;
    d->file = file ? xstrdup(file) : NULL;
    d->line = line;
    d->field = field && *field ? xstrdup(field) : NULL;
    struct strbuf b;
    strbuf_init(&b);
    va_list ap;
    va_start(ap, fmt);
    strbuf_vprintf(&b, fmt, ap);
    va_end(ap);
    d->msg = strbuf_detach(&b);
    if (sev == DIAG_ERROR)
        l->errors++;
    else
        l->warnings++;
}

void diag_format(const struct diag *d, char *buf, size_t cap)
{
    char where[512] = "";
    if (d->file && d->line > 0)
        snprintf(where, sizeof(where), "%s:%d: ", d->file, d->line);
    else if (d->file)
        snprintf(where, sizeof(where), "%s: ", d->file);
    snprintf(buf, cap, "%s%s%s%s: %s", where, d->field ? d->field : "", d->field ? ": " : "",
             d->sev == DIAG_ERROR ? "error" : "warning", d->msg);
}

void diag_print(const struct diag_list *l, FILE *out)
{
    char buf[2048];
    for (size_t i = 0; i < l->n; i++) {
        diag_format(&l->v[i], buf, sizeof(buf));
        fprintf(out, "%s\n", buf);
    }
}

bool diag_contains(const struct diag_list *l, const char *needle)
{
    char buf[2048];
    for (size_t i = 0; i < l->n; i++) {
        diag_format(&l->v[i], buf, sizeof(buf));
        if (strstr(buf, needle))
            return true;
    }
    return false;
}
