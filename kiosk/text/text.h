/* text: fonts, bidirectional ordering, shaping and a cache of rendered text.
 *
 * A piece of text is drawn as one texture: split into paragraphs at '\n',
 * ordered with FriBidi (so Arabic with Latin names and phone numbers reads
 * right), cut into runs of one font and one direction, each run shaped by
 * SDL_ttf's HarfBuzz (TTF_SetFontDirection, TTF_SetFontScriptName), and
 * wrapped at spaces to a width. Characters the main font (Noto Sans) lacks
 * come from the fallback font (Noto Sans Arabic). Layouts are cached by
 * text and style, so an unchanged frame does no shaping at all; a layout is
 * rendered into its texture the first time it is drawn where it can be seen
 * (inside the viewport and clip rectangle), so texts only measured, or
 * scrolled out of view, cost no pixels. Entries not used for a while are
 * dropped when the cache grows past its budget.
 * Owns the fonts and the cached textures. */
#ifndef AULA_TEXT_TEXT_H
#define AULA_TEXT_TEXT_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum text_weight { TEXT_REGULAR, TEXT_BOLD };

/* Horizontal alignment; START/END follow the base direction (START is the
 * right edge in a right-to-left layout). */
enum text_align { TEXT_START, TEXT_CENTER, TEXT_END };

struct text_style {
    int size; /* pixels (font height) */
    enum text_weight weight;
    SDL_Color color;
    int width;     /* wrap to this width; 0 = one line, as wide as it is */
    int max_lines; /* 0 = no limit; else the last line ends in "…" */
    enum text_align align;
    bool rtl; /* right-to-left layout: START alignment is the right edge */
};

struct text_box {
    SDL_Texture *tex; /* its pixels (not with the software renderer: see text.c) */
    int w, h;         /* w = style.width when wrapping */
    int lines;
    bool rendered; /* has its pixels; false for empty text and until first drawn */
};

struct text;

/* Opens the fonts from font_dir (NULL: the default Noto directory, or
 * $AULA_FONT_DIR). Returns NULL with err filled if the main font is missing. */
struct text *text_new(SDL_Renderer *ren, const char *font_dir, char *err, size_t cap);
void text_free(struct text *t);

/* The laid-out text (from the cache when possible). Valid until the next
 * text_frame_end(). */
const struct text_box *text_layout(struct text *t, const char *s, const struct text_style *st);
/* Lays out and draws at x, y (top-left of the box); returns the box. */
const struct text_box *text_draw(struct text *t, const char *s, const struct text_style *st, int x,
                                 int y);
/* Breaks s into lines as text_layout does (wrapping at the style's width,
 * hyphenating words longer than a line, ellipsizing after max_lines) and
 * writes them to out in logical order, separated by '\n'. Returns the
 * number of lines. */
size_t text_wrap(struct text *t, const char *s, const struct text_style *st, char *out, size_t cap);
/* Height of one line of the style's size. */
int text_line_height(struct text *t, int size);
/* Width of s on one line. */
int text_width(struct text *t, const char *s, int size, enum text_weight weight);
/* Ends a frame: evicts old entries if over budget. */
void text_frame_end(struct text *t);
/* For the event loop when it has nothing to do: once the cache has freed
 * enough since the last time, hands the freed heap back to the system
 * (malloc_trim). Returns true if it did. */
bool text_idle(struct text *t);
/* Drops every cached texture (after a renderer change). */
void text_flush(struct text *t);
/* Drops every cached texture and closes the fonts (a few per face and
 * weight, shared by the sizes)
 * (with their glyph and shaping caches); they open again when next used.
 * For when the sizes in use change, and to measure memory without caches. */
void text_trim(struct text *t);

/* True if the main font or its fallback has a glyph for cp (no tofu). */
bool text_has_glyph(struct text *t, uint32_t cp);

/* Statistics for tests and benchmarks. */
struct text_stats {
    size_t entries, hits, misses;
    size_t bytes;
};
void text_get_stats(const struct text *t, struct text_stats *out);

#endif
