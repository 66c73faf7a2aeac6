/* dailycap: the daily slip counter and its state file; see dailycap.h. */
#include "print/dailycap.h"
#include "base/log.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

void dailycap_today(char out[11])
{
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    char buf[40];
    snprintf(buf, sizeof(buf), "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    memcpy(out, buf, 10);
    out[10] = '\0';
}

void dailycap_init(struct dailycap *d, int limit, const char *path)
{
    memset(d, 0, sizeof(*d));
    d->limit = limit;
    snprintf(d->path, sizeof(d->path), "%s", path ? path : "");
    if (!d->path[0])
        return;
    FILE *f = fopen(d->path, "r");
    if (!f)
        return;
    char date[11];
    int count;
    if (fscanf(f, "%10s %d", date, &count) == 2 && strlen(date) == 10 && count >= 0) {
        memcpy(d->date, date, sizeof(d->date));
        d->count = count;
    }
    fclose(f);
}

static void roll(struct dailycap *d, const char *today)
{
    if (strcmp(d->date, today) != 0) {
        snprintf(d->date, sizeof(d->date), "%s", today);
        d->count = 0;
    }
}

bool dailycap_take(struct dailycap *d, const char *today)
{
    roll(d, today);
    if (d->limit > 0 && d->count >= d->limit)
        return false;
    d->count++;
    return true;
}

void dailycap_give_back(struct dailycap *d, const char *today)
{
    if (strcmp(d->date, today) == 0 && d->count > 0)
        d->count--;
}

int dailycap_left(const struct dailycap *d, const char *today)
{
    if (d->limit <= 0)
        return -1;
    int used = strcmp(d->date, today) == 0 ? d->count : 0;
    return used >= d->limit ? 0 : d->limit - used;
}

bool dailycap_save(const struct dailycap *d)
{
    if (!d->path[0])
        return true;
    char tmp[sizeof(d->path) + 8];
    snprintf(tmp, sizeof(tmp), "%s.tmp", d->path);
    FILE *f = fopen(tmp, "w");
    if (!f) {
        LOG_WARN("cannot write the print counter %s (the daily cap restarts with the kiosk)", tmp);
        return false;
    }
    bool ok = fprintf(f, "%s %d\n", d->date, d->count) > 0;
    ok = fclose(f) == 0 && ok;
    if (!ok || rename(tmp, d->path) != 0) {
        LOG_WARN("cannot write the print counter %s", d->path);
        remove(tmp);
        return false;
    }
    return true;
}
