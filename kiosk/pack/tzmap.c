/* tzmap: turns the zone names that calendar programs write into IANA zone
 * names. Windows names (Outlook, Exchange) come from a table after the
 * Unicode CLDR windowsZones mapping (territory "001"); Outlook's display
 * names ("(UTC+02:00) Helsinki, Kyiv, ...") are recognised by their first
 * city; prefixed ids ("/mozilla.org/20050126_1/Europe/Helsinki") by their
 * IANA tail. IANA names are checked against the zones libical can load from
 * the system's zoneinfo. The returned names are static: table entries, or
 * copies kept for the life of the process. */
#include "pack/tzmap.h"

#include "base/xalloc.h"

#include <libical/ical.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>
#include <strings.h>

struct tz_alias {
    const char *name, *iana;
};

static const struct tz_alias windows_zones[] = {
    {"Dateline Standard Time", "Etc/GMT+12"},
    {"UTC-11", "Etc/GMT+11"},
    {"Hawaiian Standard Time", "Pacific/Honolulu"},
    {"Alaskan Standard Time", "America/Anchorage"},
    {"Pacific Standard Time", "America/Los_Angeles"},
    {"US Mountain Standard Time", "America/Phoenix"},
    {"Mountain Standard Time", "America/Denver"},
    {"Central America Standard Time", "America/Guatemala"},
    {"Central Standard Time", "America/Chicago"},
    {"Central Standard Time (Mexico)", "America/Mexico_City"},
    {"Canada Central Standard Time", "America/Regina"},
    {"SA Pacific Standard Time", "America/Bogota"},
    {"Eastern Standard Time", "America/New_York"},
    {"US Eastern Standard Time", "America/Indiana/Indianapolis"},
    {"Atlantic Standard Time", "America/Halifax"},
    {"Venezuela Standard Time", "America/Caracas"},
    {"SA Western Standard Time", "America/La_Paz"},
    {"Pacific SA Standard Time", "America/Santiago"},
    {"Newfoundland Standard Time", "America/St_Johns"},
    {"E. South America Standard Time", "America/Sao_Paulo"},
    {"Argentina Standard Time", "America/Argentina/Buenos_Aires"},
    {"SA Eastern Standard Time", "America/Cayenne"},
    {"Greenland Standard Time", "America/Nuuk"},
    {"Azores Standard Time", "Atlantic/Azores"},
    {"Cape Verde Standard Time", "Atlantic/Cape_Verde"},
    {"UTC", "Etc/UTC"},
    {"GMT", "Etc/UTC"},
    {"Z", "Etc/UTC"},
    {"Coordinated Universal Time", "Etc/UTC"},
    {"GMT Standard Time", "Europe/London"},
    {"Greenwich Standard Time", "Atlantic/Reykjavik"},
    {"Morocco Standard Time", "Africa/Casablanca"},
    {"W. Europe Standard Time", "Europe/Berlin"},
    {"Central Europe Standard Time", "Europe/Budapest"},
    {"Romance Standard Time", "Europe/Paris"},
    {"Central European Standard Time", "Europe/Warsaw"},
    {"W. Central Africa Standard Time", "Africa/Lagos"},
    {"GTB Standard Time", "Europe/Bucharest"},
    {"Middle East Standard Time", "Asia/Beirut"},
    {"Egypt Standard Time", "Africa/Cairo"},
    {"E. Europe Standard Time", "Europe/Chisinau"},
    {"South Africa Standard Time", "Africa/Johannesburg"},
    {"FLE Standard Time", "Europe/Helsinki"},
    {"Israel Standard Time", "Asia/Jerusalem"},
    {"Kaliningrad Standard Time", "Europe/Kaliningrad"},
    {"Libya Standard Time", "Africa/Tripoli"},
    {"Namibia Standard Time", "Africa/Windhoek"},
    {"Jordan Standard Time", "Asia/Amman"},
    {"Syria Standard Time", "Asia/Damascus"},
    {"West Bank Standard Time", "Asia/Hebron"},
    {"Sudan Standard Time", "Africa/Khartoum"},
    {"South Sudan Standard Time", "Africa/Juba"},
    {"Arabic Standard Time", "Asia/Baghdad"},
    {"Turkey Standard Time", "Europe/Istanbul"},
    {"Arab Standard Time", "Asia/Riyadh"},
    {"Belarus Standard Time", "Europe/Minsk"},
    {"Russian Standard Time", "Europe/Moscow"},
    {"E. Africa Standard Time", "Africa/Nairobi"},
    {"Volgograd Standard Time", "Europe/Volgograd"},
    {"Iran Standard Time", "Asia/Tehran"},
    {"Arabian Standard Time", "Asia/Dubai"},
    {"Astrakhan Standard Time", "Europe/Astrakhan"},
    {"Azerbaijan Standard Time", "Asia/Baku"},
    {"Russia Time Zone 3", "Europe/Samara"},
    {"Mauritius Standard Time", "Indian/Mauritius"},
    {"Georgian Standard Time", "Asia/Tbilisi"},
    {"Caucasus Standard Time", "Asia/Yerevan"},
    {"Afghanistan Standard Time", "Asia/Kabul"},
    {"West Asia Standard Time", "Asia/Tashkent"},
    {"Ekaterinburg Standard Time", "Asia/Yekaterinburg"},
    {"Pakistan Standard Time", "Asia/Karachi"},
    {"India Standard Time", "Asia/Kolkata"},
    {"Sri Lanka Standard Time", "Asia/Colombo"},
    {"Nepal Standard Time", "Asia/Kathmandu"},
    {"Central Asia Standard Time", "Asia/Almaty"},
    {"Bangladesh Standard Time", "Asia/Dhaka"},
    {"Omsk Standard Time", "Asia/Omsk"},
    {"Myanmar Standard Time", "Asia/Yangon"},
    {"SE Asia Standard Time", "Asia/Bangkok"},
    {"N. Central Asia Standard Time", "Asia/Novosibirsk"},
    {"North Asia Standard Time", "Asia/Krasnoyarsk"},
    {"China Standard Time", "Asia/Shanghai"},
    {"North Asia East Standard Time", "Asia/Irkutsk"},
    {"Singapore Standard Time", "Asia/Singapore"},
    {"W. Australia Standard Time", "Australia/Perth"},
    {"Taipei Standard Time", "Asia/Taipei"},
    {"Ulaanbaatar Standard Time", "Asia/Ulaanbaatar"},
    {"Tokyo Standard Time", "Asia/Tokyo"},
    {"Korea Standard Time", "Asia/Seoul"},
    {"Yakutsk Standard Time", "Asia/Yakutsk"},
    {"Cen. Australia Standard Time", "Australia/Adelaide"},
    {"AUS Central Standard Time", "Australia/Darwin"},
    {"E. Australia Standard Time", "Australia/Brisbane"},
    {"AUS Eastern Standard Time", "Australia/Sydney"},
    {"West Pacific Standard Time", "Pacific/Port_Moresby"},
    {"Tasmania Standard Time", "Australia/Hobart"},
    {"Vladivostok Standard Time", "Asia/Vladivostok"},
    {"Magadan Standard Time", "Asia/Magadan"},
    {"New Zealand Standard Time", "Pacific/Auckland"},
    {"Fiji Standard Time", "Pacific/Fiji"},
    {"Tonga Standard Time", "Pacific/Tongatapu"},
    {"Samoa Standard Time", "Pacific/Apia"},
};

/* Outlook sometimes writes the display name of a Windows zone as TZID. The
 * first city after "(UTC+02:00) " identifies the zone. */
static const struct tz_alias display_cities[] = {
    {"Helsinki", "Europe/Helsinki"},
    {"Amsterdam", "Europe/Berlin"},
    {"Belgrade", "Europe/Budapest"},
    {"Brussels", "Europe/Paris"},
    {"Sarajevo", "Europe/Warsaw"},
    {"Athens", "Europe/Bucharest"},
    {"Chisinau", "Europe/Chisinau"},
    {"Dublin", "Europe/London"},
    {"Monrovia", "Atlantic/Reykjavik"},
    {"Moscow", "Europe/Moscow"},
    {"Istanbul", "Europe/Istanbul"},
    {"Baghdad", "Asia/Baghdad"},
    {"Kuwait", "Asia/Riyadh"},
    {"Tehran", "Asia/Tehran"},
    {"Nairobi", "Africa/Nairobi"},
    {"Minsk", "Europe/Minsk"},
    {"Kaliningrad", "Europe/Kaliningrad"},
    {"Cairo", "Africa/Cairo"},
    {"Jerusalem", "Asia/Jerusalem"},
    {"Coordinated Universal Time", "Etc/UTC"},
    {"Eastern Time (US & Canada)", "America/New_York"},
    {"Central Time (US & Canada)", "America/Chicago"},
    {"Mountain Time (US & Canada)", "America/Denver"},
    {"Pacific Time (US & Canada)", "America/Los_Angeles"},
};

/* A name that can only name a file under the zoneinfo directory. */
static bool plausible_iana(const char *name)
{
    if (!name[0] || name[0] == '/' || strstr(name, "..") || strlen(name) > 64)
        return false;
    for (const char *p = name; *p; p++) {
        char c = *p;
        bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                  c == '/' || c == '_' || c == '-' || c == '+';
        if (!ok)
            return false;
    }
    return true;
}

/* Names that passed as IANA names, kept for the life of the process (libical
 * may replace a zone's own location string when it loads the zone). */
static struct {
    char **v;
    size_t n, cap;
} interned;

static const char *intern(const char *name)
{
    for (size_t i = 0; i < interned.n; i++) {
        if (strcmp(interned.v[i], name) == 0)
            return interned.v[i];
    }
    XGROW(interned.v, interned.cap, interned.n + 1);
    interned.v[interned.n++] = xstrdup(name);
    return interned.v[interned.n - 1];
}

/* name if it is a zone libical can load; table names are returned as they
 * are (static), others interned. */
static const char *resolve_iana(const char *name, bool is_static)
{
    if (!plausible_iana(name) || !icaltimezone_get_builtin_timezone(name))
        return NULL;
    return is_static ? name : intern(name);
}

static const char *lookup(const struct tz_alias *table, size_t n, const char *name, size_t len)
{
    for (size_t i = 0; i < n; i++) {
        if (strlen(table[i].name) == len && strncasecmp(table[i].name, name, len) == 0)
            return table[i].iana;
    }
    return NULL;
}

static const char *resolve_display_name(const char *name)
{
    if (strncmp(name, "(UTC", 4) != 0 && strncmp(name, "(GMT", 4) != 0)
        return NULL;
    const char *p = strchr(name, ')');
    if (!p)
        return NULL;
    p++;
    while (*p == ' ')
        p++;
    size_t len = strcspn(p, ",");
    const char *iana =
        lookup(display_cities, sizeof(display_cities) / sizeof(display_cities[0]), p, len);
    if (!iana)
        iana = lookup(display_cities, sizeof(display_cities) / sizeof(display_cities[0]), p,
                      strlen(p));
    return iana;
}

const char *tzmap_resolve(const char *name)
{
    if (!name)
        return NULL;
    while (*name == ' ')
        name++;
    size_t len = strlen(name);
    while (len > 0 && name[len - 1] == ' ')
        len--;
    char buf[128];
    if (len == 0 || len >= sizeof(buf))
        return NULL;
    memcpy(buf, name, len);
    buf[len] = '\0';

    const char *iana =
        lookup(windows_zones, sizeof(windows_zones) / sizeof(windows_zones[0]), buf, len);
    if (iana)
        return resolve_iana(iana, true);
    if ((iana = resolve_display_name(buf)) != NULL)
        return resolve_iana(iana, true);
    if (buf[0] == '/') {
        /* "/vendor/version/Area/City": the longest tail that is a zone. */
        for (const char *p = strchr(buf + 1, '/'); p; p = strchr(p + 1, '/')) {
            if ((iana = resolve_iana(p + 1, false)) != NULL)
                return iana;
        }
        return NULL;
    }
    return resolve_iana(buf, false);
}
