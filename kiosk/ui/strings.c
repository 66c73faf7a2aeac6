/* strings: the built-in UI texts and date/time formats; see strings.h. */
#include "ui/strings.h"
#include "domain/content.h"
#include "base/civil.h"
#include "base/po.h"
#include "base/xalloc.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The texts compiled from assets/po/<lang>.po by aula-po2c (ui_po.c in the
 * build directory). */
extern const struct po_text aula_ui_po[];
extern const size_t aula_ui_po_count;

static const char *const keys[STR_COUNT] = {
#define STR_KEY(id, key) [id] = key,
    STR_LIST(STR_KEY)
#undef STR_KEY
};

/* Per language, the compiled text of every id (NULL if untranslated); built
 * once at first use. */
#define MAX_LANGS 32
static struct {
    const char *lang;
    const char *t[STR_COUNT];
} compiled[MAX_LANGS];
static size_t ncompiled;
static bool indexed;

static int compiled_index(const char *lang)
{
    for (size_t i = 0; lang && i < ncompiled; i++)
        if (strcmp(compiled[i].lang, lang) == 0)
            return (int)i;
    return -1;
}

/* str_find() starting at id hint and wrapping around: the .po files list
 * their texts mostly in STR_LIST order, so the key after the last one
 * found is nearly always the next id (the first frame used to spend
 * 150,000 string comparisons here). */
static enum str_id find_from(const char *key, int hint)
{
    for (int k = 0; k < STR_COUNT; k++) {
        int i = (hint + k) % STR_COUNT;
        if (strcmp(keys[i], key) == 0)
            return (enum str_id)i;
    }
    return STR_COUNT;
}

static void build_index(void)
{
    indexed = true;
    int next = 0;
    for (size_t i = 0; i < aula_ui_po_count; i++) {
        const struct po_text *p = &aula_ui_po[i];
        enum str_id id = find_from(p->key, next);
        next = id == STR_COUNT ? next : ((int)id + 1) % STR_COUNT;
        if (id == STR_COUNT)
            continue; /* a text this build does not use */
        int l = compiled_index(p->lang);
        if (l < 0) {
            if (ncompiled == MAX_LANGS)
                continue;
            l = (int)ncompiled++;
            compiled[l].lang = p->lang;
        }
        compiled[l].t[id] = p->text;
    }
}

static const char *compiled_text(const char *lang, enum str_id id)
{
    if (!indexed)
        build_index();
    int l = compiled_index(lang);
    return l < 0 ? NULL : compiled[l].t[id];
}

/* The snapshot's own texts (ui_string) in one language. */
static struct {
    const struct content *c;
    int64_t version;
    char lang[16];
    char *t[STR_COUNT];
} snap;

static void snap_clear(void)
{
    for (size_t i = 0; i < STR_COUNT; i++) {
        free(snap.t[i]);
        snap.t[i] = NULL;
    }
    snap.c = NULL;
    snap.lang[0] = '\0';
}

static void snap_add(void *ctx, const char *msgid, const char *msgstr)
{
    (void)ctx;
    enum str_id id = str_find(msgid);
    if (id == STR_COUNT || !msgstr[0])
        return;
    free(snap.t[id]);
    snap.t[id] = xstrdup(msgstr);
}

void str_use_content(const struct content *c, const char *lang)
{
    if (!c || !lang) {
        snap_clear();
        return;
    }
    if (c == snap.c && c->info.content_version == snap.version && strcmp(lang, snap.lang) == 0)
        return;
    snap_clear();
    snap.c = c;
    snap.version = c->info.content_version;
    snprintf(snap.lang, sizeof(snap.lang), "%s", lang);
    content_ui_strings(c, lang, snap_add, NULL);
}

const char *str_get(const char *lang, enum str_id id)
{
    if ((int)id < 0 || id >= STR_COUNT)
        return "";
    if (lang && snap.t[id] && strcmp(lang, snap.lang) == 0)
        return snap.t[id];
    const char *s = compiled_text(lang, id);
    if (!s)
        s = compiled_text("en", id);
    return s ? s : keys[id];
}

const char *str_key(enum str_id id)
{
    return (int)id >= 0 && id < STR_COUNT ? keys[id] : "";
}

enum str_id str_find(const char *key)
{
    for (int i = 0; key && i < STR_COUNT; i++)
        if (strcmp(keys[i], key) == 0)
            return (enum str_id)i;
    return STR_COUNT;
}

/* Date and time conventions per language. */
enum date_style { DATE_DOTS, DATE_SLASHES, DATE_WORDS };

struct lang_fmt {
    const char *code;
    enum date_style date;
    char time_sep;
    const char *wd_short[7], *wd_long[7];
};

static const struct lang_fmt fmts[] = {
    {"en",
     DATE_WORDS,
     ':',
     {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"},
     {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}},
    {"fi",
     DATE_DOTS,
     '.',
     {"ma", "ti", "ke", "to", "pe", "la", "su"},
     {"maanantai", "tiistai", "keskiviikko", "torstai", "perjantai", "lauantai", "sunnuntai"}},
    {"sv",
     DATE_DOTS,
     '.',
     {"må", "ti", "on", "to", "fr", "lö", "sö"},
     {"måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"}},
    {"ar",
     DATE_SLASHES,
     ':',
     {"الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"},
     {"الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"}},
    {"so",
     DATE_SLASHES,
     ':',
     {"Isniin", "Talaado", "Arbaco", "Khamiis", "Jimce", "Sabti", "Axad"},
     {"Isniin", "Talaado", "Arbaco", "Khamiis", "Jimce", "Sabti", "Axad"}},
    {"ru",
     DATE_DOTS,
     ':',
     {"пн", "вт", "ср", "чт", "пт", "сб", "вс"},
     {"понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"}},
    {"uk",
     DATE_DOTS,
     ':',
     {"пн", "вт", "ср", "чт", "пт", "сб", "нд"},
     {"понеділок", "вівторок", "середа", "четвер", "пʼятниця", "субота", "неділя"}},
};

/* The conventions of lang; English for languages without their own. */
static const struct lang_fmt *fmt_of(const char *lang)
{
    for (size_t i = 0; lang && i < sizeof(fmts) / sizeof(fmts[0]); i++)
        if (strcmp(fmts[i].code, lang) == 0)
            return &fmts[i];
    return &fmts[0];
}

static const char *const months_en[12] = {"January",   "February", "March",    "April",
                                          "May",       "June",     "July",     "August",
                                          "September", "October",  "November", "December"};

const char *str_weekday_short(const char *lang, int weekday)
{
    return fmt_of(lang)->wd_short[(weekday - 1 + 7) % 7];
}

const char *str_weekday_long(const char *lang, int weekday)
{
    return fmt_of(lang)->wd_long[(weekday - 1 + 7) % 7];
}

static bool dotted(const char *lang)
{
    return fmt_of(lang)->date == DATE_DOTS;
}

static bool slashed(const char *lang)
{
    return fmt_of(lang)->date == DATE_SLASHES;
}

void str_time(const char *lang, int minutes, char *buf, size_t cap)
{
    if (minutes < 0)
        minutes = 0;
    snprintf(buf, cap, "%d%c%02d", minutes / 60, fmt_of(lang)->time_sep, minutes % 60);
}

void str_time_range(const char *lang, int from, int to, char *buf, size_t cap)
{
    char a[16], b[16];
    str_time(lang, from, a, sizeof(a));
    str_time(lang, to, b, sizeof(b));
    snprintf(buf, cap, "%s–%s", a, b);
}

void str_when(const char *lang, bool all_day, int from, int to, char *buf, size_t cap)
{
    if (all_day)
        snprintf(buf, cap, "%s", str_get(lang, S_ALL_DAY));
    else
        str_time_range(lang, from, to, buf, cap);
}

void str_date_short(const char *lang, int64_t day, char *buf, size_t cap)
{
    struct civil_date d = civil_from_days(day);
    int wd = civil_weekday(d.year, d.month, d.day);
    if (dotted(lang))
        snprintf(buf, cap, "%s %d.%d.", str_weekday_short(lang, wd), d.day, d.month);
    else if (slashed(lang))
        snprintf(buf, cap, "%s %d/%d", str_weekday_short(lang, wd), d.day, d.month);
    else
        snprintf(buf, cap, "%s %d %.3s", str_weekday_short(lang, wd), d.day,
                 months_en[d.month - 1]);
}

void str_date_long(const char *lang, int64_t day, char *buf, size_t cap)
{
    struct civil_date d = civil_from_days(day);
    int wd = civil_weekday(d.year, d.month, d.day);
    if (dotted(lang))
        snprintf(buf, cap, "%s %d.%d.%d", str_weekday_long(lang, wd), d.day, d.month, d.year);
    else if (slashed(lang))
        snprintf(buf, cap, "%s %d/%d/%d", str_weekday_long(lang, wd), d.day, d.month, d.year);
    else
        snprintf(buf, cap, "%s %d %s %d", str_weekday_long(lang, wd), d.day, months_en[d.month - 1],
                 d.year);
}

void str_date_range(const char *lang, int64_t from, int64_t to, char *buf, size_t cap)
{
    struct civil_date a = civil_from_days(from), b = civil_from_days(to);
    if (dotted(lang)) {
        if (a.month == b.month && a.year == b.year)
            snprintf(buf, cap, "%d.–%d.%d.%d", a.day, b.day, b.month, b.year);
        else if (a.year == b.year)
            snprintf(buf, cap, "%d.%d.–%d.%d.%d", a.day, a.month, b.day, b.month, b.year);
        else
            snprintf(buf, cap, "%d.%d.%d–%d.%d.%d", a.day, a.month, a.year, b.day, b.month, b.year);
    } else if (slashed(lang)) {
        snprintf(buf, cap, "%d/%d – %d/%d/%d", a.day, a.month, b.day, b.month, b.year);
    } else if (a.month == b.month && a.year == b.year) {
        snprintf(buf, cap, "%d–%d %.3s %d", a.day, b.day, months_en[b.month - 1], b.year);
    } else {
        snprintf(buf, cap, "%d %.3s – %d %.3s %d", a.day, months_en[a.month - 1], b.day,
                 months_en[b.month - 1], b.year);
    }
}

void str_fill(char *buf, size_t cap, const char *tmpl, const char *a1, const char *a2)
{
    size_t k = 0;
    int arg = 0;
    if (cap == 0)
        return;
    for (const char *p = tmpl; *p && k + 1 < cap; p++) {
        if (p[0] == '%' && (p[1] == 's' || p[1] == 'd')) {
            const char *v = arg == 0 ? a1 : arg == 1 ? a2 : "";
            arg++;
            p++;
            for (; v && *v && k + 1 < cap; v++)
                buf[k++] = *v;
            continue;
        }
        buf[k++] = *p;
    }
    buf[k] = '\0';
}
