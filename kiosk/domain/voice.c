/* voice: feedback question and about-screen view models; see voice.h. */
#include "domain/voice.h"
#include "base/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool has_feedback_table(struct content *c)
{
    return db_query_int(c->db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
                               "name IN ('feedback', 'feedback_i18n')") == 2;
}

bool voice_has_question(struct content *c)
{
    if (!c || !has_feedback_table(c))
        return false;
    int64_t nq = db_query_int(c->db, "SELECT count(*) FROM feedback WHERE kind = 'question'");
    int64_t na = db_query_int(c->db, "SELECT count(*) FROM feedback WHERE kind = 'answer' AND "
                                     "face BETWEEN 1 AND 5");
    return nq == 1 && na >= 3 && na <= VOICE_MAX_ANSWERS;
}

bool voice_question_load(struct content *c, const char *lang, struct voice_question *q)
{
    memset(q, 0, sizeof(*q));
    i18n_text_set(&q->text, "", NULL, NULL);
    i18n_text_set(&q->topics_text, "", NULL, NULL);
    if (!voice_has_question(c))
        return false;
    struct db_stmt *st = db_prepare(
        c->db, "SELECT f.id, f.kind, coalesce(f.face, 0), t.text, t.lang FROM feedback f "
               "LEFT JOIN feedback_i18n t ON t.id = f.id AND t.lang = " I18N_BEST(
                   "feedback_i18n", "f.id") " ORDER BY f.sort_order, f.id");
    if (!st)
        return false;
    i18n_bind(st, lang);
    while (db_step(st) == DB_ROW) {
        const char *id = db_col_text(st, 0), *kind = db_col_text(st, 1);
        if (strcmp(kind, "question") == 0) {
            snprintf(q->id, sizeof(q->id), "%s", id);
            i18n_text_free(&q->text);
            i18n_text_col(&q->text, st, 3, 4, lang);
        } else if (strcmp(kind, "topics") == 0) {
            q->topics = true;
            i18n_text_free(&q->topics_text);
            i18n_text_col(&q->topics_text, st, 3, 4, lang);
        } else if (strcmp(kind, "answer") == 0 && q->nanswers < VOICE_MAX_ANSWERS) {
            struct voice_answer *an = &q->answers[q->nanswers++];
            snprintf(an->id, sizeof(an->id), "%s", id);
            an->face = (int)db_col_int(st, 2);
            i18n_text_col(&an->text, st, 3, 4, lang);
        }
    }
    db_finalize(st);
    return q->id[0] != '\0';
}

void voice_question_free(struct voice_question *q)
{
    i18n_text_free(&q->text);
    i18n_text_free(&q->topics_text);
    for (size_t i = 0; i < q->nanswers; i++)
        i18n_text_free(&q->answers[i].text);
    memset(q, 0, sizeof(*q));
}

static char *dup_col(struct db_stmt *st, int col)
{
    return xstrdup(db_col_text(st, col));
}

bool voice_about_load(struct content *c, struct voice_about *ab)
{
    memset(ab, 0, sizeof(*ab));
    ab->content_version = c->info.content_version;
    ab->built_at = c->built_at;
    /* The content folder itself is listed only when someone gave it a
     * licence or attribution: "content folder" says nothing to a family. */
    struct db_stmt *st =
        db_prepare(c->db, "SELECT name, kind, coalesce(licence, ''), "
                          "coalesce(attribution, '') FROM source "
                          "WHERE kind <> 'csv' OR licence IS NOT NULL OR "
                          "attribution IS NOT NULL ORDER BY kind = 'csv' DESC, id");
    if (!st)
        return false;
    size_t cap = 0;
    while (db_step(st) == DB_ROW) {
        XGROW(ab->sources, cap, ab->nsources + 1);
        struct voice_source *s = &ab->sources[ab->nsources++];
        s->name = dup_col(st, 0);
        s->kind = dup_col(st, 1);
        s->licence = dup_col(st, 2);
        s->attribution = dup_col(st, 3);
    }
    db_finalize(st);
    return true;
}

void voice_about_free(struct voice_about *ab)
{
    for (size_t i = 0; i < ab->nsources; i++) {
        free(ab->sources[i].name);
        free(ab->sources[i].kind);
        free(ab->sources[i].licence);
        free(ab->sources[i].attribution);
    }
    free(ab->sources);
    memset(ab, 0, sizeof(*ab));
}
