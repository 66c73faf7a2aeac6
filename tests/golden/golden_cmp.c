/* golden_cmp: compares a screenshot with its reference picture for the
 * golden tests, with a tolerance for the small differences that font
 * rasterisation and anti-aliasing may bring between library builds.
 *
 *   golden_cmp [--delta N] [--max-percent P] REFERENCE.png GOT.png DIFF.png
 *
 * A pixel differs when any of its colour channels differs by more than N
 * (default 24 of 255). The pictures match when at most P percent of the
 * pixels differ (default 0.5). On a mismatch a diff picture is written to
 * DIFF.png — the new picture faded, differing pixels in magenta — and its
 * path is printed. Exit status: 0 match, 1 mismatch, 2 usage or I/O error. */
#include <SDL.h>
#include <SDL_image.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_DELTA       24
#define DEFAULT_MAX_PERCENT 0.5
#define FADE_NUM            1 /* the unchanged part of the diff: 1/4 colour, 3/4 white */
#define FADE_DEN            4

static SDL_Surface *load_argb(const char *path)
{
    SDL_Surface *s = IMG_Load(path);
    if (!s) {
        fprintf(stderr, "golden_cmp: %s: cannot load: %s\n", path, IMG_GetError());
        return NULL;
    }
    SDL_Surface *c = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(s);
    if (!c)
        fprintf(stderr, "golden_cmp: %s: cannot convert: %s\n", path, SDL_GetError());
    return c;
}

static Uint32 pixel_at(const SDL_Surface *s, int x, int y)
{
    return ((const Uint32 *)((const Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch))[x];
}

static int channel_delta(Uint32 a, Uint32 b)
{
    int worst = 0;
    for (int shift = 0; shift <= 16; shift += 8) {
        int d = abs((int)((a >> shift) & 0xFF) - (int)((b >> shift) & 0xFF));
        if (d > worst)
            worst = d;
    }
    return worst;
}

static Uint32 faded(Uint32 v)
{
    Uint32 out = 0xFF000000u;
    for (int shift = 0; shift <= 16; shift += 8) {
        Uint32 c = (v >> shift) & 0xFF;
        c = (c * FADE_NUM + 0xFF * (FADE_DEN - FADE_NUM)) / FADE_DEN;
        out |= c << shift;
    }
    return out;
}

static void usage(void)
{
    fprintf(stderr, "usage: golden_cmp [--delta N] [--max-percent P] REFERENCE.png GOT.png "
                    "DIFF.png\n");
}

int main(int argc, char **argv)
{
    int delta = DEFAULT_DELTA;
    double max_percent = DEFAULT_MAX_PERCENT;
    int i = 1;
    for (; i + 1 < argc && strncmp(argv[i], "--", 2) == 0; i += 2) {
        char *end;
        if (strcmp(argv[i], "--delta") == 0) {
            long v = strtol(argv[i + 1], &end, 10);
            if (*end || v < 0 || v > 255) {
                fprintf(stderr, "golden_cmp: --delta %s: expected 0..255\n", argv[i + 1]);
                return 2;
            }
            delta = (int)v;
        } else if (strcmp(argv[i], "--max-percent") == 0) {
            max_percent = strtod(argv[i + 1], &end);
            if (*end || max_percent < 0 || max_percent > 100) {
                fprintf(stderr, "golden_cmp: --max-percent %s: expected 0..100\n", argv[i + 1]);
                return 2;
            }
        } else {
            usage();
            return 2;
        }
    }
    if (argc - i != 3) {
        usage();
        return 2;
    }
    const char *ref_path = argv[i], *got_path = argv[i + 1], *diff_path = argv[i + 2];
    SDL_Surface *ref = load_argb(ref_path);
    SDL_Surface *got = ref ? load_argb(got_path) : NULL;
    if (!ref || !got) {
        SDL_FreeSurface(ref);
        return 2;
    }
    int rc = 0;
    if (ref->w != got->w || ref->h != got->h) {
        fprintf(stderr, "golden_cmp: %s is %dx%d but the reference %s is %dx%d\n", got_path, got->w,
                got->h, ref_path, ref->w, ref->h);
        rc = 1;
        goto out;
    }
    SDL_Surface *diff =
        SDL_CreateRGBSurfaceWithFormat(0, got->w, got->h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!diff) {
        fprintf(stderr, "golden_cmp: %s\n", SDL_GetError());
        rc = 2;
        goto out;
    }
    size_t differing = 0, total = (size_t)got->w * (size_t)got->h;
    int worst = 0;
    for (int y = 0; y < got->h; y++) {
        Uint32 *row = (Uint32 *)((Uint8 *)diff->pixels + (size_t)y * (size_t)diff->pitch);
        for (int x = 0; x < got->w; x++) {
            Uint32 a = pixel_at(ref, x, y), b = pixel_at(got, x, y);
            int d = channel_delta(a, b);
            if (d > worst)
                worst = d;
            if (d > delta) {
                differing++;
                row[x] = 0xFFFF00FFu;
            } else {
                row[x] = faded(b);
            }
        }
    }
    double percent = total ? 100.0 * (double)differing / (double)total : 0;
    if (percent > max_percent) {
        SDL_Surface *rgb = SDL_ConvertSurfaceFormat(diff, SDL_PIXELFORMAT_RGB24, 0);
        bool saved = rgb && IMG_SavePNG(rgb, diff_path) == 0;
        SDL_FreeSurface(rgb);
        fprintf(stderr,
                "golden_cmp: %s differs from %s: %.3f %% of the pixels by more than %d "
                "(limit %.3f %%)\n",
                got_path, ref_path, percent, delta, max_percent);
        if (saved)
            fprintf(stderr, "golden_cmp: diff picture: %s\n", diff_path);
        else
            fprintf(stderr, "golden_cmp: %s: cannot write the diff picture: %s\n", diff_path,
                    SDL_GetError());
        rc = 1;
    } else {
        printf("%s: matches (%.3f %% of the pixels differ, largest channel difference %d)\n",
               got_path, percent, worst);
    }
    SDL_FreeSurface(diff);
out:
    SDL_FreeSurface(ref);
    SDL_FreeSurface(got);
    return rc;
}
