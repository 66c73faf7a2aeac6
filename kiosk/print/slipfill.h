/* slipfill: a slip from the domain's view models — a service or an
 * organisation, optionally one of its contact persons — in the visitor's
 * language: labels, weekday names, times and the date as the kiosk writes
 * them (fi, sv, en, ar; other languages get English labels around the
 * content, as the kiosk's own strings do). The QR code is the contact
 * person's vCard, else a tel: link, else the web address. */
#ifndef AULA_PRINT_SLIPFILL_H
#define AULA_PRINT_SLIPFILL_H

#include "domain/catalog.h"
#include "print/slip.h"

#include <stdbool.h>
#include <stdint.h>

#define SLIPFILL_MAX_OWNED 48

struct slip_text {
    struct slip slip; /* points into owned[] */
    char *owned[SLIPFILL_MAX_OWNED];
    size_t nowned;
};

struct slipfill_ctx {
    const char *lang;  /* the visitor's language */
    bool rtl;          /* that language is written right to left */
    const char *place; /* the site's name in that language */
    int64_t today;     /* local date, days since 1970 */
};

/* contact: index into s->contacts, or -1 for the service itself. */
void slipfill_service(struct slip_text *out, const struct catalog_service *s, int contact,
                      const struct slipfill_ctx *ctx);
void slipfill_org(struct slip_text *out, const struct catalog_org *o, int contact,
                  const struct slipfill_ctx *ctx);
void slipfill_free(struct slip_text *t);

#endif
