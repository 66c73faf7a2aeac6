/* search: typed text to ranked hits over the FTS5 index; see search.h.
 *
 * A search runs the index once per match group (title exact, title prefix,
 * body exact, body prefix) and only as far as it needs: when the visitor's
 * language already fills the page from title matches, the body is never
 * read. The map of the index read at open (row -> kind, language, entity)
 * lets a keystroke sort and de-duplicate thousands of matching rows without
 * reading their stored text. */
#include "domain/search.h"
#include "base/utf8.h"
#include "base/xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NGROUPS     5  /* enum search_tier */
#define MAX_LANGS   64 /* distinct languages in the index */
#define NO_ENTITY   UINT32_MAX
#define KIND_OTHER  0xFF  /* a kind this kiosk does not know: never shown */
#define LANG_OTHER  0xFF  /* more languages than MAX_LANGS */
#define W_TITLE     "4.0" /* bm25 weight of the title column */
#define W_BODY      "1.0"
#define W_PARTS     "2.0"
#define WORD_CAP    64 /* bytes of one typed word kept for excerpts */
#define SNIP_BEFORE 3  /* words shown before the one found */

struct row_meta {
    uint32_t entity;
    uint8_t kind;
    uint8_t lang;
};

struct entity {
    char *id;
    uint8_t kind;
};

struct cand {
    uint32_t slot; /* index into rows (dense: the rowid) */
    uint32_t kind;
    float score;
};

struct group {
    bool done;
    struct cand *v;
    size_t n, cap;
};

struct search {
    struct content *c;
    struct db_stmt *rowids, *scores, *row_text, *detail[SEARCH_NKINDS];

    /* The map of the index. Dense: rows[rowid]; sparse: rows[i] belongs to
     * row_ids[i] (sorted). */
    struct row_meta *rows;
    int64_t *row_ids;
    size_t nrows;
    struct entity *ents;
    size_t nents, capents;
    char langs[MAX_LANGS][16];
    int nlangs;

    /* Scratch reused by every search. */
    uint32_t *seen; /* per entity: the search generation that took it */
    uint32_t gen;
    struct group groups[NGROUPS];
};

static const char *const kind_names[SEARCH_NKINDS] = {"service", "organization", "contact",
                                                      "activity"};

const char *search_kind_name(enum search_kind k)
{
    return (unsigned)k < SEARCH_NKINDS ? kind_names[k] : "";
}

static uint8_t kind_parse(const char *s)
{
    for (int i = 0; i < SEARCH_NKINDS; i++)
        if (strcmp(s, kind_names[i]) == 0)
            return (uint8_t)i;
    return KIND_OTHER;
}

/* ---- building the FTS5 query ---- */

/* True for code points that separate words: ASCII other than letters and
 * digits, Latin-1 punctuation and signs, general punctuation, arrows and
 * other symbols, CJK punctuation, Arabic punctuation, emoji. Everything
 * else is part of a word, as for the unicode61 tokenizer. */
static bool is_separator(uint32_t cp)
{
    if (cp < 0x80)
        return !((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'));
    return cp <= 0xBF || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x2BFF) ||
           (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFE10 && cp <= 0xFE6F) ||
           (cp >= 0xFF00 && cp <= 0xFF0F) || cp >= 0x1F000 || cp == 0x060C || cp == 0x061B ||
           cp == 0x061F || (cp >= 0x066A && cp <= 0x066D) || cp == 0x06D4;
}

static bool put(char *out, size_t cap, size_t *k, const char *s, size_t n)
{
    if (*k + n + 1 > cap)
        return false;
    memcpy(out + *k, s, n);
    *k += n;
    out[*k] = '\0';
    return true;
}

size_t search_query_build(const char *text, bool prefix, const char *column, char *out, size_t cap)
{
    if (!cap)
        return 0;
    out[0] = '\0';
    if (!text || !utf8_valid(text, strlen(text), NULL))
        return 0;
    size_t k = 0, words = 0;
    bool ok = true;
    if (column && column[0]) {
        ok = put(out, cap, &k, "{", 1) && put(out, cap, &k, column, strlen(column)) &&
             put(out, cap, &k, "} : (", 5);
    }
    const char *p = text;
    bool in_word = false, ended_in_word = false;
    while (ok && *p) {
        uint32_t cp;
        int n = utf8_decode(p, &cp);
        if (is_separator(cp)) {
            if (in_word)
                ok = put(out, cap, &k, "\"", 1);
            in_word = ended_in_word = false;
        } else {
            if (!in_word) {
                if (words == SEARCH_MAX_WORDS)
                    break;
                ok = put(out, cap, &k, words ? " \"" : "\"", words ? 2 : 1);
                words++;
                in_word = true;
            }
            ended_in_word = true;
            /* A separator never gets here, but a quote is doubled all the same. */
            ok = ok && (cp == '"' ? put(out, cap, &k, "\"\"", 2) : put(out, cap, &k, p, (size_t)n));
        }
        p += n;
    }
    if (ok && in_word)
        ok = put(out, cap, &k, "\"", 1);
    if (ok && prefix && ended_in_word && words)
        ok = put(out, cap, &k, "*", 1);
    if (ok && column && column[0])
        ok = put(out, cap, &k, ")", 1);
    if (!ok || words == 0) {
        out[0] = '\0';
        return 0;
    }
    return words;
}

/* ---- the map of the index ---- */

static uint32_t hash_entity(uint8_t kind, const char *id)
{
    uint32_t h = 2166136261u ^ kind;
    for (; *id; id++)
        h = (h ^ (unsigned char)*id) * 16777619u;
    return h;
}

/* Interns (kind, id); table is an open-addressing table of entity+1. */
static uint32_t intern_entity(struct search *s, uint32_t *table, size_t tcap, uint8_t kind,
                              const char *id)
{
    size_t i = hash_entity(kind, id) & (tcap - 1);
    for (; table[i]; i = (i + 1) & (tcap - 1)) {
        const struct entity *e = &s->ents[table[i] - 1];
        if (e->kind == kind && strcmp(e->id, id) == 0)
            return table[i] - 1;
    }
    XGROW(s->ents, s->capents, s->nents + 1);
    s->ents[s->nents] = (struct entity){xstrdup(id), kind};
    table[i] = (uint32_t)++s->nents;
    return table[i] - 1;
}

static uint8_t intern_lang(struct search *s, const char *code)
{
    for (int i = 0; i < s->nlangs; i++)
        if (strcmp(s->langs[i], code) == 0)
            return (uint8_t)i;
    if (s->nlangs == MAX_LANGS)
        return LANG_OTHER;
    snprintf(s->langs[s->nlangs], sizeof(s->langs[0]), "%s", code);
    return (uint8_t)s->nlangs++;
}

static bool load_map(struct search *s)
{
    int64_t count = db_query_int(s->c->db, "SELECT count(*) FROM search");
    int64_t max_id = db_query_int(s->c->db, "SELECT coalesce(max(rowid), 0) FROM search");
    if (count < 0 || max_id < 0 || count > (int64_t)UINT32_MAX / 4)
        return false;
    bool dense = max_id <= 2 * count + 64;
    size_t n = dense ? (size_t)max_id + 1 : (size_t)count;
    s->rows = xcalloc(n ? n : 1, sizeof(s->rows[0]));
    for (size_t i = 0; i < n; i++)
        s->rows[i].entity = NO_ENTITY;
    if (!dense)
        s->row_ids = xcalloc(n ? n : 1, sizeof(s->row_ids[0]));
    size_t tcap = 64;
    while (tcap < (size_t)count * 2)
        tcap <<= 1;
    uint32_t *table = xcalloc(tcap, sizeof(table[0]));

    struct db_stmt *st =
        db_prepare(s->c->db, "SELECT rowid, kind, entity_id, lang FROM search ORDER BY rowid");
    bool ok = st != NULL;
    size_t k = 0;
    enum db_step_result r = DB_DONE;
    while (ok && (r = db_step(st)) == DB_ROW) {
        int64_t rowid = db_col_int(st, 0);
        size_t slot = dense ? (size_t)rowid : k;
        if (rowid < 0 || slot >= n)
            continue; /* the index changed under us: cannot happen read-only */
        uint8_t kind = kind_parse(db_col_text(st, 1));
        s->rows[slot] = (struct row_meta){
            .entity = intern_entity(s, table, tcap, kind, db_col_text(st, 2)),
            .kind = kind,
            .lang = intern_lang(s, db_col_text(st, 3)),
        };
        if (!dense)
            s->row_ids[k] = rowid;
        k++;
    }
    ok = ok && r == DB_DONE;
    db_finalize(st);
    free(table);
    s->nrows = n;
    if (!dense)
        s->nrows = k;
    s->seen = xcalloc(s->nents ? s->nents : 1, sizeof(s->seen[0]));
    return ok;
}

/* The slot of rowid, or SIZE_MAX. */
static size_t slot_of(const struct search *s, int64_t rowid)
{
    if (!s->row_ids)
        return rowid >= 0 && (size_t)rowid < s->nrows ? (size_t)rowid : SIZE_MAX;
    size_t lo = 0, hi = s->nrows;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->row_ids[mid] < rowid)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < s->nrows && s->row_ids[lo] == rowid ? lo : SIZE_MAX;
}

static int64_t rowid_of(const struct search *s, uint32_t slot)
{
    return s->row_ids ? s->row_ids[slot] : (int64_t)slot;
}

/* ---- open and close ---- */

#define DETAIL_TAIL(table, alias)                                                                  \
    " LEFT JOIN " table " t ON t.id = " alias                                                      \
    ".id AND t.lang = " I18N_BEST(table, alias ".id") " WHERE " alias ".id = ?5"

struct search *search_open(struct content *c)
{
    if (!c)
        return NULL;
    struct search *s = xcalloc(1, sizeof(*s));
    s->c = c;
    /* Columns of the detail queries: title, its language, description (a
     * contact: job title), its language, organisation, service. */
    static const char *const detail_sql[SEARCH_NKINDS] = {
        "SELECT t.name, t.lang, t.description, t.lang, e.organization_id, '' FROM service "
        "e" DETAIL_TAIL("service_i18n", "e"),
        "SELECT t.name, t.lang, t.description, t.lang, e.id, '' FROM organization e" DETAIL_TAIL(
            "organization_i18n", "e"),
        "SELECT e.name, '', t.title, t.lang, e.organization_id, '' FROM contact e" DETAIL_TAIL(
            "contact_i18n", "e"),
        "SELECT t.name, t.lang, t.description, t.lang, e.organization_id, "
        "coalesce(e.service_id, '') FROM activity e" DETAIL_TAIL("activity_i18n", "e"),
    };
    s->rowids = db_prepare(c->db, "SELECT rowid FROM search WHERE search MATCH ?1");
    s->scores = db_prepare(c->db, "SELECT rowid, bm25(search, 0.0, 0.0, 0.0, " W_TITLE ", " W_BODY
                                  ", " W_PARTS ") FROM search WHERE search MATCH ?1");
    s->row_text = db_prepare(c->db, "SELECT title, body FROM search WHERE rowid = ?1");
    bool ok = s->rowids && s->scores && s->row_text;
    for (int k = 0; k < SEARCH_NKINDS; k++) {
        s->detail[k] = db_prepare(c->db, detail_sql[k]);
        ok = ok && s->detail[k];
    }
    if (!ok || !load_map(s)) {
        search_close(s);
        return NULL;
    }
    return s;
}

void search_close(struct search *s)
{
    if (!s)
        return;
    db_finalize(s->rowids);
    db_finalize(s->scores);
    db_finalize(s->row_text);
    for (int k = 0; k < SEARCH_NKINDS; k++)
        db_finalize(s->detail[k]);
    for (size_t i = 0; i < s->nents; i++)
        free(s->ents[i].id);
    free(s->ents);
    free(s->rows);
    free(s->row_ids);
    free(s->seen);
    for (int g = 0; g < NGROUPS; g++)
        free(s->groups[g].v);
    free(s);
}

/* ---- one search ---- */

/* Forgets the bound query text. */
static void unbind(struct db_stmt *st)
{
    db_reset(st);
    db_bind_null(st, 1);
}

/* Score, then kind, then index order. */
static int cmp_cand(const void *pa, const void *pb)
{
    const struct cand *a = pa, *b = pb;
    if (a->score != b->score)
        return a->score < b->score ? -1 : 1;
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    return a->slot < b->slot ? -1 : a->slot > b->slot;
}

/* Orders unscored candidates by kind, keeping index order within a kind. */
static void order_by_kind(struct group *g)
{
    size_t counts[SEARCH_NKINDS + 1] = {0};
    for (size_t i = 0; i < g->n; i++)
        counts[g->v[i].kind]++;
    size_t start[SEARCH_NKINDS + 1], at = 0;
    for (int k = 0; k <= SEARCH_NKINDS; k++) {
        start[k] = at;
        at += counts[k];
    }
    struct cand *out = xmalloc((g->n ? g->n : 1) * sizeof(*out));
    for (size_t i = 0; i < g->n; i++)
        out[start[g->v[i].kind]++] = g->v[i];
    memcpy(g->v, out, g->n * sizeof(*out));
    free(out);
}

/* Runs query for one match group: every matching row, ordered. The rows
 * are counted first without scores (cheap); a group of at most
 * SEARCH_SCORE_CAP rows is then read again with bm25. */
static bool group_load(struct search *s, struct group *g, const char *query)
{
    g->n = 0;
    g->done = true;
    if (!query[0])
        return true;
    db_bind_text(s->rowids, 1, query);
    enum db_step_result r;
    while ((r = db_step(s->rowids)) == DB_ROW) {
        size_t slot = slot_of(s, db_col_int(s->rowids, 0));
        if (slot == SIZE_MAX || s->rows[slot].entity == NO_ENTITY)
            continue;
        uint8_t kind = s->rows[slot].kind;
        XGROW(g->v, g->cap, g->n + 1);
        g->v[g->n++] =
            (struct cand){(uint32_t)slot, kind < SEARCH_NKINDS ? kind : SEARCH_NKINDS, 0.0f};
    }
    unbind(s->rowids);
    if (r != DB_DONE)
        return false;
    if (g->n == 0)
        return true;
    if (g->n > SEARCH_SCORE_CAP) {
        order_by_kind(g);
        return true;
    }
    /* Few enough to score: the same rows again, in the same (rowid) order. */
    db_bind_text(s->scores, 1, query);
    size_t i = 0;
    while ((r = db_step(s->scores)) == DB_ROW) {
        size_t slot = slot_of(s, db_col_int(s->scores, 0));
        if (i < g->n && g->v[i].slot == slot)
            g->v[i++].score = (float)db_col_double(s->scores, 1);
    }
    unbind(s->scores);
    if (r != DB_DONE)
        return false;
    if (g->n > 1)
        qsort(g->v, g->n, sizeof(g->v[0]), cmp_cand);
    return true;
}

struct pick {
    uint32_t slot;
    enum search_tier tier;
    bool visitor;
    float score;
};

/* Simple case folding for finding a typed word in a text again: ASCII,
 * Latin-1, Latin Extended-A, Greek and Cyrillic capitals to small letters
 * (what unicode61 folds for the kiosk's languages; Arabic has no case). */
static uint32_t fold(uint32_t cp)
{
    if (cp >= 'A' && cp <= 'Z')
        return cp + 32;
    if (cp < 0xC0)
        return cp;
    if ((cp <= 0xDE && cp != 0xD7) || (cp >= 0x391 && cp <= 0x3A9) || (cp >= 0x410 && cp <= 0x42F))
        return cp + 32;
    if (cp >= 0x400 && cp <= 0x40F)
        return cp + 80;
    if ((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177) ||
        (cp >= 0x460 && cp <= 0x4BF) || (cp >= 0x4D0 && cp <= 0x4FF))
        return cp | 1; /* pairs: capital even, small odd */
    if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E))
        return cp + (cp & 1);
    return cp;
}

/* The typed words, folded, for excerpts. */
struct typed {
    char w[SEARCH_MAX_WORDS][WORD_CAP];
    size_t n;
};

static void typed_split(const char *text, struct typed *t)
{
    memset(t, 0, sizeof(*t));
    if (!text || !utf8_valid(text, strlen(text), NULL))
        return;
    size_t k = 0;
    bool in_word = false;
    for (const char *p = text; *p;) {
        uint32_t cp;
        const char *at = p;
        p += utf8_decode(p, &cp);
        if (is_separator(cp)) {
            in_word = false;
            continue;
        }
        if (!in_word) {
            if (t->n == SEARCH_MAX_WORDS)
                break;
            t->n++;
            k = 0;
            in_word = true;
        }
        char enc[4];
        uint32_t f = fold(cp);
        size_t n = f < 0x80 ? 1 : f < 0x800 ? 2 : f < 0x10000 ? 3 : 4;
        if (n == 1) {
            enc[0] = (char)f;
        } else {
            /* Folding stays within a script, so the length is the same. */
            memcpy(enc, at, (size_t)(p - at));
            n = (size_t)(p - at);
            if (f != cp && n == 2) {
                enc[0] = (char)(0xC0 | (f >> 6));
                enc[1] = (char)(0x80 | (f & 0x3F));
            }
        }
        if (k + n < WORD_CAP) {
            memcpy(t->w[t->n - 1] + k, enc, n);
            k += n;
        }
    }
}

/* True if the word at p (up to its end) starts with the folded typed word w. */
static bool word_starts_with(const char *p, const char *w)
{
    while (*w) {
        uint32_t cp, wc;
        if (!*p)
            return false;
        p += utf8_decode(p, &cp);
        w += utf8_decode(w, &wc);
        if (is_separator(cp) || fold(cp) != wc)
            return false;
    }
    return true;
}

/* Puts at most about SEARCH_SNIPPET_CAP bytes of s into t, lines joined,
 * cut at a word boundary with "…" (and "…" first when cut_front). */
static void snippet_set(struct i18n_text *t, const char *s, bool cut_front, const char *lang,
                        const char *visitor)
{
    char buf[SEARCH_SNIPPET_CAP + 16];
    size_t k = 0;
    if (cut_front) {
        memcpy(buf, "…", strlen("…"));
        k = strlen("…");
    }
    size_t limit = k + SEARCH_SNIPPET_CAP;
    bool cut = false;
    for (const char *p = s ? s : ""; *p; p++) {
        if (k >= limit) {
            cut = true;
            break;
        }
        buf[k++] = (*p == '\n' || *p == '\r' || *p == '\t') ? ' ' : *p;
    }
    if (cut) {
        while (k > 0 && ((unsigned char)buf[k] & 0xC0) == 0x80)
            k--; /* not inside a character */
        size_t space = k;
        while (space > limit / 2 && buf[space] != ' ')
            space--;
        if (buf[space] == ' ')
            k = space;
        memcpy(buf + k, "…", sizeof("…"));
    } else {
        buf[k] = '\0';
    }
    i18n_text_set(t, buf, lang, visitor);
}

/* An excerpt of body around the first word that begins with a typed word:
 * a few words before it, then as much as fits. */
static void excerpt_set(struct i18n_text *t, const char *body, const struct typed *ty,
                        const char *lang, const char *visitor)
{
    const char *starts[SNIP_BEFORE + 1] = {body}; /* the last word starts seen */
    size_t nstarts = 0;
    const char *found = NULL;
    bool in_word = false;
    for (const char *p = body; *p && !found;) {
        uint32_t cp;
        int n = utf8_decode(p, &cp);
        if (is_separator(cp)) {
            in_word = false;
        } else if (!in_word) {
            in_word = true;
            memmove(starts + 1, starts, SNIP_BEFORE * sizeof(starts[0]));
            starts[0] = p;
            nstarts++;
            for (size_t i = 0; i < ty->n && !found; i++)
                if (word_starts_with(p, ty->w[i]))
                    found = p;
        }
        p += n;
    }
    const char *from = body;
    if (found && nstarts > SNIP_BEFORE + 1)
        from = starts[SNIP_BEFORE];
    snippet_set(t, from, from != body, lang, visitor);
}

static void hit_free(struct search_hit *h)
{
    free(h->id);
    free(h->org_id);
    free(h->service_id);
    i18n_text_free(&h->title);
    i18n_text_free(&h->snippet);
}

/* Fills a hit from the entity's own tables; false if it is not there. */
static bool hit_fill(struct search *s, const struct pick *p, const char *lang,
                     const struct typed *ty, struct search_hit *h)
{
    const struct row_meta *m = &s->rows[p->slot];
    const struct entity *e = &s->ents[m->entity];
    struct db_stmt *st = s->detail[m->kind];
    i18n_bind(st, lang);
    db_bind_text(st, 5, e->id);
    if (db_step(st) != DB_ROW) {
        db_reset(st);
        return false;
    }
    memset(h, 0, sizeof(*h));
    h->kind = (enum search_kind)m->kind;
    h->id = xstrdup(e->id);
    h->org_id = xstrdup(db_col_text(st, 4));
    h->service_id = xstrdup(db_col_text(st, 5));
    h->tier = p->tier;
    h->visitor_lang = p->visitor;
    h->score = p->score;
    i18n_text_col(&h->title, st, 0, 1, h->kind == SEARCH_CONTACT ? NULL : lang);
    if (!h->title.s[0])
        i18n_text_set(&h->title, e->id, NULL, NULL);
    const char *row_lang = m->lang < s->nlangs ? s->langs[m->lang] : "";
    bool body = p->tier >= SEARCH_BODY_EXACT;
    bool other_title = h->kind != SEARCH_CONTACT && strcmp(row_lang, h->title.lang) != 0;
    if (body || other_title) {
        /* Found in the body: show where. Found in a title in another
         * language than the one shown: show that title. */
        db_bind_int(s->row_text, 1, rowid_of(s, p->slot));
        if (db_step(s->row_text) == DB_ROW) {
            if (body)
                excerpt_set(&h->snippet, db_col_text(s->row_text, 1), ty, row_lang, lang);
            else
                snippet_set(&h->snippet, db_col_text(s->row_text, 0), false, row_lang, lang);
        }
        db_reset(s->row_text);
    }
    if (!h->snippet.s || !h->snippet.s[0])
        snippet_set(&h->snippet, db_col_text(st, 2), false, db_col_text(st, 3), lang);
    db_reset(st);
    return true;
}

static bool pick_all(struct search *s, const char *lang, const char *const queries[NGROUPS],
                     size_t want, struct pick *picks, size_t *npicks)
{
    int visitor = -1;
    for (int i = 0; i < s->nlangs; i++)
        if (strcmp(s->langs[i], lang) == 0)
            visitor = i;
    if (++s->gen == 0) { /* wrapped: forget every earlier generation */
        memset(s->seen, 0, (s->nents ? s->nents : 1) * sizeof(s->seen[0]));
        s->gen = 1;
    }
    for (int g = 0; g < NGROUPS; g++)
        s->groups[g].done = false;
    *npicks = 0;
    for (int pass = 0; pass < 2; pass++) { /* the visitor's language, then the others */
        if (pass == 0 && visitor < 0)
            continue;
        for (int g = 0; g < NGROUPS; g++) {
            struct group *gr = &s->groups[g];
            if (!queries[g][0])
                continue;
            if (!gr->done && !group_load(s, gr, queries[g]))
                return false;
            for (size_t i = 0; i < gr->n; i++) {
                const struct row_meta *m = &s->rows[gr->v[i].slot];
                bool own = m->lang == visitor;
                if (own != (pass == 0) || m->kind >= SEARCH_NKINDS)
                    continue;
                if (s->seen[m->entity] == s->gen)
                    continue;
                s->seen[m->entity] = s->gen;
                picks[(*npicks)++] =
                    (struct pick){gr->v[i].slot, (enum search_tier)g, own, gr->v[i].score};
                if (*npicks == want)
                    return true;
            }
        }
    }
    return true;
}

bool search_run(struct search *s, const char *lang, const char *text, size_t max,
                struct search_results *out)
{
    search_results_free(out);
    if (!s || max == 0)
        return s != NULL;
    lang = lang ? lang : "";
    /* The five match groups; a prefix group that says the same as its exact
     * one (the text ends in a space) is left out. */
    char q[NGROUPS][SEARCH_QUERY_CAP];
    out->words = search_query_build(text, false, "title", q[SEARCH_TITLE_EXACT], sizeof(q[0]));
    search_query_build(text, true, "title", q[SEARCH_TITLE_PREFIX], sizeof(q[0]));
    search_query_build(text, true, "title parts", q[SEARCH_TITLE_PART], sizeof(q[0]));
    search_query_build(text, false, NULL, q[SEARCH_BODY_EXACT], sizeof(q[0]));
    search_query_build(text, true, NULL, q[SEARCH_BODY_PREFIX], sizeof(q[0]));
    if (strcmp(q[SEARCH_TITLE_PREFIX], q[SEARCH_TITLE_EXACT]) == 0)
        q[SEARCH_TITLE_PREFIX][0] = '\0';
    if (strcmp(q[SEARCH_BODY_PREFIX], q[SEARCH_BODY_EXACT]) == 0)
        q[SEARCH_BODY_PREFIX][0] = '\0';
    const char *const queries[NGROUPS] = {q[0], q[1], q[2], q[3], q[4]};
    struct typed ty;
    typed_split(text, &ty);
    bool ok = true;
    if (out->words) {
        size_t want = max + 1; /* one more tells whether there are more */
        struct pick *picks = xmalloc(want * sizeof(*picks));
        size_t npicks = 0;
        ok = pick_all(s, lang, queries, want, picks, &npicks);
        out->more = npicks > max;
        for (size_t i = 0; ok && i < npicks && out->n < max; i++) {
            XGROW(out->v, out->cap, out->n + 1);
            if (hit_fill(s, &picks[i], lang, &ty, &out->v[out->n]))
                out->n++;
        }
        free(picks);
    }
    explicit_bzero(q, sizeof(q));
    explicit_bzero(&ty, sizeof(ty));
    return ok;
}

void search_results_free(struct search_results *r)
{
    for (size_t i = 0; i < r->n; i++)
        hit_free(&r->v[i]);
    free(r->v);
    memset(r, 0, sizeof(*r));
}
