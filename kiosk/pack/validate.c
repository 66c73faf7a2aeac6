/* validate: single-cell checks and parsers for content files. */
#include "pack/validate.h"
#include "base/civil.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

bool validate_id(const char *s)
{
    if (!*s || strlen(s) > 64)
        return false;
    for (const char *p = s; *p; p++)
        if (!(islower((unsigned char)*p) || isdigit((unsigned char)*p) || *p == '-' || *p == '_'))
            return false;
    return true;
}

bool validate_phone(const char *s)
{
    int digits = 0;
    for (const char *p = s; *p; p++) {
        if (isdigit((unsigned char)*p))
            digits++;
        else if (*p == '+' && p == s)
            continue;
        else if (*p != ' ' && *p != '-' && *p != '(' && *p != ')')
            return false;
    }
    return digits >= 5 && digits <= 15;
}

bool validate_email(const char *s)
{
    const char *at = strchr(s, '@');
    if (!at || at == s || strchr(at + 1, '@'))
        return false;
    for (const char *p = s; *p; p++)
        if ((unsigned char)*p <= ' ' || *p == ',' || *p == ';' || *p == '<' || *p == '>')
            return false;
    const char *dot = strrchr(at + 1, '.');
    return dot && dot > at + 1 && dot[1] && dot[2];
}

bool validate_url(const char *s)
{
    const char *host;
    if (strncmp(s, "https://", 8) == 0)
        host = s + 8;
    else if (strncmp(s, "http://", 7) == 0)
        host = s + 7;
    else
        return false;
    if (!*host || *host == '/' || !strchr(host, '.'))
        return false;
    for (const char *p = s; *p; p++)
        if ((unsigned char)*p <= ' ' || *p == '"' || *p == '<' || *p == '>')
            return false;
    return true;
}

enum tri validate_bool(const char *s)
{
    static const char *const yes[] = {"yes", "y", "kyllä", "k", "ja", "true", "1", "x"};
    static const char *const no[] = {"no", "n", "ei", "e", "nej", "false", "0"};
    if (!*s)
        return TRI_EMPTY;
    for (size_t i = 0; i < sizeof(yes) / sizeof(*yes); i++)
        if (strcasecmp(s, yes[i]) == 0 || strcmp(s, "Kyllä") == 0)
            return TRI_YES;
    for (size_t i = 0; i < sizeof(no) / sizeof(*no); i++)
        if (strcasecmp(s, no[i]) == 0)
            return TRI_NO;
    return TRI_INVALID;
}

/* Weekday names in fi, sv and en, two or three letters (case-insensitive
 * for ASCII; å/ö spelled as in Swedish). */
static int weekday_of(const char *s, size_t n)
{
    static const char *const names[][8] = {
        {"ma", "ti", "ke", "to", "pe", "la", "su", NULL},
        {"må", "ti", "on", "to", "fr", "lö", "sö", NULL},
        {"mo", "tu", "we", "th", "fr", "sa", "su", NULL},
        {"mon", "tue", "wed", "thu", "fri", "sat", "sun", NULL},
        {"mån", "tis", "ons", "tor", "fre", "lör", "sön", NULL},
    };
    if (n == 1 && s[0] >= '1' && s[0] <= '7')
        return s[0] - '0';
    for (size_t l = 0; l < sizeof(names) / sizeof(names[0]); l++)
        for (int d = 0; d < 7; d++)
            if (strlen(names[l][d]) == n && strncasecmp(names[l][d], s, n) == 0)
                return d + 1;
    return 0;
}

bool validate_days(const char *s, bool days[8])
{
    memset(days, 0, 8 * sizeof(bool));
    bool any = false;
    const char *p = s;
    while (*p) {
        while (*p == ' ' || *p == ',')
            p++;
        if (!*p)
            break;
        const char *a = p;
        while (*p && *p != '-' && *p != ',' && *p != ' ')
            p++;
        int d1 = weekday_of(a, (size_t)(p - a)), d2 = d1;
        if (*p == '-') {
            const char *b = ++p;
            while (*p && *p != ',' && *p != ' ')
                p++;
            d2 = weekday_of(b, (size_t)(p - b));
        }
        if (!d1 || !d2)
            return false;
        for (int d = d1;; d = d % 7 + 1) { /* "la-ma" wraps over Sunday */
            days[d] = true;
            if (d == d2)
                break;
        }
        any = true;
    }
    return any;
}

bool validate_datetime(const char *s, struct local_time *lt)
{
    char date[32];
    const char *sp = strchr(s, ' ');
    if (!sp)
        sp = strchr(s, 'T');
    size_t n = sp ? (size_t)(sp - s) : strlen(s);
    if (n >= sizeof(date))
        return false;
    memcpy(date, s, n);
    date[n] = '\0';
    struct civil_date d;
    if (!civil_parse_date(date, &d))
        return false;
    *lt = (struct local_time){d.year, d.month, d.day, 0, 0, true};
    if (!sp)
        return true;
    while (*sp == ' ' || *sp == 'T')
        sp++;
    int min;
    if (!civil_parse_clock(sp, &min) || min >= 1440)
        return false;
    lt->hour = min / 60;
    lt->minute = min % 60;
    lt->date_only = false;
    return true;
}

bool validate_png_header(const unsigned char *p, size_t n, int *w, int *h)
{
    static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (n < 24 || memcmp(p, sig, 8) != 0 || memcmp(p + 12, "IHDR", 4) != 0)
        return false;
    *w = (int)((p[16] << 24) | (p[17] << 16) | (p[18] << 8) | p[19]);
    *h = (int)((p[20] << 24) | (p[21] << 16) | (p[22] << 8) | p[23]);
    return *w > 0 && *h > 0;
}

void validate_each_item(const char *list, validate_item_fn fn, void *ctx)
{
    const char *p = list;
    while (*p) {
        while (*p == ' ' || *p == ',')
            p++;
        if (!*p)
            break;
        const char *a = p;
        while (*p && *p != ' ' && *p != ',')
            p++;
        char item[128];
        size_t n = (size_t)(p - a);
        bool too_long = n >= sizeof(item);
        if (too_long)
            n = sizeof(item) - 1;
        memcpy(item, a, n);
        item[n] = '\0';
        fn(item, too_long, ctx);
    }
}
