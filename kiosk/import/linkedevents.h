/* linkedevents: imports saved Linked Events API JSON (the event API of
 * Helsinki and others) into a content folder: events become activities,
 * places locations, keywords categories, publishers organisations. */
#ifndef AULA_IMPORT_LINKEDEVENTS_H
#define AULA_IMPORT_LINKEDEVENTS_H

#include "import/importer.h"

/* Each input is an API page ({"meta": ..., "data": [...]}), a list, or one
 * object; events, places, keywords and organisations may be mixed. Returns
 * true if there were no errors. */
bool linkedevents_import(const struct import_input *in, size_t n, const struct import_options *opt,
                         struct folder *out, struct diag_list *d);

#endif
