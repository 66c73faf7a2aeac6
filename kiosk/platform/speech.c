/* speech: espeak-ng synthesis on a worker thread, played through SDL audio;
 * see speech.h.
 *
 * Threads: the UI thread only writes a request (language, text) under
 * `lock`, bumps `gen` and signals. The worker takes the newest request,
 * clears what is still queued on the sound device and synthesizes; the
 * sample callback gives up as soon as `gen` moves on, so a new utterance
 * cancels the old one within one espeak-ng buffer. All espeak-ng calls are
 * made under `synth` (its state is global). */
#include "platform/speech.h"
#include "base/log.h"
#include "base/xalloc.h"

#include <SDL.h>
#include <ctype.h>
#include <errno.h>
#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_OVERRIDES 16
#define LANG_LEN      16
#define VOICE_LEN     32
#define BUFFER_MS     100 /* espeak-ng hands over samples in chunks this long */

/* The visitor languages the kiosk ships with, and their espeak-ng voices.
 * espeak-ng has no Somali voice: Somali is read with the Oromo voice, the
 * nearest Cushitic language it has, whose spelling shares Somali's doubled
 * long vowels and consonants. Sites can choose another ("so=sw"). */
static const struct {
    const char *lang, *voice;
} builtin[] = {
    {"fi", "fi"}, {"sv", "sv"}, {"en", "en"}, {"ar", "ar"},
    {"so", "om"}, {"ru", "ru"}, {"uk", "uk"},
};

struct voice_override {
    char lang[LANG_LEN];
    char voice[VOICE_LEN];
};

struct speech {
    /* The request, under lock. */
    SDL_mutex *lock;
    SDL_cond *cond;
    bool pending, quit;
    char req_lang[LANG_LEN];
    char req_text[SPEECH_TEXT_MAX];
    SDL_atomic_t gen; /* bumped by every request: cancels older ones */
    SDL_Thread *thread;

    /* espeak-ng, under synth. */
    SDL_mutex *synth;
    int rate_wpm;
    char voice_now[VOICE_LEN];
    char warned[256]; /* " lang lang " already logged as voiceless */

    /* The sound device, worker only. */
    bool want_audio, audio_tried, audio_inited;
    SDL_AudioDeviceID dev;

    struct voice_override over[MAX_OVERRIDES];
    int nover;
    FILE *log;
};

/* ---- options ---- */

static bool lang_char(char c)
{
    return isalnum((unsigned char)c) || c == '-' || c == '_';
}

static bool voice_char(char c)
{
    return isalnum((unsigned char)c) || c == '-' || c == '_' || c == '+' || c == '/';
}

/* "so=sw, ar=ar": pairs separated by spaces or commas. */
static bool parse_voices(struct speech *s, const char *text, char *err, size_t cap)
{
    const char *p = text;
    for (;;) {
        while (*p == ' ' || *p == ',' || *p == '\t')
            p++;
        if (!*p)
            return true;
        const char *start = p;
        size_t nl = 0, nv = 0;
        while (lang_char(p[nl]))
            nl++;
        bool ok = nl > 0 && nl < LANG_LEN && (p[nl] == '=' || p[nl] == ':');
        if (ok) {
            while (voice_char(p[nl + 1 + nv]))
                nv++;
            char end = p[nl + 1 + nv];
            ok = nv > 0 && nv < VOICE_LEN && (end == '\0' || end == ' ' || end == ',');
        }
        if (!ok) {
            snprintf(err, cap,
                     "voices: \"%.*s\": expected LANGUAGE=VOICE pairs, e.g. \"so=sw ar=ar\"",
                     (int)strcspn(start, " ,"), start);
            return false;
        }
        if (s->nover == MAX_OVERRIDES) {
            snprintf(err, cap, "voices: more than %d languages", MAX_OVERRIDES);
            return false;
        }
        struct voice_override *o = &s->over[s->nover++];
        snprintf(o->lang, sizeof(o->lang), "%.*s", (int)nl, p);
        snprintf(o->voice, sizeof(o->voice), "%.*s", (int)nv, p + nl + 1);
        p += nl + 1 + nv;
    }
}

bool speech_check_voices(const char *voices, char *err, size_t cap)
{
    struct speech *tmp = xcalloc(1, sizeof(*tmp));
    bool ok = parse_voices(tmp, voices, err, cap);
    free(tmp);
    return ok;
}

const char *speech_voice(const struct speech *s, const char *lang)
{
    for (int i = s ? s->nover : 0; i-- > 0;)
        if (strcmp(s->over[i].lang, lang) == 0)
            return s->over[i].voice;
    for (size_t i = 0; i < sizeof(builtin) / sizeof(builtin[0]); i++)
        if (strcmp(builtin[i].lang, lang) == 0)
            return builtin[i].voice;
    return lang;
}

/* ---- synthesis ---- */

/* espeak-ng is opened once per process and never closed: its
 * espeak_ng_Terminate() can wait forever for its own event thread (1.51),
 * and the kiosk only lets go of speech when it exits. */
static int engine;  /* 0 not yet opened, 1 ready, -1 unusable */
static int rate_hz; /* of its samples */

struct render {
    speech_sink sink;
    void *ctx;
    long samples;
    bool stop;
};

static int synth_cb(short *wav, int n, espeak_EVENT *ev)
{
    struct render *r = ev ? ev->user_data : NULL;
    if (!r || r->stop)
        return 1;
    if (wav && n > 0) {
        r->samples += n;
        if (!r->sink(r->ctx, wav, n)) {
            r->stop = true;
            return 1;
        }
    }
    return 0;
}

/* Opens espeak-ng once; under synth. */
static bool engine_ready(void)
{
    if (engine)
        return engine > 0;
    engine = -1;
    espeak_ng_InitializePath(NULL);
    espeak_ng_ERROR_CONTEXT ctx = NULL;
    espeak_ng_STATUS st = espeak_ng_Initialize(&ctx);
    if (st == ENS_OK)
        st = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, BUFFER_MS, NULL);
    if (st != ENS_OK) {
        char msg[256];
        espeak_ng_GetStatusCodeMessage(st, msg, sizeof(msg));
        espeak_ng_ClearErrorContext(&ctx);
        LOG_WARN("speech: espeak-ng cannot start (%s); nothing is read aloud (is espeak-ng-data "
                 "installed?)",
                 msg);
        return false;
    }
    rate_hz = espeak_ng_GetSampleRate();
    espeak_SetSynthCallback(synth_cb);
    engine = 1;
    return true;
}

/* True the first time a language has a problem: it is logged once. */
static bool first_problem(struct speech *s, const char *lang)
{
    char key[LANG_LEN + 2];
    snprintf(key, sizeof(key), " %s ", lang);
    if (strstr(s->warned, key))
        return false;
    if (strlen(s->warned) + strlen(key) < sizeof(s->warned))
        strcat(s->warned, key);
    return true;
}

long speech_render(struct speech *s, const char *lang, const char *text, speech_sink sink,
                   void *ctx)
{
    long n = -1;
    SDL_LockMutex(s->synth);
    if (!engine_ready())
        goto done;
    const char *voice = speech_voice(s, lang);
    if (strcmp(voice, s->voice_now) != 0) {
        s->voice_now[0] = '\0';
        if (espeak_SetVoiceByName(voice) != EE_OK) {
            if (first_problem(s, lang))
                LOG_WARN("speech: language %s: espeak-ng has no voice \"%s\"; it is not read "
                         "aloud (choose one with voices = in [speech])",
                         lang, voice);
            goto done;
        }
        snprintf(s->voice_now, sizeof(s->voice_now), "%s", voice);
        espeak_SetParameter(espeakRATE, s->rate_wpm, 0);
    }
    struct render r = {sink, ctx, 0, false};
    espeak_ERROR e =
        espeak_Synth(text, strlen(text) + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, NULL, &r);
    if (e != EE_OK) {
        if (first_problem(s, lang))
            LOG_WARN("speech: language %s: espeak-ng could not synthesize (voice %s)", lang, voice);
        goto done;
    }
    n = r.samples;
done:
    SDL_UnlockMutex(s->synth);
    return n;
}

int speech_rate_hz(const struct speech *s)
{
    (void)s;
    return engine > 0 ? rate_hz : 0;
}

/* ---- the worker ---- */

struct job {
    struct speech *s;
    int gen;
};

static void open_audio(struct speech *s)
{
    s->audio_tried = true;
    if (!SDL_WasInit(SDL_INIT_AUDIO)) {
        if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
            LOG_WARN("speech: no sound (%s); nothing is heard", SDL_GetError());
            return;
        }
        s->audio_inited = true;
    }
    SDL_AudioSpec want, have;
    memset(&want, 0, sizeof(want));
    want.freq = rate_hz;
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = 1024;
    s->dev = SDL_OpenAudioDevice(NULL, 0, &want, &have, 0);
    if (!s->dev) {
        LOG_WARN("speech: no sound device (%s); nothing is heard", SDL_GetError());
        return;
    }
    SDL_PauseAudioDevice(s->dev, 0);
}

static bool queue_sink(void *ctx, const short *samples, int n)
{
    struct job *j = ctx;
    struct speech *s = j->s;
    if (SDL_AtomicGet(&s->gen) != j->gen)
        return false; /* something newer to say */
    if (s->want_audio && !s->audio_tried)
        open_audio(s);
    if (s->dev)
        SDL_QueueAudio(s->dev, samples, (Uint32)n * (Uint32)sizeof(short));
    return true;
}

static int worker(void *arg)
{
    struct speech *s = arg;
    char lang[LANG_LEN], text[SPEECH_TEXT_MAX];
    SDL_LockMutex(s->lock);
    for (;;) {
        while (!s->quit && !s->pending)
            SDL_CondWait(s->cond, s->lock);
        if (s->quit)
            break;
        memcpy(lang, s->req_lang, sizeof(lang));
        memcpy(text, s->req_text, sizeof(text));
        s->pending = false;
        struct job j = {s, SDL_AtomicGet(&s->gen)};
        SDL_UnlockMutex(s->lock);
        if (s->dev)
            SDL_ClearQueuedAudio(s->dev);
        if (text[0])
            speech_render(s, lang, text, queue_sink, &j);
        SDL_LockMutex(s->lock);
    }
    SDL_UnlockMutex(s->lock);
    if (s->dev)
        SDL_CloseAudioDevice(s->dev);
    if (s->audio_inited)
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
    return 0;
}

/* ---- the public side ---- */

struct speech *speech_new(const struct speech_opts *o, char *err, size_t cap)
{
    struct speech *s = xcalloc(1, sizeof(*s));
    s->want_audio = o->audio;
    s->rate_wpm = o->rate > 0 ? o->rate : SPEECH_DEFAULT_RATE;
    if (s->rate_wpm < SPEECH_MIN_RATE || s->rate_wpm > SPEECH_MAX_RATE) {
        snprintf(err, cap, "rate: %d: expected %d to %d words per minute", o->rate, SPEECH_MIN_RATE,
                 SPEECH_MAX_RATE);
        free(s);
        return NULL;
    }
    if (o->voices && !parse_voices(s, o->voices, err, cap)) {
        free(s);
        return NULL;
    }
    if (o->log && !(s->log = fopen(o->log, "w"))) {
        snprintf(err, cap, "%s: cannot write the speech log: %s", o->log, strerror(errno));
        free(s);
        return NULL;
    }
    s->lock = SDL_CreateMutex();
    s->synth = SDL_CreateMutex();
    s->cond = SDL_CreateCond();
    if (s->lock && s->synth && s->cond)
        s->thread = SDL_CreateThread(worker, "aula-speech", s);
    if (!s->thread) {
        snprintf(err, cap, "cannot start the speech thread: %s", SDL_GetError());
        s->quit = true;
        speech_free(s);
        return NULL;
    }
    return s;
}

void speech_free(struct speech *s)
{
    if (!s)
        return;
    if (s->thread) {
        SDL_LockMutex(s->lock);
        s->quit = true;
        SDL_AtomicAdd(&s->gen, 1);
        SDL_CondSignal(s->cond);
        SDL_UnlockMutex(s->lock);
        SDL_WaitThread(s->thread, NULL);
    }
    if (s->log)
        fclose(s->log);
    if (s->cond)
        SDL_DestroyCond(s->cond);
    if (s->synth)
        SDL_DestroyMutex(s->synth);
    if (s->lock)
        SDL_DestroyMutex(s->lock);
    free(s);
}

static void request(struct speech *s, const char *lang, const char *text)
{
    SDL_LockMutex(s->lock);
    snprintf(s->req_lang, sizeof(s->req_lang), "%s", lang);
    snprintf(s->req_text, sizeof(s->req_text), "%s", text);
    s->pending = true;
    SDL_AtomicAdd(&s->gen, 1);
    SDL_CondSignal(s->cond);
    SDL_UnlockMutex(s->lock);
}

void speech_say(struct speech *s, const char *lang, const char *text)
{
    if (!s || !text || !text[0])
        return;
    if (s->log) {
        fprintf(s->log, "%s\t", lang);
        for (const char *p = text; *p; p++)
            fputc(*p == '\n' || *p == '\t' || *p == '\r' ? ' ' : *p, s->log);
        fputc('\n', s->log);
        fflush(s->log);
    }
    request(s, lang, text);
}

void speech_stop(struct speech *s)
{
    if (s)
        request(s, "", "");
}
