/* diff: what changed between two builds, for staff to review before
 * publishing: services, activities and organisations added, removed or
 * changed (with the fields that changed), between two snapshots or two
 * content folders. */
#ifndef AULA_IMPORT_DIFF_H
#define AULA_IMPORT_DIFF_H

#include <stdio.h>

/* Compares old_path and new_path (both .aula snapshots or both content
 * folders) and prints the report to out. Returns 0 if nothing changed, 1
 * if something did, 2 if they cannot be compared (reason on err). */
int diff_report(const char *old_path, const char *new_path, FILE *out, FILE *err);

#endif
