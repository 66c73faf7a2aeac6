/* slipfill: a slip from the domain's view models — a service or an
 * organisation, optionally one of its contact persons — in the visitor's
 * language. The words around the content (labels, weekday names, the QR
 * caption) come from the caller's text function, by key: the kiosk passes
 * its screen texts (assets/po, the one place translators work in); without
 * one, or for a key it does not know, the English source text is used.
 * Times and dates are written as the visitor's language writes them. The
 * QR code is the contact person's vCard, else a tel: link, else the web
 * address. */
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

/* The translation of key ("contact.phone", "slip.printed", "weekday.1" =
 * Monday's short name ...) in lang, or NULL for the English source text. */
typedef const char *(*slipfill_text_fn)(const char *lang, const char *key);

struct slipfill_ctx {
    const char *lang;      /* the visitor's language */
    bool rtl;              /* that language is written right to left */
    const char *place;     /* the site's name in that language */
    int64_t today;         /* local date, days since 1970 */
    slipfill_text_fn text; /* NULL: English labels */
};

/* The English source text of a slip word's key, or NULL if key is not one
 * (for tests and tools). */
const char *slipfill_source_text(const char *key);

/* contact: index into s->contacts, or -1 for the service itself. */
void slipfill_service(struct slip_text *out, const struct catalog_service *s, int contact,
                      const struct slipfill_ctx *ctx);
void slipfill_org(struct slip_text *out, const struct catalog_org *o, int contact,
                  const struct slipfill_ctx *ctx);
void slipfill_free(struct slip_text *t);

#endif
