/* validate: checks and parsers for single content cells (ids, phone
 * numbers, e-mail and web addresses, yes/no, weekday ranges, dates with
 * times, PNG headers). Shared by the checker and the writer so that what
 * is checked is exactly what is written. */
#ifndef AULA_PACK_VALIDATE_H
#define AULA_PACK_VALIDATE_H

#include "pack/recur.h"

#include <stdbool.h>
#include <stddef.h>

bool validate_id(const char *s);
/* "+358 40 000 1234", "09 000 1234", "040-000 1234": 5..15 digits. */
bool validate_phone(const char *s);
bool validate_email(const char *s);
/* http:// or https:// with a host and no spaces. */
bool validate_url(const char *s);

enum tri { TRI_EMPTY = -1, TRI_NO = 0, TRI_YES = 1, TRI_INVALID = 2 };
/* yes/no in fi, sv, en, or 1/0, true/false. */
enum tri validate_bool(const char *s);

/* Weekday lists: "ma-pe", "ma,ke,pe", "la", "må-fr", "mo-fr", "1-5";
 * days[1..7] (ISO, Monday = 1) are set. */
bool validate_days(const char *s, bool days[8]);

/* "2026-11-23 09:30", "23.11.2026 9.30" or a date alone (date_only). */
bool validate_datetime(const char *s, struct local_time *lt);

/* Reads width and height from a PNG file's header; false if not a PNG. */
bool validate_png_header(const unsigned char *p, size_t n, int *w, int *h);

/* Splits a space- or comma-separated list in place-free fashion: calls
 * fn for each item (NUL-terminated copy on the stack, at most 127 bytes;
 * longer items are passed truncated and flagged). */
typedef void (*validate_item_fn)(const char *item, bool too_long, void *ctx);
void validate_each_item(const char *list, validate_item_fn fn, void *ctx);

#endif
