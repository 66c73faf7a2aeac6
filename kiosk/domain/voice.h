/* voice: the view models of the families' voice — the feedback question
 * with its answers (feedback table of the snapshot) and the about screen
 * (the place, the content's version and date, where the content came from
 * with licence and attribution). Snapshots built before the feedback table
 * existed simply have no question. */
#ifndef AULA_DOMAIN_VOICE_H
#define AULA_DOMAIN_VOICE_H

#include "domain/content.h"
#include "domain/i18n.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define VOICE_MAX_ANSWERS 5

struct voice_answer {
    char id[64];
    int face; /* 1 very unhappy .. 5 very happy */
    struct i18n_text text;
};

struct voice_question {
    char id[64];
    struct i18n_text text;
    struct voice_answer answers[VOICE_MAX_ANSWERS];
    size_t nanswers;
    bool topics;                  /* offer the "could not find" category tiles */
    struct i18n_text topics_text; /* their heading */
};

/* True if the snapshot has a question with 3 to 5 answers. */
bool voice_has_question(struct content *c);
/* Loads the question in lang; false if there is none. */
bool voice_question_load(struct content *c, const char *lang, struct voice_question *q);
void voice_question_free(struct voice_question *q);

struct voice_source {
    char *name, *kind, *licence, *attribution; /* "" when not given */
};

struct voice_about {
    int64_t content_version;
    int64_t built_at; /* UTC seconds; 0 if not given */
    struct voice_source *sources;
    size_t nsources;
};

bool voice_about_load(struct content *c, struct voice_about *ab);
void voice_about_free(struct voice_about *ab);

#endif
