/* summary: the weekly picture for staff — bars of the most opened
 * categories, the languages chosen and the feedback answers (with what
 * families could not find), from the anonymous counters of one week,
 * drawn with the kiosk's own theme, text and drawing code on a software
 * surface. `aula-stats summary` writes it as a PNG; the staff menu can
 * show the same surface. Owns nothing after it returns. */
#ifndef AULA_UI_SUMMARY_H
#define AULA_UI_SUMMARY_H

#include "data/stats.h"
#include "domain/content.h"

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

#define SUMMARY_W 1600
#define SUMMARY_H 900

/* Parses an ISO week "2026-W48" into its Monday and Sunday "YYYY-MM-DD". */
bool summary_parse_week(const char *week, char from[11], char to[11]);

/* Draws the week of counters [from, to] labelled week ("2026-W48") at
 * w x h in lang. c (may be NULL) gives names to category ids, languages and
 * answers; without it the ids are shown. font_dir NULL: the kiosk's fonts.
 * Returns a new ARGB8888 surface, or NULL with err filled. */
SDL_Surface *summary_render(struct stats *st, struct content *c, const char *week, const char *from,
                            const char *to, const char *lang, int w, int h, const char *font_dir,
                            char *err, size_t cap);

#endif
