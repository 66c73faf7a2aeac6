/* strings: the built-in UI texts and date/time formats; see strings.h. */
#include "ui/strings.h"
#include "base/civil.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

struct str_row {
    const char *key;
    const char *t[4]; /* fi sv en ar */
};

static const struct str_row rows[STR_COUNT] = {
#define STR_ROW(id, key, fi, sv, en, ar) [id] = {key, {fi, sv, en, ar}},
    STR_LIST(STR_ROW)
#undef STR_ROW
};

static int lang_index(const char *lang)
{
    if (!lang)
        return 2;
    if (strcmp(lang, "fi") == 0)
        return 0;
    if (strcmp(lang, "sv") == 0)
        return 1;
    if (strcmp(lang, "ar") == 0)
        return 3;
    return 2;
}

const char *str_get(const char *lang, enum str_id id)
{
    if ((int)id < 0 || id >= STR_COUNT)
        return "";
    const char *s = rows[id].t[lang_index(lang)];
    return s ? s : rows[id].t[2];
}

const char *str_key(enum str_id id)
{
    return (int)id >= 0 && id < STR_COUNT ? rows[id].key : "";
}

static const char *const wd_short[4][7] = {
    {"ma", "ti", "ke", "to", "pe", "la", "su"},
    {"må", "ti", "on", "to", "fr", "lö", "sö"},
    {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"},
    {"الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"},
};
static const char *const wd_long[4][7] = {
    {"maanantai", "tiistai", "keskiviikko", "torstai", "perjantai", "lauantai", "sunnuntai"},
    {"måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"},
    {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"},
    {"الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"},
};
static const char *const months_en[12] = {"January",   "February", "March",    "April",
                                          "May",       "June",     "July",     "August",
                                          "September", "October",  "November", "December"};

const char *str_weekday_short(const char *lang, int weekday)
{
    return wd_short[lang_index(lang)][(weekday - 1 + 7) % 7];
}

const char *str_weekday_long(const char *lang, int weekday)
{
    return wd_long[lang_index(lang)][(weekday - 1 + 7) % 7];
}

static bool dotted(const char *lang)
{
    int i = lang_index(lang);
    return i == 0 || i == 1;
}

void str_time(const char *lang, int minutes, char *buf, size_t cap)
{
    if (minutes < 0)
        minutes = 0;
    snprintf(buf, cap, "%d%c%02d", minutes / 60, dotted(lang) ? '.' : ':', minutes % 60);
}

void str_time_range(const char *lang, int from, int to, char *buf, size_t cap)
{
    char a[16], b[16];
    str_time(lang, from, a, sizeof(a));
    str_time(lang, to, b, sizeof(b));
    snprintf(buf, cap, "%s–%s", a, b);
}

void str_date_short(const char *lang, int64_t day, char *buf, size_t cap)
{
    struct civil_date d = civil_from_days(day);
    int wd = civil_weekday(d.year, d.month, d.day);
    if (dotted(lang))
        snprintf(buf, cap, "%s %d.%d.", str_weekday_short(lang, wd), d.day, d.month);
    else if (lang_index(lang) == 3)
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
    else if (lang_index(lang) == 3)
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
    } else if (lang_index(lang) == 3) {
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
