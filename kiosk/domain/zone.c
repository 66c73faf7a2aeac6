/* zone: local time through the C library's zone database. Owns the process's
 * TZ environment variable; see zone.h. */
#include "domain/zone.h"
#include "base/civil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void use_zone(const char *tz)
{
    const char *cur = getenv("TZ");
    if (!cur || strcmp(cur, tz) != 0) {
        setenv("TZ", tz, 1);
        tzset();
    }
}

void zone_to_local(const char *tz, int64_t utc, struct zone_time *out)
{
    use_zone(tz);
    time_t t = (time_t)utc;
    struct tm tm;
    memset(&tm, 0, sizeof(tm));
    localtime_r(&t, &tm);
    out->year = tm.tm_year + 1900;
    out->month = tm.tm_mon + 1;
    out->day = tm.tm_mday;
    out->hour = tm.tm_hour;
    out->minute = tm.tm_min;
    out->second = tm.tm_sec;
    out->weekday = tm.tm_wday == 0 ? 7 : tm.tm_wday;
    out->days = civil_to_days(out->year, out->month, out->day);
    out->minutes = out->hour * 60 + out->minute;
    out->utc_off = tm.tm_gmtoff;
}

int64_t zone_from_local(const char *tz, int64_t days, int minutes)
{
    use_zone(tz);
    struct civil_date d = civil_from_days(days + minutes / 1440);
    minutes %= 1440;
    struct tm tm;
    memset(&tm, 0, sizeof(tm));
    tm.tm_year = d.year - 1900;
    tm.tm_mon = d.month - 1;
    tm.tm_mday = d.day;
    tm.tm_hour = minutes / 60;
    tm.tm_min = minutes % 60;
    tm.tm_isdst = -1;
    return (int64_t)mktime(&tm);
}

bool zone_parse_instant(const char *s, const char *tz, int64_t *out)
{
    int y, mo, d, h, mi, sec = 0, n = 0;
    char sep;
    if (sscanf(s, "%4d-%2d-%2d%c%2d:%2d%n", &y, &mo, &d, &sep, &h, &mi, &n) != 6 ||
        (sep != 'T' && sep != ' '))
        return false;
    const char *rest = s + n;
    if (rest[0] == ':') {
        int m = 0;
        if (sscanf(rest, ":%2d%n", &sec, &m) != 1)
            return false;
        rest += m;
    }
    bool utc = false;
    if (rest[0] == 'Z' && rest[1] == '\0')
        utc = true;
    else if (rest[0] != '\0')
        return false;
    if (!civil_valid(y, mo, d) || h > 23 || mi > 59 || sec > 59)
        return false;
    int64_t days = civil_to_days(y, mo, d);
    if (utc)
        *out = days * 86400 + h * 3600 + mi * 60 + sec;
    else
        *out = zone_from_local(tz, days, h * 60 + mi) + sec;
    return true;
}

void zone_format(const char *tz, int64_t utc, char *buf, size_t cap)
{
    struct zone_time t;
    zone_to_local(tz, utc, &t);
    snprintf(buf, cap, "%04d-%02d-%02d %02d:%02d", t.year, t.month, t.day, t.hour, t.minute);
}
