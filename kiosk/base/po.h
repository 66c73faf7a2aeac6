/* po: a reader for gettext .po files, the format translators and Weblate
 * use. Entries are (msgctxt, msgid, msgstr); aula uses msgctxt as the
 * stable key of a screen text ("nav.back") and msgid as its English source.
 * Fuzzy entries and empty translations count as untranslated. Plural forms
 * are refused: aula's screen texts are written without them. Problems are
 * reported as "file:line: message". */
#ifndef AULA_BASE_PO_H
#define AULA_BASE_PO_H

#include "base/diag.h"

#include <stdbool.h>
#include <stddef.h>

struct po_entry {
    char *ctxt; /* msgctxt, "" if none */
    char *id;   /* msgid */
    char *str;  /* msgstr, "" if untranslated */
    bool fuzzy; /* "#, fuzzy": a guess, not to be shown */
    int line;   /* line of the msgid */
};

struct po_file {
    char *language; /* from the header's "Language:" field, "" if none */
    struct po_entry *v;
    size_t n, cap;
};

/* Parses data (the file's bytes). Returns false on a syntax error (every
 * problem is reported to diags under the name shown). */
bool po_parse(const char *data, size_t len, const char *shown, struct po_file *out,
              struct diag_list *diags);
bool po_load(const char *path, const char *shown, struct po_file *out, struct diag_list *diags);
void po_free(struct po_file *po);

/* One translated text as compiled into a program by aula-po2c. */
struct po_text {
    const char *lang, *key, *text;
};

/* The translation of ctxt, or NULL if missing, empty or fuzzy. */
const char *po_lookup(const struct po_file *po, const char *ctxt);

#endif
