/* holidays: the Finnish public holidays of a year and the two eves that are
 * days off in practice, computed from their rules (Easter by the anonymous
 * Gregorian computus; juhannus and pyhäinpäivä on the Saturday of their
 * week). Owns nothing: the names are string constants. */
#include "pack/holidays.h"

#include <string.h>

struct holiday_rule {
    const char *key, *fi, *sv, *en;
    bool is_eve;
};

/* The order of the rows is the order of holidays_for_year() for holidays that
 * fall on the same date (helatorstai and vappu in 2008). */
enum {
    H_NEW_YEAR,
    H_EPIPHANY,
    H_GOOD_FRIDAY,
    H_EASTER,
    H_EASTER_MONDAY,
    H_MAY_DAY,
    H_ASCENSION,
    H_PENTECOST,
    H_MIDSUMMER_EVE,
    H_MIDSUMMER,
    H_ALL_SAINTS,
    H_INDEPENDENCE,
    H_CHRISTMAS_EVE,
    H_CHRISTMAS,
    H_BOXING_DAY,
    H_COUNT
};

static const struct holiday_rule rules[H_COUNT] = {
    [H_NEW_YEAR] = {"uudenvuodenpaiva", "Uudenvuodenpäivä", "Nyårsdagen", "New Year's Day", false},
    [H_EPIPHANY] = {"loppiainen", "Loppiainen", "Trettondagen", "Epiphany", false},
    [H_GOOD_FRIDAY] = {"pitkaperjantai", "Pitkäperjantai", "Långfredagen", "Good Friday", false},
    [H_EASTER] = {"paasiaispaiva", "Pääsiäispäivä", "Påskdagen", "Easter Sunday", false},
    [H_EASTER_MONDAY] = {"toinen-paasiaispaiva", "2. pääsiäispäivä", "Annandag påsk",
                         "Easter Monday", false},
    [H_MAY_DAY] = {"vappu", "Vappu", "Första maj", "May Day", false},
    [H_ASCENSION] = {"helatorstai", "Helatorstai", "Kristi himmelfärdsdag", "Ascension Day", false},
    [H_PENTECOST] = {"helluntai", "Helluntaipäivä", "Pingstdagen", "Whit Sunday", false},
    [H_MIDSUMMER_EVE] = {"juhannusaatto", "Juhannusaatto", "Midsommarafton", "Midsummer Eve", true},
    [H_MIDSUMMER] = {"juhannuspaiva", "Juhannuspäivä", "Midsommardagen", "Midsummer Day", false},
    [H_ALL_SAINTS] = {"pyhainpaiva", "Pyhäinpäivä", "Alla helgons dag", "All Saints' Day", false},
    [H_INDEPENDENCE] = {"itsenaisyyspaiva", "Itsenäisyyspäivä", "Självständighetsdagen",
                        "Independence Day", false},
    [H_CHRISTMAS_EVE] = {"jouluaatto", "Jouluaatto", "Julafton", "Christmas Eve", true},
    [H_CHRISTMAS] = {"joulupaiva", "Joulupäivä", "Juldagen", "Christmas Day", false},
    [H_BOXING_DAY] = {"tapaninpaiva", "Tapaninpäivä", "Annandag jul", "St Stephen's Day", false},
};

struct civil_date holidays_easter(int year)
{
    /* Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    int a = year % 19, b = year / 100, c = year % 100;
    int d = b / 4, e = b % 4;
    int f = (b + 8) / 25, g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4, k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = (h + l - 7 * m + 114) % 31 + 1;
    return (struct civil_date){year, month, day};
}

/* The Saturday in [first, first + 6]. */
static struct civil_date saturday_from(int year, int month, int day)
{
    struct civil_date first = {year, month, day};
    int wd = civil_weekday(year, month, day); /* 1 = Monday */
    return civil_add_days(first, (6 - wd + 7) % 7);
}

static int64_t day_number(struct civil_date d)
{
    return civil_to_days(d.year, d.month, d.day);
}

size_t holidays_for_year(int year, struct holiday *out, size_t cap)
{
    struct civil_date dates[H_COUNT];
    struct civil_date easter = holidays_easter(year);
    struct civil_date midsummer = saturday_from(year, 6, 20);

    dates[H_NEW_YEAR] = (struct civil_date){year, 1, 1};
    dates[H_EPIPHANY] = (struct civil_date){year, 1, 6};
    dates[H_GOOD_FRIDAY] = civil_add_days(easter, -2);
    dates[H_EASTER] = easter;
    dates[H_EASTER_MONDAY] = civil_add_days(easter, 1);
    dates[H_MAY_DAY] = (struct civil_date){year, 5, 1};
    dates[H_ASCENSION] = civil_add_days(easter, 39);
    dates[H_PENTECOST] = civil_add_days(easter, 49);
    dates[H_MIDSUMMER_EVE] = civil_add_days(midsummer, -1);
    dates[H_MIDSUMMER] = midsummer;
    dates[H_ALL_SAINTS] = saturday_from(year, 10, 31);
    dates[H_INDEPENDENCE] = (struct civil_date){year, 12, 6};
    dates[H_CHRISTMAS_EVE] = (struct civil_date){year, 12, 24};
    dates[H_CHRISTMAS] = (struct civil_date){year, 12, 25};
    dates[H_BOXING_DAY] = (struct civil_date){year, 12, 26};

    /* Stable insertion sort by date: only vappu and helatorstai can swap. */
    int order[H_COUNT];
    for (int i = 0; i < H_COUNT; i++) {
        int j = i;
        while (j > 0 && day_number(dates[order[j - 1]]) > day_number(dates[i])) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = i;
    }

    size_t n = 0;
    for (int i = 0; i < H_COUNT && n < cap; i++) {
        const struct holiday_rule *r = &rules[order[i]];
        out[n++] = (struct holiday){
            .date = dates[order[i]],
            .key = r->key,
            .is_eve = r->is_eve,
            .name_fi = r->fi,
            .name_sv = r->sv,
            .name_en = r->en,
        };
    }
    return n;
}

bool holidays_lookup(struct civil_date date, struct holiday *h)
{
    struct holiday all[H_COUNT];
    size_t n = holidays_for_year(date.year, all, H_COUNT);
    for (size_t i = 0; i < n; i++) {
        if (all[i].date.month == date.month && all[i].date.day == date.day) {
            if (h)
                *h = all[i];
            return true;
        }
    }
    return false;
}
