/* diag: a list of problems found in content, each tied to a place
 * ("file:line: field: message"), so that a checker can report every problem
 * at once instead of stopping at the first. */
#ifndef AULA_BASE_DIAG_H
#define AULA_BASE_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum diag_severity { DIAG_WARNING, DIAG_ERROR };

struct diag {
    enum diag_severity sev;
    char *file;  /* as shown to the user; may be NULL */
    int line;    /* 1-based; 0 = the whole file */
    char *field; /* column or property name; may be NULL */
    char *msg;
};

struct diag_list {
    struct diag *v;
    size_t n, cap;
    size_t errors, warnings;
};

void diag_list_init(struct diag_list *l);
void diag_list_free(struct diag_list *l);

__attribute__((format(printf, 6, 7))) void diag_add(struct diag_list *l, enum diag_severity sev,
                                                    const char *file, int line, const char *field,
                                                    const char *fmt, ...);

/* Formats one diagnostic as "file:line: field: error: message". */
void diag_format(const struct diag *d, char *buf, size_t cap);
/* Prints every diagnostic, one per line. */
void diag_print(const struct diag_list *l, FILE *out);
/* True if some diagnostic's formatted text contains needle. */
bool diag_contains(const struct diag_list *l, const char *needle);

#endif
