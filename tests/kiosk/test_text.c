/* Tests of the text engine: wrapping and hyphenation of words longer than
 * a line, ellipsis, and text drawn in the colour asked for after the same
 * text was drawn in another (the software renderer's coloured cache). Runs
 * on a software renderer over a plain surface: no window. */
#include "text/text.h"

#include <SDL_ttf.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

struct fx {
    SDL_Surface *surf;
    SDL_Renderer *ren;
    struct text *text;
};

static int setup(void **state)
{
    static struct fx f;
    if (SDL_Init(0) != 0 || TTF_Init() != 0)
        return -1;
    f.surf = SDL_CreateRGBSurfaceWithFormat(0, 800, 400, 32, SDL_PIXELFORMAT_ARGB8888);
    f.ren = f.surf ? SDL_CreateSoftwareRenderer(f.surf) : NULL;
    char err[256];
    f.text = f.ren ? text_new(f.ren, NULL, err, sizeof(err)) : NULL;
    if (!f.text) {
        fprintf(stderr, "cannot start the text engine: %s\n", f.ren ? err : SDL_GetError());
        return -1;
    }
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    struct fx *f = *state;
    text_free(f->text);
    SDL_DestroyRenderer(f->ren);
    SDL_FreeSurface(f->surf);
    TTF_Quit();
    SDL_Quit();
    return 0;
}

static struct text_style style(int width)
{
    struct text_style st = {.size = 32, .weight = TEXT_BOLD, .width = width};
    st.color = (SDL_Color){0, 0, 0, 255};
    return st;
}

static bool vowel(char c)
{
    return strchr("aeiouy", c) != NULL;
}

/* A word too long for its line breaks at a syllable with a hyphen; the two
 * parts make the word again. */
static void test_hyphenates_finnish_compound(void **state)
{
    struct fx *f = *state;
    const char *word = "Varhaiskasvatus";
    int w = text_width(f->text, word, 32, TEXT_BOLD);
    struct text_style st = style(w * 3 / 4);
    char out[128];
    assert_int_equal(text_wrap(f->text, word, &st, out, sizeof(out)), 2);
    char *nl = strchr(out, '\n');
    assert_non_null(nl);
    assert_int_equal(nl[-1], '-');
    /* Before a consonant followed by a vowel: "...kas-vatus" or "...s-ka...". */
    assert_false(vowel(nl[1]));
    assert_true(vowel(nl[2]));
    char joined[128];
    snprintf(joined, sizeof(joined), "%.*s%s", (int)(nl - 1 - out), out, nl + 1);
    assert_string_equal(joined, word);
    /* Each part fits. */
    *nl = '\0';
    assert_true(text_width(f->text, out, 32, TEXT_BOLD) <= st.width);
}

/* Words that fit break at spaces, without hyphens. */
static void test_wraps_at_spaces(void **state)
{
    struct fx *f = *state;
    int w = text_width(f->text, "Perheen arki", 32, TEXT_BOLD);
    struct text_style st = style(w + 2);
    char out[128];
    assert_int_equal(text_wrap(f->text, "Perheen arki ja tuki", &st, out, sizeof(out)), 2);
    assert_string_equal(out, "Perheen arki\nja tuki");
}

/* A text fits on one line in a box exactly as wide as the text itself (a
 * badge, a button): the sum of the words measured one by one can be a
 * pixel or two wider than the line shaped whole, which must not wrap it.
 * At every size the kiosk uses, in Latin, Cyrillic and Arabic, regular and
 * bold, left to right and in a mirrored layout. */
static void test_fits_own_width(void **state)
{
    struct fx *f = *state;
    static const char *const texts[] = {
        "بانتظار مولود",         "الآباء والأمهات والبالغون", "Odottavat perheet",
        "Vanhemmat ja aikuiset", "Семьи в ожидании ребёнка",  "Родители и взрослые",
        "Expecting families",    "Föräldrar och vuxna",       "Qoysaska sugaya ilmo",
    };
    char out[256];
    int tried = 0;
    for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
        for (int size = 14; size <= 60; size++)
            for (int weight = 0; weight < 2; weight++)
                for (int rtl = 0; rtl < 2; rtl++) {
                    enum text_weight tw = weight ? TEXT_BOLD : TEXT_REGULAR;
                    struct text_style st = {.size = size, .weight = tw, .rtl = rtl};
                    st.width = text_width(f->text, texts[i], size, tw);
                    int n = text_wrap(f->text, texts[i], &st, out, sizeof(out));
                    if (n != 1)
                        fail_msg("\"%s\" at %d px (%s%s) wraps in its own width %d: \"%s\"",
                                 texts[i], size, weight ? "bold" : "regular", rtl ? ", rtl" : "",
                                 st.width, out);
                    tried++;
                }
    assert_true(tried > 1000);
}

/* A dash inside the word is the break: no hyphen is added after it. */
static void test_breaks_after_dash(void **state)
{
    struct fx *f = *state;
    const char *word = "2\xe2\x80\x93"
                       "5-vuotiaille";
    int w = text_width(f->text, "vuotiaille", 32, TEXT_BOLD) + 2;
    assert_true(text_width(f->text, word, 32, TEXT_BOLD) > w);
    struct text_style st = style(w);
    char out[128];
    assert_int_equal(text_wrap(f->text, word, &st, out, sizeof(out)), 2);
    assert_string_equal(out, "2\xe2\x80\x93"
                             "5-\nvuotiaille");
}

/* Arabic is not hyphenated: a too-long word breaks without a '-'. */
static void test_no_hyphen_in_arabic(void **state)
{
    struct fx *f = *state;
    const char *word =
        "\xd8\xa7\xd9\x84\xd8\xa7\xd8\xb3\xd8\xaa\xd8\xb4\xd8\xa7\xd8\xb1\xd8\xa7\xd8"
        "\xaa\xd8\xa7\xd9\x84\xd8\xb9\xd8\xa7\xd8\xa6\xd9\x84\xd9\x8a\xd8\xa9";
    int w = text_width(f->text, word, 32, TEXT_BOLD);
    struct text_style st = style(w / 2);
    char out[256];
    assert_true(text_wrap(f->text, word, &st, out, sizeof(out)) >= 2);
    assert_null(strchr(out, '-'));
}

/* The last allowed line ends in an ellipsis, never in "-…". */
static void test_ellipsis_drops_hyphen(void **state)
{
    struct fx *f = *state;
    const char *text = "Kohtaamispaikat ja avoimet perhekahvilat";
    int w = text_width(f->text, "Kohtaamis", 32, TEXT_BOLD);
    struct text_style st = style(w + 4);
    st.max_lines = 2;
    char out[256];
    assert_int_equal(text_wrap(f->text, text, &st, out, sizeof(out)), 2);
    size_t n = strlen(out);
    assert_true(n > 3);
    assert_string_equal(out + n - 3, "\xe2\x80\xa6");
    assert_int_not_equal(out[n - 4], '-');
}

/* The colour of the pixel under the middle of a solid block glyph. */
static SDL_Color pixel_at(struct fx *f, int x, int y)
{
    Uint32 p = ((Uint32 *)((Uint8 *)f->surf->pixels + y * f->surf->pitch))[x];
    SDL_Color c;
    SDL_GetRGB(p, f->surf->format, &c.r, &c.g, &c.b);
    c.a = 255;
    return c;
}

/* A text drawn outside the picture is measured but not rendered; drawn in
 * view it is, with the width it was measured at (Latin, Arabic, mixed). */
static void test_rendered_only_in_view(void **state)
{
    struct fx *f = *state;
    static const char *const texts[] = {
        "Perhekeskus Aurinkolahti", "\u0645\u0631\u0643\u0632 \u0627\u0644\u0623\u0633\u0631\u0629",
        "Tel. 09 000 2110 \u0647\u0627\u062a\u0641"};
    for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
        struct text_style st = style(0);
        st.size = 30 + (int)i; /* a fresh cache entry each */
        const struct text_box *b = text_draw(f->text, texts[i], &st, 0, 1000);
        assert_false(b->rendered);
        assert_true(b->w > 0);
        int w = b->w, h = b->h;
        /* Clipped away: still not rendered. */
        SDL_Rect clip = {0, 0, 100, 50};
        SDL_RenderSetClipRect(f->ren, &clip);
        b = text_draw(f->text, texts[i], &st, 0, 200);
        assert_false(b->rendered);
        SDL_RenderSetClipRect(f->ren, NULL);
        b = text_draw(f->text, texts[i], &st, 0, 200);
        assert_true(b->rendered);
        assert_int_equal(b->w, w);
        assert_int_equal(b->h, h);
    }
}

/* In a right-to-left layout an Arabic sentence that starts with a Latin
 * word ("12 GB available") is still right to left: the Arabic word is at
 * the left end of the line, as it is drawn alone. In a left-to-right
 * layout the same text starts with "12 GB" on the left. */
static void test_rtl_sentence_starting_latin(void **state)
{
    struct fx *f = *state;
    static const char arabic[] = "\u0645\u062a\u0627\u062d";
    char mixed[64];
    snprintf(mixed, sizeof(mixed), "12 GB %s", arabic);
    for (int rtl = 0; rtl < 2; rtl++) {
        SDL_SetRenderDrawColor(f->ren, 255, 255, 255, 255);
        SDL_RenderClear(f->ren);
        struct text_style st = style(0);
        st.rtl = rtl;
        const struct text_box *alone = text_draw(f->text, arabic, &st, 0, 0);
        int wa = alone->w;
        text_draw(f->text, mixed, &st, 0, 100);
        SDL_RenderPresent(f->ren);
        int same = 0, ink = 0;
        for (int y = 0; y < alone->h; y++)
            for (int x = 0; x < wa - 2; x++) {
                SDL_Color a = pixel_at(f, x, y), b = pixel_at(f, x, 100 + y);
                ink += a.r < 128;
                same += a.r < 128 && b.r < 128;
            }
        assert_true(ink > 50);
        if (rtl)
            assert_true(same * 10 >= ink * 9); /* the Arabic word, on the left */
        else
            assert_true(same * 2 < ink); /* "12 GB" on the left */
    }
}

/* Right-to-left and left-to-right overrides are dropped: content cannot
 * make a name read backwards. Other direction marks stay. */
static void test_overrides_dropped(void **state)
{
    struct fx *f = *state;
    struct text_style st = style(0);
    char out[128];
    text_wrap(f->text, "abc\u202Edef\u202C ghi\u202Djkl", &st, out, sizeof(out));
    assert_string_equal(out, "abcdef\u202C ghijkl");
    text_wrap(f->text, "\u200Fabc\u2067def\u2069", &st, out, sizeof(out));
    assert_string_equal(out, "\u200Fabc\u2067def\u2069");
}

/* The same text drawn in red, then in blue, shows in each colour. */
static void test_colour_follows_style(void **state)
{
    struct fx *f = *state;
    SDL_SetRenderDrawColor(f->ren, 255, 255, 255, 255);
    SDL_RenderClear(f->ren);
    struct text_style st = {.size = 120, .weight = TEXT_BOLD};
    st.color = (SDL_Color){200, 0, 0, 255};
    const struct text_box *b = text_draw(f->text, "I", &st, 0, 0);
    assert_true(b->rendered);
    st.color = (SDL_Color){0, 0, 200, 255};
    text_draw(f->text, "I", &st, 400, 0);
    SDL_RenderPresent(f->ren);
    /* The middle of the I's stem, in each copy. */
    int cx = b->w / 2, cy = b->h / 2;
    SDL_Color red = pixel_at(f, cx, cy), blue = pixel_at(f, 400 + cx, cy);
    assert_int_equal(red.r, 200);
    assert_int_equal(red.b, 0);
    assert_int_equal(blue.r, 0);
    assert_int_equal(blue.b, 200);
    /* And back to red: the cached text follows again. */
    st.color = (SDL_Color){200, 0, 0, 255};
    text_draw(f->text, "I", &st, 200, 0);
    SDL_RenderPresent(f->ren);
    assert_int_equal(pixel_at(f, 200 + cx, cy).r, 200);

    /* A text taller than the strips it is coloured in (64 rows): its last
     * line is drawn too, in its colour, below the first. */
    SDL_SetRenderDrawColor(f->ren, 255, 255, 255, 255);
    SDL_RenderClear(f->ren);
    struct text_style ts = {.size = 48, .weight = TEXT_BOLD, .width = 30};
    ts.color = (SDL_Color){0, 150, 0, 255};
    const struct text_box *tall = text_draw(f->text, "I I I I", &ts, 0, 0);
    assert_int_equal(tall->lines, 4);
    assert_true(tall->h > 3 * 64);
    SDL_RenderPresent(f->ren);
    int lh = tall->h / 4, green = 0;
    for (int x = 0; x < tall->w; x++) {
        SDL_Color p = pixel_at(f, x, 3 * lh + lh / 2);
        green += p.g == 150 && p.r == 0 && p.b == 0;
    }
    assert_true(green > 0);

    /* A line wider than the scratch texture's 2048 columns: its end is
     * drawn too (the text starts far left, so its end is on the surface). */
    SDL_RenderClear(f->ren);
    char wide[600];
    memset(wide, 'W', sizeof(wide) - 1);
    wide[sizeof(wide) - 1] = '\0';
    struct text_style ws = {.size = 20, .weight = TEXT_BOLD};
    ws.color = (SDL_Color){0, 0, 180, 255};
    const struct text_box *wb = text_layout(f->text, wide, &ws);
    assert_true(wb->w > 4096);
    text_draw(f->text, wide, &ws, 800 - wb->w, 0); /* its last 800 px on the surface */
    SDL_RenderPresent(f->ren);
    int inked = 0;
    for (int x = 0; x < 800; x++)
        for (int y = 0; y < wb->h; y++) {
            SDL_Color p = pixel_at(f, x, y);
            inked += p.b == 180 && p.r == 0 && p.g == 0;
        }
    assert_true(inked > 800);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hyphenates_finnish_compound),
        cmocka_unit_test(test_wraps_at_spaces),
        cmocka_unit_test(test_fits_own_width),
        cmocka_unit_test(test_breaks_after_dash),
        cmocka_unit_test(test_no_hyphen_in_arabic),
        cmocka_unit_test(test_ellipsis_drops_hyphen),
        cmocka_unit_test(test_colour_follows_style),
        cmocka_unit_test(test_rendered_only_in_view),
        cmocka_unit_test(test_overrides_dropped),
        cmocka_unit_test(test_rtl_sentence_starting_latin),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
