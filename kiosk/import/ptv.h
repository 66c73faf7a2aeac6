/* ptv: imports saved Suomi.fi Palvelutietovaranto (PTV) Open API v11 JSON
 * (organisations, services, service channels) into a content folder. */
#ifndef AULA_IMPORT_PTV_H
#define AULA_IMPORT_PTV_H

#include "import/importer.h"

/* Each input is one entity, a list of them, an API page ({"itemList":
 * [...]}) or a bundle ({"organizations": [...], "services": [...],
 * "serviceChannels": [...]}). Fills out; problems go to d. Returns true if
 * there were no errors. */
bool ptv_import(const struct import_input *in, size_t n, const struct import_options *opt,
                struct folder *out, struct diag_list *d);

#endif
