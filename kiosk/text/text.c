/* text: bidi, shaping, wrapping and the text texture cache; see text.h. */
#include "text/text.h"
#include "base/log.h"
#include "base/xalloc.h"

#include <SDL_ttf.h>
#include <fcntl.h>
#include <fribidi.h>
#include <malloc.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define DEFAULT_FONT_DIR "/usr/share/fonts/truetype/noto"
/* Open fonts per face and weight. Sizes share them: a font is set to
 * another size (TTF_SetFontSize) rather than opened again, as each open
 * font holds its own copy of the font's tables (about 190 KiB for Noto
 * Sans, 140 KiB for Noto Sans Arabic), and a screen uses up to nine sizes
 * in each language and mode. The few fonts kept keep their glyph caches
 * for the sizes used most in a row. */
#define FONT_POOL 2
#define MAX_FONTS (NFACES * 2 * FONT_POOL)
#define NBUCKETS  512
/* Bytes of cached text (mostly pixels): about three screens' texts at
 * 1920x1080, within the kiosk's memory budget (packaging/KIOSK.md,
 * Performance). */
#define CACHE_BUDGET (2u << 20)
#define TRIM_BYTES   (256u << 10) /* freed before text_idle() trims the heap */
#define ELLIPSIS     0x2026u
/* Bounds that keep a hostile text (a 1 MB description, a word of 64 KB)
 * from stalling a frame or eating memory: a text is cut with an ellipsis
 * after some pages of reading, and a box is at most two screens tall (within
 * the largest texture small GPUs take). */
#define TEXT_MAX_CHARS  4096
#define LINE_MAX_CHARS  512  /* more than any line at a readable size */
#define TEXT_MAX_HEIGHT 2048 /* pixels */

enum face { FACE_MAIN, FACE_FALLBACK, NFACES };

static const char *const face_files[NFACES][2] = {
    {"NotoSans-Regular.ttf", "NotoSans-Bold.ttf"},
    {"NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"},
};

/* One character of a line being laid out. */
struct lchar {
    uint32_t cp;
    uint8_t face;
    uint8_t level; /* bidi embedding level: odd = right to left */
};

struct font_slot {
    TTF_Font *font;
    int face, weight, size;
    uint64_t used; /* when last asked for: the oldest is resized */
    bool pinned;   /* a face's probe: kept open for glyph coverage */
};

/* One line of a laid-out text, in logical order. */
struct line {
    struct lchar *c;
    size_t n;
    int w; /* its width in pixels, or -1 until measured */
};

struct lines {
    struct line *v;
    size_t n, cap;
};

/* A cached text. Laid out (lines broken, box measured) when first asked
 * for; rendered into its texture only when first drawn where it can be
 * seen, so a text measured for a layout or scrolled out of view costs no
 * pixels. */
struct entry {
    struct entry *next;
    char *s;
    struct text_style st;
    struct text_box box;
    struct lines ls; /* until rendered */
    int line_h, ascent;
    bool rendered;
    size_t cost; /* bytes held, counted against the budget */
    /* Software renderer: the coverage of each pixel, one byte each instead
     * of a texture's four (see draw_mask). */
    uint8_t *mask;
    uint32_t hash;
    uint64_t used; /* frame number */
};

struct text {
    SDL_Renderer *ren;
    /* The software renderer blends a texture fastest without colour
     * modulation: text is coloured in its pixels instead, from its
     * coverage mask, in a strip of this scratch texture (draw_mask). */
    bool bake;
    SDL_Texture *scratch;
    int scratch_w;
    char paths[NFACES][2][512];
    /* Each font file mapped once, shared by all its sizes: glyphs load
     * from memory instead of through read and seek calls. */
    struct font_map {
        void *p;
        size_t len;
    } maps[NFACES][2];
    bool have_face[NFACES];
    TTF_Font *probe[NFACES]; /* for glyph coverage; also in fonts[] (pinned) */
    struct font_slot fonts[MAX_FONTS];
    int nfonts;
    uint64_t font_clock;
    size_t freed; /* bytes of cache freed since the last text_idle() trim */
    struct entry *buckets[NBUCKETS];
    uint64_t frame;
    struct text_stats stats;
};

/* Maps a font file read-only; false if it cannot be opened. */
static bool map_font(const char *path, struct font_map *m)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    struct stat sb;
    void *p = MAP_FAILED;
    if (fstat(fd, &sb) == 0 && sb.st_size > 0)
        p = mmap(NULL, (size_t)sb.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (p == MAP_FAILED)
        return false;
    m->p = p;
    m->len = (size_t)sb.st_size;
    return true;
}

/* Opens face/weight at size px from its mapping (NULL with TTF_GetError
 * set if the file is missing or not a font). */
static TTF_Font *open_font(struct text *t, int face, int weight, int size)
{
    const struct font_map *m = &t->maps[face][weight];
    if (!m->p) {
        TTF_SetError("cannot read %s", t->paths[face][weight]);
        return NULL;
    }
    SDL_RWops *rw = SDL_RWFromConstMem(m->p, (int)m->len);
    return rw ? TTF_OpenFontRW(rw, 1, size) : NULL;
}

struct text *text_new(SDL_Renderer *ren, const char *font_dir, char *err, size_t cap)
{
    if (!font_dir)
        font_dir = getenv("AULA_FONT_DIR");
    if (!font_dir || !font_dir[0])
        font_dir = DEFAULT_FONT_DIR;
    struct text *t = xcalloc(1, sizeof(*t));
    t->ren = ren;
    SDL_RendererInfo info;
    t->bake = ren && SDL_GetRendererInfo(ren, &info) == 0 && (info.flags & SDL_RENDERER_SOFTWARE);
    for (int f = 0; f < NFACES; f++) {
        for (int w = 0; w < 2; w++) {
            snprintf(t->paths[f][w], sizeof(t->paths[f][w]), "%s/%s", font_dir, face_files[f][w]);
            if (!map_font(t->paths[f][w], &t->maps[f][w]) && w == 1) /* no bold: use regular */
                memcpy(t->paths[f][1], t->paths[f][0], sizeof(t->paths[f][0]));
        }
        t->probe[f] = open_font(t, f, 0, 16);
        t->have_face[f] = t->probe[f] != NULL;
        if (t->probe[f]) { /* one of its face's pool: used for drawing too */
            TTF_SetFontHinting(t->probe[f], TTF_HINTING_LIGHT);
            t->fonts[t->nfonts++] = (struct font_slot){t->probe[f], f, 0, 16, 0, true};
        }
    }
    if (!t->have_face[FACE_MAIN]) {
        snprintf(err, cap, "cannot open font %s: %s (install fonts-noto-core or set AULA_FONT_DIR)",
                 t->paths[FACE_MAIN][0], TTF_GetError());
        text_free(t);
        return NULL;
    }
    if (!t->have_face[FACE_FALLBACK])
        LOG_WARN("no fallback font %s: Arabic script will not show", t->paths[FACE_FALLBACK][0]);
    return t;
}

static void free_lines(struct lines *ls)
{
    for (size_t i = 0; i < ls->n; i++)
        free(ls->v[i].c);
    free(ls->v);
    memset(ls, 0, sizeof(*ls));
}

static void free_entry(struct text *t, struct entry *e)
{
    if (e->box.tex)
        SDL_DestroyTexture(e->box.tex);
    t->stats.bytes -= e->cost;
    t->freed += e->cost;
    free_lines(&e->ls);
    free(e->mask);
    t->stats.entries--;
    free(e->s);
    free(e);
}

void text_flush(struct text *t)
{
    for (int i = 0; i < NBUCKETS; i++) {
        while (t->buckets[i]) {
            struct entry *e = t->buckets[i];
            t->buckets[i] = e->next;
            free_entry(t, e);
        }
    }
    if (t->scratch)
        SDL_DestroyTexture(t->scratch);
    t->scratch = NULL;
    t->scratch_w = 0;
}

void text_trim(struct text *t)
{
    text_flush(t);
    int kept = 0;
    for (int i = 0; i < t->nfonts; i++) {
        if (t->fonts[i].pinned)
            t->fonts[kept++] = t->fonts[i];
        else
            TTF_CloseFont(t->fonts[i].font);
    }
    t->nfonts = kept;
}

void text_free(struct text *t)
{
    if (!t)
        return;
    text_trim(t);
    for (int i = 0; i < t->nfonts; i++) /* the probes */
        TTF_CloseFont(t->fonts[i].font);
    for (int f = 0; f < NFACES; f++)
        for (int w = 0; w < 2; w++)
            if (t->maps[f][w].p)
                munmap(t->maps[f][w].p, t->maps[f][w].len);
    free(t);
}

static TTF_Font *get_font(struct text *t, int face, int weight, int size)
{
    if (!t->have_face[face])
        face = FACE_MAIN;
    struct font_slot *oldest = NULL;
    int same = 0;
    for (int i = 0; i < t->nfonts; i++) {
        struct font_slot *fs = &t->fonts[i];
        if (fs->face != face || fs->weight != weight)
            continue;
        if (fs->size == size) {
            fs->used = ++t->font_clock;
            return fs->font;
        }
        same++;
        if (!oldest || fs->used < oldest->used)
            oldest = fs;
    }
    if (same == FONT_POOL && TTF_SetFontSize(oldest->font, size) == 0) {
        oldest->size = size;
        oldest->used = ++t->font_clock;
        return oldest->font;
    }
    if (same == FONT_POOL && oldest->pinned) /* cannot resize, must not close */
        return oldest->font;
    /* A missing bold face falls back to the regular one's mapping. */
    TTF_Font *f = open_font(t, face, t->maps[face][weight].p ? weight : 0, size);
    if (!f) {
        LOG_ERR("cannot open %s at %d px: %s", t->paths[face][weight], size, TTF_GetError());
        return t->probe[FACE_MAIN];
    }
    TTF_SetFontHinting(f, TTF_HINTING_LIGHT);
    struct font_slot *slot = &t->fonts[t->nfonts];
    if (same == FONT_POOL) { /* it could not be resized: replaced */
        TTF_CloseFont(oldest->font);
        slot = oldest;
    } else {
        t->nfonts++;
    }
    *slot = (struct font_slot){f, face, weight, size, ++t->font_clock, false};
    return f;
}

/* ---- UTF-8 ---- */

/* Decodes s leniently: a malformed byte becomes U+FFFD; bidi overrides
 * are dropped. */
static uint32_t *decode(const char *s, size_t *n)
{
    size_t len = strlen(s);
    uint32_t *u = xmalloc((len + 1) * sizeof(*u));
    size_t k = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        uint32_t c = *p;
        int extra = c < 0x80             ? 0
                    : (c & 0xE0) == 0xC0 ? 1
                    : (c & 0xF0) == 0xE0 ? 2
                    : (c & 0xF8) == 0xF0 ? 3
                                         : -1;
        if (extra < 0) {
            u[k++] = 0xFFFD;
            p++;
            continue;
        }
        c = extra == 0 ? c : extra == 1 ? (c & 0x1F) : extra == 2 ? (c & 0x0F) : (c & 0x07);
        int i = 1;
        for (; i <= extra; i++) {
            if ((p[i] & 0xC0) != 0x80)
                break;
            c = (c << 6) | (p[i] & 0x3F);
        }
        if (i <= extra) {
            u[k++] = 0xFFFD;
            p++;
            continue;
        }
        p += extra + 1;
        /* Explicit overrides (LRO, RLO) would let content show letters in
         * any order, a name reading backwards; they are dropped. Marks,
         * embeddings and isolates only set direction and stay. */
        if (c != 0x202D && c != 0x202E)
            u[k++] = c;
    }
    *n = k;
    return u;
}

static size_t encode1(uint32_t c, char *o)
{
    if (c < 0x80) {
        o[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        o[0] = (char)(0xC0 | (c >> 6));
        o[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        o[0] = (char)(0xE0 | (c >> 12));
        o[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        o[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (c >> 18));
    o[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    o[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/* ---- runs ---- */

static bool is_arabic(uint32_t c)
{
    return (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) ||
           (c >= 0x08A0 && c <= 0x08FF) || (c >= 0xFB50 && c <= 0xFDFF) ||
           (c >= 0xFE70 && c <= 0xFEFF);
}

static bool is_neutral(uint32_t c)
{
    return c == ' ' || c == 0x00A0 || c == 0x200C || c == 0x200D || c == 0x200E || c == 0x200F;
}

bool text_has_glyph(struct text *t, uint32_t cp)
{
    for (int f = 0; f < NFACES; f++)
        if (t->have_face[f] && TTF_GlyphIsProvided32(t->probe[f], cp))
            return true;
    return false;
}

/* Chooses a font face per character: the main font when it has the glyph,
 * else the fallback; spaces and joiners go with the character before. */
static void choose_faces(struct text *t, const uint32_t *u, size_t n, uint8_t *face)
{
    uint8_t prev = FACE_MAIN;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = u[i];
        uint8_t f;
        if (is_neutral(c))
            f = prev;
        else if (is_arabic(c) && t->have_face[FACE_FALLBACK])
            f = FACE_FALLBACK;
        else if (c < 0x80 || TTF_GlyphIsProvided32(t->probe[FACE_MAIN], c))
            f = FACE_MAIN;
        else if (t->have_face[FACE_FALLBACK] && TTF_GlyphIsProvided32(t->probe[FACE_FALLBACK], c))
            f = FACE_FALLBACK;
        else
            f = FACE_MAIN;
        face[i] = f;
        prev = f;
    }
}

static const char *script_of(const struct lchar *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        uint32_t cp = c[i].cp;
        if (is_arabic(cp))
            return "Arab";
        if (cp >= 0x0400 && cp <= 0x052F)
            return "Cyrl";
        if (cp >= 0x0370 && cp <= 0x03FF)
            return "Grek";
        if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || (cp >= 0xC0 && cp < 0x250))
            return "Latn";
    }
    return "Zyyy";
}

/* Shapes and measures (or renders, if out) one run of characters of one
 * face and level. */
static int run_width(struct text *t, const struct lchar *c, size_t n, int size, int weight,
                     SDL_Surface **out)
{
    if (n == 0)
        return 0;
    char *buf = xmalloc(n * 4 + 1);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += encode1(c[i].cp, buf + k);
    buf[k] = '\0';
    TTF_Font *f = get_font(t, c[0].face, weight, size);
    TTF_SetFontDirection(f, (c[0].level & 1) ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR);
    TTF_SetFontScriptName(f, script_of(c, n));
    int w = 0, h = 0;
    if (out) {
        SDL_Color white = {255, 255, 255, 255};
        *out = TTF_RenderUTF8_Blended(f, buf, white);
        if (*out)
            w = (*out)->w;
    } else {
        TTF_SizeUTF8(f, buf, &w, &h);
    }
    free(buf);
    return w;
}

/* Width of a line slice: the sum of its runs. */
static int line_width(struct text *t, const struct lchar *c, size_t n, int size, int weight)
{
    int w = 0;
    size_t a = 0;
    while (a < n) {
        size_t b = a + 1;
        while (b < n && c[b].face == c[a].face && c[b].level == c[a].level)
            b++;
        w += run_width(t, c + a, b - a, size, weight, NULL);
        a = b;
    }
    return w;
}

static void add_line(struct lines *ls, const struct lchar *c, size_t n, int w)
{
    if (n > 0 && c[n - 1].cp == ' ')
        w = -1;
    while (n > 0 && c[n - 1].cp == ' ') /* no trailing spaces */
        n--;
    XGROW(ls->v, ls->cap, ls->n + 1);
    struct line *l = &ls->v[ls->n++];
    l->c = xmalloc((n + 3) * sizeof(*l->c)); /* room for a hyphen and an ellipsis */
    memcpy(l->c, c, n * sizeof(*c));
    l->n = n;
    l->w = n ? w : 0;
}

static bool is_vowel(uint32_t cp)
{
    static const uint32_t v[] =
        {
            'a',   'e',   'i',   'o',   'u',   'y',
            0xE4,  0xF6,  0xE5,  0xE9,  0xFC, /* ä ö å é ü */
            0x430, 0x435, 0x451, 0x438, 0x43E, 0x443,
            0x44B, 0x44D, 0x44E, 0x44F, /* а е ё и о у ы э ю я */
            0x456, 0x457, 0x454,        /* і ї є */
        };
    if (cp < 0x80 && cp >= 'A' && cp <= 'Z')
        cp += 'a' - 'A';
    else if ((cp >= 0xC0 && cp <= 0xDE) || (cp >= 0x410 && cp <= 0x42F))
        cp += 0x20;
    else if (cp >= 0x400 && cp <= 0x40F)
        cp += 0x50;
    for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++)
        if (v[i] == cp)
            return true;
    return false;
}

/* A letter of an alphabet whose words may be hyphenated (Latin, Cyrillic). */
static bool hyphenable(uint32_t cp)
{
    return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || (cp >= 0xC0 && cp < 0x250) ||
           (cp >= 0x400 && cp < 0x500);
}

/* Where to break a word c[start..end) too long for the line: after a hyphen
 * or dash inside it, else before a consonant followed by a vowel (the
 * Finnish syllable rule, a fair guess in Swedish, English and Russian
 * too: "Varhais-kasvatus"), each part at least two letters. Returns the
 * break position (0 if none fits) and whether a hyphen must be added. */
static size_t hyphen_point(struct text *t, const struct lchar *c, size_t start, size_t end,
                           const struct text_style *st, bool *add_hyphen)
{
    struct lchar hy = {'-', FACE_MAIN, 0};
    /* A dash already in the word is the better break: try those first. */
    for (int pass = 0; pass < 2; pass++) {
        for (size_t k = end - 2; k >= start + 2 && k < end; k--) {
            bool dash = c[k - 1].cp == '-' || c[k - 1].cp == 0x2013;
            bool syllable = hyphenable(c[k].cp) && hyphenable(c[k - 1].cp) && !is_vowel(c[k].cp) &&
                            is_vowel(c[k + 1].cp) && hyphenable(c[k + 1].cp);
            if (pass == 0 ? !dash : !syllable)
                continue;
            int w = line_width(t, c + start, k - start, st->size, st->weight);
            if (!dash) {
                hy.level = c[k - 1].level;
                w += line_width(t, &hy, 1, st->size, st->weight);
            }
            if (w <= st->width) {
                *add_hyphen = !dash;
                return k;
            }
        }
    }
    return 0;
}

/* Breaks one paragraph into lines of at most width pixels (0 = no limit). */
static void wrap(struct text *t, const struct lchar *c, size_t n, const struct text_style *st,
                 struct lines *ls)
{
    if (st->width <= 0) {
        add_line(ls, c, n, -1);
        return;
    }
    size_t start = 0;
    while (start < n) {
        while (start < n && c[start].cp == ' ')
            start++;
        if (start >= n)
            break;
        /* Words are added while the line's width, estimated as the sum of
         * its pieces (each word with the spaces before it, shaped once),
         * fits; the line found is then measured whole, and shortened by a
         * word while kerning or shaping across the pieces makes it wider.
         * Each piece is shaped once instead of the whole line again for
         * every word. The sum can also be wider than the line shaped whole
         * (each piece's width is rounded up, and a space kerns with its
         * neighbours): when it is over the width by no more than that,
         * the line is measured whole before a word is given up, so a text
         * fits in a box as wide as itself. */
        size_t best = start; /* end of the last word that fits */
        int best_w = -1, est = 0, pieces = 0;
        size_t i = start;
        while (i < n) {
            size_t e = i;
            while (e < n && c[e].cp != ' ')
                e++;
            if (e - start > LINE_MAX_CHARS)
                break;
            est += line_width(t, c + best, e - best, st->size, st->weight);
            pieces++;
            if (est > st->width && pieces > 1 && est - st->width <= 2 * pieces)
                est = line_width(t, c + start, e - start, st->size, st->weight);
            if (est > st->width)
                break;
            best = e;
            i = e;
            while (i < n && c[i].cp == ' ')
                i++;
        }
        while (best > start) {
            best_w = line_width(t, c + start, best - start, st->size, st->weight);
            if (best_w <= st->width)
                break;
            while (best > start && c[best - 1].cp != ' ') /* back to the word before */
                best--;
            while (best > start && c[best - 1].cp == ' ')
                best--;
            best_w = -1;
        }
        bool hyphen = false;
        if (best == start) {
            /* One word wider than the line: hyphenate it, or break it
             * between characters if no syllable boundary fits. */
            size_t end = start;
            while (end < n && c[end].cp != ' ' && end - start < LINE_MAX_CHARS)
                end++;
            best = end - start >= 4 ? hyphen_point(t, c, start, end, st, &hyphen) : 0;
            if (best == 0) {
                size_t e = start + 1;
                while (e < n && c[e].cp != ' ' && e - start < LINE_MAX_CHARS &&
                       line_width(t, c + start, e + 1 - start, st->size, st->weight) <= st->width)
                    e++;
                best = e;
            }
        }
        add_line(ls, c + start, best - start, best_w);
        if (hyphen) {
            struct line *l = &ls->v[ls->n - 1];
            l->c[l->n] = (struct lchar){'-', FACE_MAIN, l->n ? l->c[l->n - 1].level : 0};
            l->n++;
            l->w = -1;
        }
        start = best;
    }
}

/* Shortens the line until it fits with an ellipsis at its logical end. */
static void ellipsize(struct text *t, struct line *l, const struct text_style *st)
{
    uint8_t level = l->n ? l->c[l->n - 1].level : 0;
    for (;;) {
        while (l->n > 0 && (l->c[l->n - 1].cp == ' ' || l->c[l->n - 1].cp == '-'))
            l->n--;
        l->c[l->n] = (struct lchar){ELLIPSIS, FACE_MAIN, (uint8_t)(level & 1 ? level : 0)};
        if (l->n == 0 || st->width <= 0 ||
            line_width(t, l->c, l->n + 1, st->size, st->weight) <= st->width)
            break;
        l->n--;
    }
    l->n++;
    l->w = -1;
}

/* Renders one line in visual order: runs are reordered by bidi rule L2. */
static SDL_Surface *render_line(struct text *t, const struct line *l, const struct text_style *st,
                                int line_h, int ascent)
{
    size_t nruns = 0, cap = 0;
    struct run {
        size_t a, b;
        uint8_t level;
    } *runs = NULL;
    size_t a = 0;
    while (a < l->n) {
        size_t b = a + 1;
        while (b < l->n && l->c[b].face == l->c[a].face && l->c[b].level == l->c[a].level)
            b++;
        XGROW(runs, cap, nruns + 1);
        runs[nruns++] = (struct run){a, b, l->c[a].level};
        a = b;
    }
    uint8_t maxl = 0, minodd = 255;
    for (size_t i = 0; i < nruns; i++) {
        if (runs[i].level > maxl)
            maxl = runs[i].level;
        if ((runs[i].level & 1) && runs[i].level < minodd)
            minodd = runs[i].level;
    }
    for (int lv = maxl; lv >= minodd && lv > 0; lv--) {
        for (size_t i = 0; i < nruns;) {
            if (runs[i].level < lv) {
                i++;
                continue;
            }
            size_t j = i;
            while (j < nruns && runs[j].level >= lv)
                j++;
            for (size_t x = i, y = j - 1; x < y; x++, y--) {
                struct run tmp = runs[x];
                runs[x] = runs[y];
                runs[y] = tmp;
            }
            i = j;
        }
    }
    SDL_Surface **parts = xcalloc(nruns ? nruns : 1, sizeof(*parts));
    int w = 0;
    for (size_t i = 0; i < nruns; i++) {
        run_width(t, l->c + runs[i].a, runs[i].b - runs[i].a, st->size, st->weight, &parts[i]);
        if (parts[i])
            w += parts[i]->w;
    }
    SDL_Surface *line = NULL;
    if (w > 0) {
        line = SDL_CreateRGBSurfaceWithFormat(0, w, line_h, 32, SDL_PIXELFORMAT_ARGB8888);
        if (line) {
            SDL_FillRect(line, NULL, 0);
            int x = 0;
            for (size_t i = 0; i < nruns; i++) {
                if (!parts[i])
                    continue;
                TTF_Font *f = get_font(t, l->c[runs[i].a].face, st->weight, st->size);
                SDL_Rect dst = {x, ascent - TTF_FontAscent(f), parts[i]->w, parts[i]->h};
                SDL_SetSurfaceBlendMode(parts[i], SDL_BLENDMODE_NONE);
                SDL_BlitSurface(parts[i], NULL, line, &dst);
                x += parts[i]->w;
            }
        }
    }
    for (size_t i = 0; i < nruns; i++)
        SDL_FreeSurface(parts[i]);
    free(parts);
    free(runs);
    return line;
}

/* True if r (drawing coordinates) meets the part of the target that is
 * drawn on: the viewport, within the clip rectangle if one is set. */
static bool visible(struct text *t, SDL_Rect r)
{
    SDL_Rect vp, clip;
    SDL_RenderGetViewport(t->ren, &vp);
    SDL_Rect area = {0, 0, vp.w, vp.h};
    SDL_RenderGetClipRect(t->ren, &clip);
    if (!SDL_RectEmpty(&clip))
        area = clip;
    return SDL_RectEmpty(&area) || SDL_HasIntersection(&r, &area);
}

/* The scratch texture: a text is coloured and drawn in tiles of at most
 * this many rows and columns, so the scratch stays small (256 KiB to
 * 512 KiB) whatever the text's size. */
#define SCRATCH_ROWS  64
#define SCRATCH_MIN_W 1024
#define SCRATCH_MAX_W 2048

/* Draws a software-renderer text: its mask coloured c, tile by tile,
 * through the scratch texture. Locking the scratch makes the renderer
 * first draw what it has queued from it, so each tile is drawn before it
 * is overwritten. Tiles outside the drawn area are skipped. */
static void draw_mask(struct text *t, const struct entry *e, SDL_Rect dst, SDL_Color c)
{
    int w = e->box.w;
    int want = w < SCRATCH_MIN_W ? SCRATCH_MIN_W : w > SCRATCH_MAX_W ? SCRATCH_MAX_W : w;
    if (!t->scratch || t->scratch_w < want) {
        if (t->scratch)
            SDL_DestroyTexture(t->scratch);
        t->scratch = SDL_CreateTexture(t->ren, SDL_PIXELFORMAT_ARGB8888,
                                       SDL_TEXTUREACCESS_STREAMING, want, SCRATCH_ROWS);
        t->scratch_w = t->scratch ? want : 0;
        if (!t->scratch)
            return;
        SDL_SetTextureBlendMode(t->scratch, SDL_BLENDMODE_BLEND);
    }
    SDL_SetTextureAlphaMod(t->scratch, c.a);
    Uint32 rgb = ((Uint32)c.r << 16) | ((Uint32)c.g << 8) | c.b;
    for (int y0 = 0; y0 < e->box.h; y0 += SCRATCH_ROWS) {
        int rows = e->box.h - y0 < SCRATCH_ROWS ? e->box.h - y0 : SCRATCH_ROWS;
        for (int x0 = 0; x0 < w; x0 += t->scratch_w) {
            int cols = w - x0 < t->scratch_w ? w - x0 : t->scratch_w;
            SDL_Rect to = {dst.x + x0, dst.y + y0, cols, rows};
            if (!visible(t, to))
                continue;
            SDL_Rect from = {0, 0, cols, rows};
            void *pixels;
            int pitch;
            if (SDL_LockTexture(t->scratch, &from, &pixels, &pitch) != 0)
                return;
            for (int y = 0; y < rows; y++) {
                const uint8_t *m = e->mask + (size_t)(y0 + y) * (size_t)w + (size_t)x0;
                Uint32 *row = (Uint32 *)((Uint8 *)pixels + (size_t)y * (size_t)pitch);
                for (int x = 0; x < cols; x++)
                    row[x] = ((Uint32)m[x] << 24) | (m[x] ? rgb : 0);
            }
            SDL_UnlockTexture(t->scratch);
            SDL_RenderCopy(t->ren, t->scratch, &from, &to);
        }
    }
}

/* Breaks s into lines of logical characters (bidi levels resolved), with
 * the style's width and line limit; true if any line uses the fallback
 * face. */
static bool break_lines(struct text *t, const char *s, const struct text_style *st,
                        struct lines *ls)
{
    size_t n;
    uint32_t *u = decode(s, &n);
    if (n > TEXT_MAX_CHARS) {
        n = TEXT_MAX_CHARS;
        u[n - 1] = ELLIPSIS;
    }
    uint8_t *face = xmalloc(n + 1);
    choose_faces(t, u, n, face);
    bool uses_fallback = false;
    size_t p = 0;
    while (p <= n) {
        size_t e = p;
        while (e < n && u[e] != '\n')
            e++;
        size_t len = e - p;
        struct lchar *c = xmalloc((len + 1) * sizeof(*c));
        if (len > 0) {
            FriBidiCharType *types = xmalloc(len * sizeof(*types));
            FriBidiBracketType *br = xmalloc(len * sizeof(*br));
            FriBidiLevel *lev = xmalloc(len * sizeof(*lev));
            fribidi_get_bidi_types(u + p, (FriBidiStrIndex)len, types);
            fribidi_get_bracket_types(u + p, (FriBidiStrIndex)len, types, br);
            /* The paragraph's direction comes from its first strong letter,
             * so a phone number, a web address or a Finnish name stays left
             * to right even in a right-to-left layout. In that layout a
             * paragraph with any right-to-left letter is right to left,
             * though, also when it starts with a Latin word ("12 GB ..."
             * in Arabic): its sentence is the Arabic one. */
            FriBidiParType base = FRIBIDI_PAR_ON;
            for (size_t i = 0; st->rtl && i < len && base == FRIBIDI_PAR_ON; i++)
                if (types[i] == FRIBIDI_TYPE_RTL || types[i] == FRIBIDI_TYPE_AL)
                    base = FRIBIDI_PAR_RTL;
            if (!fribidi_get_par_embedding_levels_ex(types, br, (FriBidiStrIndex)len, &base, lev))
                memset(lev, 0, len * sizeof(*lev));
            for (size_t i = 0; i < len; i++) {
                c[i] = (struct lchar){u[p + i], face[p + i], (uint8_t)lev[i]};
                uses_fallback |= face[p + i] == FACE_FALLBACK;
            }
            free(types);
            free(br);
            free(lev);
        }
        wrap(t, c, len, st, ls);
        if (len == 0)
            add_line(ls, c, 0, 0);
        free(c);
        p = e + 1;
    }
    if (st->max_lines > 0 && ls->n > (size_t)st->max_lines) {
        for (size_t i = (size_t)st->max_lines; i < ls->n; i++)
            free(ls->v[i].c);
        ls->n = (size_t)st->max_lines;
        ellipsize(t, &ls->v[ls->n - 1], st);
    }
    free(face);
    free(u);
    return uses_fallback;
}

size_t text_wrap(struct text *t, const char *s, const struct text_style *st, char *out, size_t cap)
{
    struct lines ls = {0};
    break_lines(t, s ? s : "", st, &ls);
    size_t k = 0;
    for (size_t i = 0; i < ls.n; i++) {
        for (size_t j = 0; j <= ls.v[i].n; j++) {
            char enc[4];
            size_t len = j < ls.v[i].n ? encode1(ls.v[i].c[j].cp, enc) : 1;
            if (j == ls.v[i].n)
                enc[0] = '\n';
            if (j == ls.v[i].n && i + 1 == ls.n)
                break;
            if (k + len < cap)
                memcpy(out + k, enc, len);
            k += len;
        }
        free(ls.v[i].c);
    }
    free(ls.v);
    if (cap > 0)
        out[k < cap ? k : cap - 1] = '\0';
    return ls.n;
}

/* What an entry holds besides its texture. */
static size_t lines_cost(const struct entry *e)
{
    size_t c = sizeof(*e) + strlen(e->s) + 1 + e->ls.cap * sizeof(struct line);
    for (size_t i = 0; i < e->ls.n; i++)
        c += (e->ls.v[i].n + 3) * sizeof(struct lchar);
    return c;
}

/* Lays s out: lines broken, the box measured (the cache-miss path). The
 * lines are kept for render(). */
static void measure(struct text *t, const char *s, const struct text_style *st, struct entry *ent)
{
    struct text_box *box = &ent->box;
    memset(box, 0, sizeof(*box));
    struct lines *ls = &ent->ls;
    bool uses_fallback = break_lines(t, s, st, ls);

    TTF_Font *mf = get_font(t, FACE_MAIN, st->weight, st->size);
    int line_h = TTF_FontLineSkip(mf), ascent = TTF_FontAscent(mf);

    if (uses_fallback) {
        TTF_Font *ff = get_font(t, FACE_FALLBACK, st->weight, st->size);
        int fa = TTF_FontAscent(ff), fd = -TTF_FontDescent(ff);
        int md = line_h - ascent;
        if (fa > ascent)
            ascent = fa;
        if (fd > md)
            md = fd;
        line_h = ascent + md;
    }
    size_t max_lines = (size_t)(TEXT_MAX_HEIGHT / (line_h > 0 ? line_h : 1));
    if (st->max_lines > 0 && (size_t)st->max_lines < max_lines)
        max_lines = (size_t)st->max_lines;
    if (max_lines < 1)
        max_lines = 1;
    if (ls->n > max_lines) {
        for (size_t i = max_lines; i < ls->n; i++)
            free(ls->v[i].c);
        ls->n = max_lines;
        ellipsize(t, &ls->v[ls->n - 1], st);
    }
    /* A line's width is the sum of its runs' (as render_line draws them). */
    int maxw = 0;
    for (size_t i = 0; i < ls->n; i++) {
        struct line *l = &ls->v[i];
        if (l->w < 0)
            l->w = line_width(t, l->c, l->n, st->size, st->weight);
        if (l->w > maxw)
            maxw = l->w;
    }
    ent->line_h = line_h;
    ent->ascent = ascent;
    box->lines = (int)ls->n;
    if (maxw > 0) {
        box->w = maxw;
        box->h = line_h * (int)ls->n;
    } else {
        free_lines(ls); /* nothing to draw */
        ent->rendered = true;
    }
}

/* Where a line w wide starts in a box maxw wide. */
static int line_x(const struct text_style *st, int w, int maxw)
{
    int free_w = maxw - w;
    bool right = (st->align == TEXT_END) != st->rtl;
    return st->align == TEXT_CENTER ? free_w / 2 : right ? free_w : 0;
}

/* Software renderer: the lines' coverage straight into the entry's mask.
 * Each line's pixels are let go as soon as its coverage is taken, so a
 * long text never holds more than one line in colour. */
static void render_mask(struct text *t, struct entry *ent)
{
    struct lines *ls = &ent->ls;
    size_t n = ls->n;
    int lh = ent->line_h;
    uint8_t **lm = xcalloc(n ? n : 1, sizeof(*lm));
    int *lw = xcalloc(n ? n : 1, sizeof(*lw));
    int maxw = 0;
    for (size_t i = 0; i < n; i++) {
        SDL_Surface *line =
            ls->v[i].n ? render_line(t, &ls->v[i], &ent->st, lh, ent->ascent) : NULL;
        if (!line)
            continue;
        lw[i] = line->w;
        lm[i] = xmalloc((size_t)line->w * (size_t)lh);
        for (int y = 0; y < lh; y++) {
            const Uint32 *row = (const Uint32 *)((const Uint8 *)line->pixels + y * line->pitch);
            uint8_t *out = lm[i] + (size_t)y * (size_t)line->w;
            for (int x = 0; x < line->w; x++)
                out[x] = y < line->h ? (uint8_t)(row[x] >> 24) : 0;
        }
        SDL_FreeSurface(line);
        if (lw[i] > maxw)
            maxw = lw[i];
    }
    if (maxw > 0) {
        ent->mask = xcalloc((size_t)maxw * (size_t)lh * n, 1);
        for (size_t i = 0; i < n; i++) {
            if (!lm[i])
                continue;
            int x = line_x(&ent->st, lw[i], maxw);
            for (int y = 0; y < lh; y++)
                memcpy(ent->mask + ((size_t)i * (size_t)lh + (size_t)y) * (size_t)maxw + (size_t)x,
                       lm[i] + (size_t)y * (size_t)lw[i], (size_t)lw[i]);
        }
        ent->box.w = maxw;
        ent->box.h = lh * (int)n;
        ent->box.rendered = true;
    }
    for (size_t i = 0; i < n; i++)
        free(lm[i]);
    free(lm);
    free(lw);
}

/* Other renderers: the lines into one surface, made a texture. */
static void render_texture(struct text *t, struct entry *ent)
{
    struct lines *ls = &ent->ls;
    const struct text_style *st = &ent->st;
    SDL_Surface **surf = xcalloc(ls->n ? ls->n : 1, sizeof(*surf));
    int maxw = 0;
    for (size_t i = 0; i < ls->n; i++) {
        surf[i] = ls->v[i].n ? render_line(t, &ls->v[i], st, ent->line_h, ent->ascent) : NULL;
        if (surf[i] && surf[i]->w > maxw)
            maxw = surf[i]->w;
    }
    SDL_Surface *all = NULL;
    if (maxw > 0)
        all = SDL_CreateRGBSurfaceWithFormat(0, maxw, ent->line_h * (int)ls->n, 32,
                                             SDL_PIXELFORMAT_ARGB8888);
    if (all) {
        SDL_FillRect(all, NULL, 0);
        for (size_t i = 0; i < ls->n; i++) {
            if (!surf[i])
                continue;
            SDL_Rect dst = {line_x(st, surf[i]->w, maxw), (int)i * ent->line_h, surf[i]->w,
                            surf[i]->h};
            SDL_SetSurfaceBlendMode(surf[i], SDL_BLENDMODE_NONE);
            SDL_BlitSurface(surf[i], NULL, all, &dst);
        }
        ent->box.tex = SDL_CreateTextureFromSurface(t->ren, all);
        if (ent->box.tex) {
            SDL_SetTextureBlendMode(ent->box.tex, SDL_BLENDMODE_BLEND);
            ent->box.w = all->w;
            ent->box.h = all->h;
            ent->box.rendered = true;
        }
        SDL_FreeSurface(all);
    }
    for (size_t i = 0; i < ls->n; i++)
        SDL_FreeSurface(surf[i]);
    free(surf);
}

/* Renders a measured entry's lines into its pixels. */
static void render(struct text *t, struct entry *ent)
{
    ent->rendered = true;
    if (t->bake)
        render_mask(t, ent);
    else
        render_texture(t, ent);
    free_lines(&ent->ls);
    t->stats.bytes -= ent->cost;
    ent->cost = sizeof(*ent) + strlen(ent->s) + 1;
    if (ent->box.rendered)
        ent->cost += (size_t)ent->box.w * (size_t)ent->box.h * (ent->mask ? 1 : 4);
    t->stats.bytes += ent->cost;
}

static uint32_t hash_str(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (uint8_t)*s) * 16777619u;
    return h;
}

static bool same_style(const struct text_style *a, const struct text_style *b)
{
    return a->size == b->size && a->weight == b->weight && a->width == b->width &&
           a->max_lines == b->max_lines && a->align == b->align && a->rtl == b->rtl;
}

const struct text_box *text_layout(struct text *t, const char *s, const struct text_style *st)
{
    if (!s)
        s = "";
    uint32_t h = hash_str(s);
    h ^= (uint32_t)st->size * 2654435761u ^ (uint32_t)st->width * 40503u ^
         (uint32_t)st->max_lines * 977u ^ (uint32_t)st->weight * 31u ^ (uint32_t)st->align * 7u ^
         (uint32_t)st->rtl;
    struct entry **b = &t->buckets[h % NBUCKETS];
    for (struct entry *e = *b; e; e = e->next) {
        if (e->hash == h && same_style(&e->st, st) && strcmp(e->s, s) == 0) {
            e->used = t->frame;
            t->stats.hits++;
            return &e->box;
        }
    }
    t->stats.misses++;
    struct entry *e = xcalloc(1, sizeof(*e));
    e->s = xstrdup(s);
    e->st = *st;
    e->hash = h;
    e->used = t->frame;
    measure(t, s, st, e);
    if (e->box.h == 0)
        e->box.h = text_line_height(t, st->size);
    e->next = *b;
    *b = e;
    t->stats.entries++;
    e->cost = lines_cost(e);
    t->stats.bytes += e->cost;
    return &e->box;
}

const struct text_box *text_draw(struct text *t, const char *s, const struct text_style *st, int x,
                                 int y)
{
    const struct text_box *box = text_layout(t, s, st);
    if (box->w <= 0)
        return box;
    int dx = 0;
    if (st->width > box->w) {
        int free_w = st->width - box->w;
        bool right = (st->align == TEXT_END) != st->rtl;
        if (st->align == TEXT_CENTER)
            dx = free_w / 2;
        else if (right)
            dx = free_w;
    }
    SDL_Rect dst = {x + dx, y, box->w, box->h};
    /* Every box text_layout returns lives in a cache entry. */
    struct entry *e = (struct entry *)(void *)((char *)box - offsetof(struct entry, box));
    if (!e->rendered) {
        if (!visible(t, dst))
            return box;
        render(t, e);
        if (!box->rendered)
            return box;
        dst.w = box->w;
        dst.h = box->h;
    }
    if (e->mask) {
        draw_mask(t, e, dst, st->color);
    } else if (box->tex) {
        SDL_SetTextureColorMod(box->tex, st->color.r, st->color.g, st->color.b);
        SDL_SetTextureAlphaMod(box->tex, st->color.a);
        SDL_RenderCopy(t->ren, box->tex, NULL, &dst);
    }
    return box;
}

int text_line_height(struct text *t, int size)
{
    return TTF_FontLineSkip(get_font(t, FACE_MAIN, TEXT_REGULAR, size));
}

int text_width(struct text *t, const char *s, int size, enum text_weight weight)
{
    struct text_style st = {.size = size, .weight = weight};
    return text_layout(t, s, &st)->w;
}

static int cmp_used(const void *a, const void *b)
{
    const struct entry *x = *(struct entry *const *)a, *y = *(struct entry *const *)b;
    return (x->used > y->used) - (x->used < y->used);
}

void text_frame_end(struct text *t)
{
    t->frame++;
    if (t->stats.bytes <= CACHE_BUDGET)
        return;
    size_t n = 0;
    struct entry **all = xmalloc(t->stats.entries * sizeof(*all));
    for (int i = 0; i < NBUCKETS; i++)
        for (struct entry *e = t->buckets[i]; e; e = e->next)
            if (e->used + 1 < t->frame)
                all[n++] = e;
    qsort(all, n, sizeof(*all), cmp_used);
    for (size_t i = 0; i < n && t->stats.bytes > CACHE_BUDGET / 4 * 3; i++) {
        struct entry *victim = all[i];
        struct entry **pp = &t->buckets[victim->hash % NBUCKETS];
        while (*pp != victim)
            pp = &(*pp)->next;
        *pp = victim->next;
        free_entry(t, victim);
    }
    free(all);
}

bool text_idle(struct text *t)
{
    if (t->freed < TRIM_BYTES)
        return false;
    /* The pixels freed lie between newer allocations in the heap, where
     * malloc keeps them: handed back to the system while nobody waits for
     * a frame, so that the kiosk's resident memory follows the cache. */
    malloc_trim(0);
    t->freed = 0;
    return true;
}

void text_get_stats(const struct text *t, struct text_stats *out)
{
    *out = t->stats;
}
