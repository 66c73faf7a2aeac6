/* Speech output: the voice chosen for each visitor language, the voice
 * list of the configuration, and real synthesis with espeak-ng into a
 * counting sink (no sound device needed): a Finnish and an Arabic sentence
 * give audible samples, a cancelled synthesis stops early, a missing voice
 * fails softly, and the asynchronous side never hangs. */
#include "platform/speech.h"

#include <SDL.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

struct count {
    long samples;
    int loud; /* samples above a whisper */
    int chunks;
    int stop_after; /* chunks; 0: never stop */
};

static bool count_sink(void *ctx, const short *v, int n)
{
    struct count *c = ctx;
    c->samples += n;
    for (int i = 0; i < n; i++)
        if (v[i] > 1000 || v[i] < -1000)
            c->loud++;
    c->chunks++;
    return c->stop_after == 0 || c->chunks < c->stop_after;
}

static struct speech *open_speech(const char *voices, const char *log)
{
    struct speech_opts o = {voices, 0, false, log};
    char err[256] = "";
    struct speech *s = speech_new(&o, err, sizeof(err));
    if (!s)
        fail_msg("speech_new: %s", err);
    return s;
}

static void test_voice_per_language(void **state)
{
    (void)state;
    struct speech *s = open_speech(NULL, NULL);
    assert_string_equal(speech_voice(s, "fi"), "fi");
    assert_string_equal(speech_voice(s, "sv"), "sv");
    assert_string_equal(speech_voice(s, "en"), "en");
    assert_string_equal(speech_voice(s, "ar"), "ar");
    assert_string_equal(speech_voice(s, "ru"), "ru");
    assert_string_equal(speech_voice(s, "uk"), "uk");
    /* espeak-ng has no Somali: the Oromo voice reads it. */
    assert_string_equal(speech_voice(s, "so"), "om");
    /* Another language: its own code, if espeak-ng knows it. */
    assert_string_equal(speech_voice(s, "et"), "et");
    speech_free(s);

    s = open_speech("so=sw, en:en-us", NULL);
    assert_string_equal(speech_voice(s, "so"), "sw");
    assert_string_equal(speech_voice(s, "en"), "en-us");
    assert_string_equal(speech_voice(s, "fi"), "fi");
    speech_free(s);
}

static void test_bad_voice_list(void **state)
{
    (void)state;
    char err[256] = "";
    assert_false(speech_check_voices("so", err, sizeof(err)));
    assert_non_null(strstr(err, "\"so\""));
    assert_false(speech_check_voices("fi=fi so=", err, sizeof(err)));
    assert_non_null(strstr(err, "LANGUAGE=VOICE"));
    assert_false(speech_check_voices("fi=f;i", err, sizeof(err)));
    assert_true(speech_check_voices(" so=om,ar=ar ", err, sizeof(err)));

    struct speech_opts o = {"=fi", 0, false, NULL};
    assert_null(speech_new(&o, err, sizeof(err)));
    assert_non_null(strstr(err, "voices"));
    o.voices = NULL;
    o.rate = 5;
    assert_null(speech_new(&o, err, sizeof(err)));
    assert_non_null(strstr(err, "rate"));
}

/* A sentence must give at least half a second of sound that is not
 * silence. */
static void assert_spoken(struct speech *s, const char *lang, const char *text)
{
    struct count c = {0, 0, 0, 0};
    long n = speech_render(s, lang, text, count_sink, &c);
    int hz = speech_rate_hz(s);
    assert_true(hz >= 8000);
    if (n < hz / 2 || c.loud < hz / 20)
        fail_msg("%s: \"%s\": %ld samples, %d loud (at %d Hz)", lang, text, n, c.loud, hz);
    assert_int_equal(n, c.samples);
}

static void test_finnish_and_arabic_sentences(void **state)
{
    (void)state;
    struct speech *s = open_speech(NULL, NULL);
    assert_spoken(s, "fi", "Tervetuloa perhekeskukseen. Neuvola on auki tänään kello kahdeksasta.");
    assert_spoken(s, "ar", "مرحبا بكم في مركز الأسرة. العيادة مفتوحة اليوم.");
    speech_free(s);
}

static void test_every_language_has_a_voice(void **state)
{
    (void)state;
    static const char *const words[][2] = {
        {"fi", "Palvelut"},  {"sv", "Tjänster"}, {"en", "Services"}, {"ar", "الخدمات"},
        {"so", "Adeegyada"}, {"ru", "Услуги"},   {"uk", "Послуги"},
    };
    struct speech *s = open_speech(NULL, NULL);
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
        struct count c = {0, 0, 0, 0};
        long n = speech_render(s, words[i][0], words[i][1], count_sink, &c);
        if (n <= 0 || c.loud == 0)
            fail_msg("%s: no sound for \"%s\" (%ld samples)", words[i][0], words[i][1], n);
    }
    speech_free(s);
}

static void test_cancel_and_missing_voice(void **state)
{
    (void)state;
    struct speech *s = open_speech("fi=no-such-voice", NULL);
    struct count whole = {0, 0, 0, 0}, cut = {0, 0, 0, 1};
    const char *text = "This sentence is long enough to take several buffers of sound to say.";
    long n = speech_render(s, "en", text, count_sink, &whole);
    long m = speech_render(s, "en", text, count_sink, &cut);
    assert_true(n > 0);
    assert_int_equal(cut.chunks, 1); /* the sink said stop: no more came */
    assert_true(m < n);
    /* A voice espeak-ng does not have: -1, and nothing reaches the sink. */
    struct count none = {0, 0, 0, 0};
    assert_int_equal(speech_render(s, "fi", "Hei", count_sink, &none), -1);
    assert_int_equal(none.chunks, 0);
    /* The others still work afterwards. */
    assert_true(speech_render(s, "en", "Hello", count_sink, &whole) > 0);
    speech_free(s);
}

static void test_say_is_asynchronous_and_logged(void **state)
{
    (void)state;
    char path[] = "/tmp/aula-speech-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    struct speech *s = open_speech(NULL, path);
    /* Many utterances in a row, each cancelling the last: returns at
     * once and the worker ends promptly on free. */
    Uint64 t0 = SDL_GetPerformanceCounter();
    for (int i = 0; i < 20; i++)
        speech_say(s, i % 2 ? "ar" : "fi", i % 2 ? "مرحبا\tبكم" : "Hyvää päivää,\nperhe");
    double say_ms =
        (double)(SDL_GetPerformanceCounter() - t0) * 1000.0 / (double)SDL_GetPerformanceFrequency();
    speech_stop(s);
    speech_say(s, "fi", ""); /* nothing to say: not logged */
    speech_free(s);
    assert_true(say_ms < 200.0);

    FILE *f = fdopen(fd, "r");
    char line[256];
    int lines = 0;
    while (fgets(line, sizeof(line), f)) {
        const char *want = lines % 2 ? "ar\tمرحبا بكم\n" : "fi\tHyvää päivää, perhe\n";
        assert_string_equal(line, want);
        lines++;
    }
    fclose(f);
    unlink(path);
    assert_int_equal(lines, 20);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_voice_per_language),
        cmocka_unit_test(test_bad_voice_list),
        cmocka_unit_test(test_finnish_and_arabic_sentences),
        cmocka_unit_test(test_every_language_has_a_voice),
        cmocka_unit_test(test_cancel_and_missing_voice),
        cmocka_unit_test(test_say_is_asynchronous_and_logged),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
