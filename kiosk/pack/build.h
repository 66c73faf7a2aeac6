/* build: the aula-pack commands (check, build, info) as functions that
 * print to the given streams and return the process exit status, so that
 * tests can run them without spawning processes. */
#ifndef AULA_PACK_BUILD_H
#define AULA_PACK_BUILD_H

#include "pack/content.h"

#include <stdio.h>

/* Exit statuses. */
enum { PACK_EXIT_OK = 0, PACK_EXIT_CONTENT = 1, PACK_EXIT_USAGE = 2, PACK_EXIT_IO = 3 };

int build_check(const char *dir, const struct pack_options *opt, FILE *out, FILE *err);
int build_build(const char *dir, const char *out_path, const struct pack_options *opt, FILE *out,
                FILE *err);
int build_info(const char *path, FILE *out, FILE *err);

/* Parses "2026-11-23T10:00:00Z" (or a date, meaning midnight UTC). */
bool build_parse_instant(const char *s, int64_t *utc);

#endif
