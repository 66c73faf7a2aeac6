/* merge: combines content folders (usually imported ones) and a folder of
 * local overrides into one content folder. Rows are matched by their ids
 * (site.csv by being the one row; opening hours by target; exceptions and
 * activity changes by target or activity and date):
 *   - imported folders are taken in order; an id that an earlier folder
 *     already has is reported and the first row kept; site.csv rows are
 *     combined (first value wins, languages are joined);
 *   - an override row changes only the cells it fills in, so a local
 *     services.csv with just "id,categories" re-files imported services;
 *     a row with remove = yes drops the row; overriding opening hours of a
 *     target (or exceptions of a date) replaces all imported ones;
 *   - .ics files named in calendars.csv and logos named in
 *     organizations.csv are copied along from the folder they came from. */
#ifndef AULA_IMPORT_MERGE_H
#define AULA_IMPORT_MERGE_H

#include "base/diag.h"
#include "import/folder.h"

/* overrides may be NULL. Problems go to d; returns true if no errors. */
bool merge_folders(const char *const *dirs, size_t n, const char *overrides, struct folder *out,
                   struct diag_list *d);

#endif
