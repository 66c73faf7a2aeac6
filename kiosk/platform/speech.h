/* speech: reads text aloud with espeak-ng, for blind and low-vision
 * visitors. A worker thread synthesizes (espeak-ng's synchronous mode) and
 * queues the samples on an SDL audio device; speech_say() only hands the
 * text over and returns at once, and a new utterance cancels the one still
 * playing. Each visitor language has a voice (built-in table, overridable);
 * a language without a voice, or a machine without a sound device, is
 * silent with one line in the journal — never a crash or a hang.
 *
 * espeak-ng keeps global state: one struct speech at a time per process
 * (espeak-ng itself stays open until the process exits). Owns the
 * worker, the audio device and the optional log of utterances. */
#ifndef AULA_PLATFORM_SPEECH_H
#define AULA_PLATFORM_SPEECH_H

#include <stdbool.h>
#include <stddef.h>

#define SPEECH_TEXT_MAX 1024

struct speech;

struct speech_opts {
    const char *voices; /* overrides "so=sw, ar=ar" (NULL: the built-in table) */
    int rate;           /* words per minute (0: SPEECH_DEFAULT_RATE) */
    bool audio;         /* false: synthesize only, open no sound device */
    const char *log;    /* a file that gets every utterance, "LANG<TAB>TEXT" */
};

#define SPEECH_DEFAULT_RATE 150
#define SPEECH_MIN_RATE     80
#define SPEECH_MAX_RATE     450

/* Checks a voice list ("so=sw ar=ar"); false with err filled. */
bool speech_check_voices(const char *voices, char *err, size_t cap);
/* Checks and parses the options; NULL with err filled on a bad voice list
 * or an unwritable log. Starts the worker; espeak-ng and the sound device
 * are opened by the worker when the first utterance comes. */
struct speech *speech_new(const struct speech_opts *o, char *err, size_t cap);
/* Stops speaking and waits for the worker. NULL is fine. */
void speech_free(struct speech *s);

/* Says text in lang's voice, cancelling whatever is being said. Never
 * blocks on synthesis or audio. */
void speech_say(struct speech *s, const char *lang, const char *text);
/* Stops speaking. */
void speech_stop(struct speech *s);

/* The espeak-ng voice used for lang: an override, the built-in table, or
 * the code itself. */
const char *speech_voice(const struct speech *s, const char *lang);

/* Receives synthesized samples (mono, signed 16 bit, speech_rate_hz());
 * returns false to stop the synthesis. */
typedef bool (*speech_sink)(void *ctx, const short *samples, int n);
/* Synthesizes text in lang's voice now, in the calling thread, feeding
 * sink; returns the number of samples, or -1 (no voice, espeak-ng
 * unusable) with one log line per problem. The worker uses it too. */
long speech_render(struct speech *s, const char *lang, const char *text, speech_sink sink,
                   void *ctx);
/* The sample rate of rendered audio (0 before espeak-ng was opened). */
int speech_rate_hz(const struct speech *s);

#endif
