/* hsds: imports Open Referral HSDS data (a CSV data package or JSON) into
 * a content folder: organizations, services, locations,
 * service_at_location, phones, contacts, schedules and taxonomy terms. */
#ifndef AULA_IMPORT_HSDS_H
#define AULA_IMPORT_HSDS_H

#include "import/importer.h"

/* Each input is either a JSON document (an object of tables, a list of
 * services, an API page {"contents": [...]}; nested objects are read too)
 * or one CSV table of a data package, named by its file ("services.csv",
 * "service.csv", "regular_schedules.csv", ...). HSDS is written in one
 * language: the texts are taken as opt->language. Returns true if there
 * were no errors. */
bool hsds_import(const struct import_input *in, size_t n, const struct import_options *opt,
                 struct folder *out, struct diag_list *d);

/* True if name is a CSV table of an HSDS data package. */
bool hsds_is_table(const char *name);

#endif
