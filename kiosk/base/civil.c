/* civil: Gregorian day arithmetic (after Howard Hinnant's well-known
 * days-from-civil formulation) and date/clock parsing. */
#include "base/civil.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

int64_t civil_to_days(int year, int month, int day)
{
    int64_t y = (int64_t)year - (month <= 2);
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

struct civil_date civil_from_days(int64_t z)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = yoe + era * 400;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int d = (int)(doy - (153 * mp + 2) / 5 + 1);
    int m = (int)(mp < 10 ? mp + 3 : mp - 9);
    return (struct civil_date){(int)(y + (m <= 2)), m, d};
}

int civil_weekday(int year, int month, int day)
{
    int64_t d = civil_to_days(year, month, day);
    /* 1970-01-01 was a Thursday (4). */
    int64_t w = (d + 3) % 7;
    if (w < 0)
        w += 7;
    return (int)w + 1;
}

int civil_days_in_month(int year, int month)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : dm[month - 1];
}

bool civil_valid(int year, int month, int day)
{
    return year >= 1900 && year <= 2200 && month >= 1 && month <= 12 && day >= 1 &&
           day <= civil_days_in_month(year, month);
}

struct civil_date civil_add_days(struct civil_date d, int n)
{
    return civil_from_days(civil_to_days(d.year, d.month, d.day) + n);
}

void civil_format(struct civil_date d, char *buf)
{
    unsigned y = (unsigned)d.year % 10000u, m = (unsigned)d.month % 100u,
             dd = (unsigned)d.day % 100u;
    snprintf(buf, 11, "%04u-%02u-%02u", y, m, dd);
}

/* Reads 1..maxd digits; returns count read. */
static int digits(const char *s, int maxd, int *out)
{
    int n = 0, v = 0;
    while (n < maxd && isdigit((unsigned char)s[n])) {
        v = v * 10 + (s[n] - '0');
        n++;
    }
    *out = v;
    return n;
}

bool civil_parse_date(const char *s, struct civil_date *out)
{
    int a, b, c, n;
    if ((n = digits(s, 4, &a)) == 4 && s[4] == '-') {
        if (digits(s + 5, 2, &b) != 2 || s[7] != '-' || digits(s + 8, 2, &c) != 2 || s[10])
            return false;
        *out = (struct civil_date){a, b, c};
    } else if (n >= 1 && n <= 2 && s[n] == '.') {
        const char *p = s + n + 1;
        int m = digits(p, 2, &b);
        if (m < 1 || p[m] != '.')
            return false;
        p += m + 1;
        if (digits(p, 4, &c) != 4 || p[4])
            return false;
        *out = (struct civil_date){c, b, a};
    } else {
        return false;
    }
    return civil_valid(out->year, out->month, out->day);
}

bool civil_parse_clock(const char *s, int *minutes)
{
    int h, m;
    int n = digits(s, 2, &h);
    if (n < 1 || (s[n] != ':' && s[n] != '.'))
        return false;
    if (digits(s + n + 1, 2, &m) != 2 || s[n + 3])
        return false;
    if (m > 59 || h > 24 || (h == 24 && m != 0))
        return false;
    *minutes = h * 60 + m;
    return true;
}
