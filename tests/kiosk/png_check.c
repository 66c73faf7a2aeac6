/* png_check: asserts facts about a screenshot for the kiosk's render tests.
 *   png_check FILE WxH [MIN_COLOURS] [OTHER.png]
 * Fails (exit 1, with the reason) if FILE is missing, not WxH, has fewer
 * than MIN_COLOURS distinct colours (a blank or black screen has one or
 * two), is mostly black, or is identical to OTHER.png. */
#include <SDL.h>
#include <SDL_image.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static SDL_Surface *load(const char *path)
{
    SDL_Surface *s = IMG_Load(path);
    if (!s)
        return NULL;
    SDL_Surface *c = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(s);
    return c;
}

static int cmp_u32(const void *a, const void *b)
{
    Uint32 x = *(const Uint32 *)a, y = *(const Uint32 *)b;
    return (x > y) - (x < y);
}

static Uint32 pixel(const SDL_Surface *s, int x, int y)
{
    return ((const Uint32 *)((const Uint8 *)s->pixels + y * s->pitch))[x] & 0xFFFFFF;
}

static int check_black(const char *path, const char *size)
{
    int w, h;
    SDL_Surface *s = load(path);
    if (!s || sscanf(size, "%dx%d", &w, &h) != 2) {
        fprintf(stderr, "%s: cannot load\n", path);
        return 1;
    }
    int rc = 0;
    if (s->w != w || s->h != h) {
        fprintf(stderr, "%s: is %dx%d, expected %dx%d\n", path, s->w, s->h, w, h);
        rc = 1;
    }
    long lit = 0;
    for (int y = 0; y < s->h; y++)
        for (int x = 0; x < s->w; x++)
            lit += pixel(s, x, y) != 0;
    if (lit) {
        fprintf(stderr, "%s: %ld pixels are not black\n", path, lit);
        rc = 1;
    }
    SDL_FreeSurface(s);
    return rc;
}

static int find_offset(const char *ref_path, const char *path, int max)
{
    SDL_Surface *r = load(ref_path), *s = load(path);
    int rc = 1;
    if (!r || !s || r->w != s->w || r->h != s->h || max < 0) {
        fprintf(stderr, "%s, %s: cannot load, or not the same size\n", ref_path, path);
        goto done;
    }
    for (int dy = -max; dy <= max && rc; dy++)
        for (int dx = -max; dx <= max && rc; dx++) {
            bool same = true;
            for (int y = max; y < r->h - max && same; y++)
                for (int x = max; x < r->w - max && same; x++)
                    same = pixel(r, x, y) == pixel(s, x + dx, y + dy);
            if (same) {
                printf("%d %d\n", dx, dy);
                rc = 0;
            }
        }
    if (rc)
        fprintf(stderr, "%s is not %s shifted by at most %d px\n", path, ref_path, max);
done:
    SDL_FreeSurface(r);
    SDL_FreeSurface(s);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "--black") == 0)
        return check_black(argv[2], argv[3]);
    if (argc == 5 && strcmp(argv[1], "--offset") == 0)
        return find_offset(argv[2], argv[3], atoi(argv[4]));
    if (argc < 3) {
        fprintf(stderr, "usage: png_check FILE WxH [MIN_COLOURS] [OTHER.png]\n");
        return 2;
    }
    int w, h;
    if (sscanf(argv[2], "%dx%d", &w, &h) != 2)
        return 2;
    long min_colours = argc > 3 ? strtol(argv[3], NULL, 10) : 16;
    SDL_Surface *s = load(argv[1]);
    if (!s) {
        fprintf(stderr, "%s: cannot load: %s\n", argv[1], IMG_GetError());
        return 1;
    }
    int rc = 0;
    if (s->w != w || s->h != h) {
        fprintf(stderr, "%s: is %dx%d, expected %dx%d\n", argv[1], s->w, s->h, w, h);
        rc = 1;
    }
    size_t n = (size_t)s->w * (size_t)s->h, dark = 0;
    Uint32 *px = malloc(n * sizeof(*px));
    for (int y = 0; y < s->h; y++)
        for (int x = 0; x < s->w; x++) {
            Uint32 v = ((Uint32 *)((Uint8 *)s->pixels + y * s->pitch))[x] & 0xFFFFFF;
            px[(size_t)y * (size_t)s->w + (size_t)x] = v;
            int lum = (int)((v >> 16) & 255) + (int)((v >> 8) & 255) + (int)(v & 255);
            dark += lum < 60;
        }
    qsort(px, n, sizeof(*px), cmp_u32);
    long colours = n ? 1 : 0;
    for (size_t i = 1; i < n; i++)
        colours += px[i] != px[i - 1];
    if (colours < min_colours) {
        fprintf(stderr, "%s: only %ld distinct colours (expected at least %ld): blank?\n", argv[1],
                colours, min_colours);
        rc = 1;
    }
    if (dark > n / 2) {
        fprintf(stderr, "%s: more than half of the picture is black\n", argv[1]);
        rc = 1;
    }
    if (argc > 4) {
        SDL_Surface *o = load(argv[4]);
        if (o && o->w == s->w && o->h == s->h) {
            bool same = true;
            for (int y = 0; y < s->h && same; y++)
                same = memcmp((Uint8 *)s->pixels + y * s->pitch, (Uint8 *)o->pixels + y * o->pitch,
                              (size_t)s->w * 4) == 0;
            if (same) {
                fprintf(stderr, "%s: identical to %s\n", argv[1], argv[4]);
                rc = 1;
            }
        }
        SDL_FreeSurface(o);
    }
    free(px);
    SDL_FreeSurface(s);
    return rc;
}
