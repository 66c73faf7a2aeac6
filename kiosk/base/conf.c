/* conf: INI-like configuration files checked against a key table; see
 * conf.h. */
#include "base/conf.h"
#include "base/strbuf.h"
#include "base/xalloc.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h> /* isfinite */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SECTION_MAX 64
#define MSG_MAX     512

static bool listed(const char *const *list, const char *s)
{
    for (; list && *list; list++)
        if (strcmp(*list, s) == 0)
            return true;
    return false;
}

const char *const conf_sections[] = {"kiosk", "speech",  "staff", "display",
                                     "sync",  "printer", "stats", NULL};

__attribute__((format(printf, 2, 3))) static void warn(const struct conf_spec *spec,
                                                       const char *fmt, ...)
{
    if (!spec->warn)
        return;
    char msg[MSG_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    spec->warn(spec->warn_ctx, msg);
}

static bool valid_lang(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && islower((unsigned char)s[i]))
        i++;
    if (i < 2 || i > 3)
        return false;
    if (i == n)
        return true;
    if (s[i] != '-' && s[i] != '_')
        return false;
    size_t j = i + 1;
    while (j < n && isalnum((unsigned char)s[j]))
        j++;
    return j == n && j - i - 1 >= 2 && j - i - 1 <= 8;
}

static bool parse_number(const char *s, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s || *end || errno || !isfinite(v))
        return false;
    *out = v;
    return true;
}

/* Checks and converts one value; false with err filled. */
static bool set_value(const char *name, int line, const struct conf_key *k, const char *v,
                      struct conf_value *out, char *err, size_t cap)
{
    out->set = true;
    out->line = line;
    snprintf(out->text, sizeof(out->text), "%s", v);
    if (strlen(v) >= sizeof(out->text)) {
        snprintf(err, cap, "%s:%d: %s: the value is too long (at most %d characters)", name, line,
                 k->name, CONF_TEXT_MAX - 1);
        return false;
    }
    switch (k->type) {
    case CONF_TEXT:
        return true;
    case CONF_ID:
        for (const char *p = v; *p; p++)
            if (!isalnum((unsigned char)*p) && !strchr("-_.", *p)) {
                snprintf(err, cap, "%s:%d: %s: \"%s\" is not an id (letters, digits, - _ . only)",
                         name, line, k->name, v);
                return false;
            }
        if (!v[0]) {
            snprintf(err, cap, "%s:%d: %s: is empty", name, line, k->name);
            return false;
        }
        return true;
    case CONF_PATH:
        if (v[0] != '/') {
            snprintf(err, cap, "%s:%d: %s: \"%s\" is not an absolute path (start it with /)", name,
                     line, k->name, v);
            return false;
        }
        return true;
    case CONF_SECONDS:
    case CONF_NUMBER: {
        bool whole = k->type == CONF_SECONDS;
        double d;
        /* Whole seconds; a value too large to test is out of range below. */
        if (!parse_number(v, &d) || (whole && d > -1e15 && d < 1e15 && d != (double)(long long)d)) {
            snprintf(err, cap, "%s:%d: %s: \"%s\" is not a %s", name, line, k->name, v,
                     whole ? "number of seconds" : "number");
            return false;
        }
        if (d < k->min || d > k->max) {
            snprintf(err, cap, "%s:%d: %s: %s is out of range (%g to %g%s)", name, line, k->name, v,
                     k->min, k->max, whole ? " seconds" : "");
            return false;
        }
        out->num = d;
        return true;
    }
    case CONF_BOOL: {
        static const char *const yes[] = {"yes", "true", "on", "1", NULL};
        static const char *const no[] = {"no", "false", "off", "0", NULL};
        if (listed(yes, v))
            out->yes = true;
        else if (listed(no, v))
            out->yes = false;
        else {
            snprintf(err, cap, "%s:%d: %s: \"%s\" is not yes or no", name, line, k->name, v);
            return false;
        }
        return true;
    }
    case CONF_CHOICE: {
        size_t n = strlen(v);
        for (const char *p = k->choices; *p;) {
            size_t len = strcspn(p, "|");
            if (len == n && n && strncmp(p, v, n) == 0)
                return true;
            p += len + (p[len] == '|');
        }
        char list[256];
        size_t j = 0;
        for (const char *p = k->choices; *p && j + 3 < sizeof(list); p++) {
            if (*p == '|') {
                list[j++] = ',';
                list[j++] = ' ';
            } else {
                list[j++] = *p;
            }
        }
        list[j] = '\0';
        snprintf(err, cap, "%s:%d: %s: \"%s\" is not one of %s", name, line, k->name, v, list);
        return false;
    }
    case CONF_LANG:
    case CONF_LANGS: {
        size_t count = 0;
        for (const char *p = v; *p;) {
            p += strspn(p, " ,");
            size_t len = strcspn(p, " ,");
            if (!len)
                break;
            if (!valid_lang(p, len)) {
                snprintf(err, cap, "%s:%d: %s: \"%.*s\" is not a language code (like fi, sv, en)",
                         name, line, k->name, (int)len, p);
                return false;
            }
            count++;
            p += len;
        }
        if (count == 0 || (k->type == CONF_LANG && count != 1)) {
            snprintf(err, cap, "%s:%d: %s: \"%s\" is not %s", name, line, k->name, v,
                     k->type == CONF_LANG ? "one language code (like fi)"
                                          : "a list of language codes (like fi sv en)");
            return false;
        }
        return true;
    }
    }
    return true;
}

bool conf_read(const char *name, const char *text, const struct conf_spec *spec,
               struct conf_value *out, char *err, size_t cap)
{
    memset(out, 0, spec->nkeys * sizeof(*out));
    char *copy = xstrdup(text), *p = copy;
    /* A byte-order mark from a Windows editor is no error. */
    if ((unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB && (unsigned char)p[2] == 0xBF)
        p += 3;
    char section[SECTION_MAX] = "";
    bool in_section = false, owned = false;
    bool ok = true;
    for (int line = 1; p && ok; line++) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        char *s = str_trim(p);
        p = nl ? nl + 1 : NULL;
        if (*s == '\0' || *s == '#')
            continue;
        if (*s == '[') {
            char *end = strchr(s, ']');
            if (!end || str_trim(end + 1)[0]) {
                snprintf(err, cap, "%s:%d: \"%.60s\": a section is written [name]", name, line, s);
                ok = false;
                break;
            }
            *end = '\0';
            snprintf(section, sizeof(section), "%s", str_trim(s + 1));
            in_section = true;
            owned = listed(spec->owned, section);
            if (!owned && !listed(spec->others ? spec->others : conf_sections, section))
                warn(spec, "%s:%d: [%s]: unknown section; ignored", name, line, section);
            continue;
        }
        char *eq = strchr(s, '=');
        if (!eq) {
            snprintf(err, cap, "%s:%d: expected \"key = value\" or \"[section]\", found \"%.60s\"",
                     name, line, s);
            ok = false;
            break;
        }
        *eq = '\0';
        char *key = str_trim(s), *value = str_trim(eq + 1);
        size_t vn = strlen(value);
        if (vn >= 2 && value[0] == '"' && value[vn - 1] == '"') {
            value[vn - 1] = '\0';
            value++;
        }
        if (!key[0]) {
            snprintf(err, cap, "%s:%d: a line starts with \"=\": the key is missing", name, line);
            ok = false;
            break;
        }
        if (!in_section) {
            /* Shared flat files: a key before any section is someone else's. */
            for (size_t i = 0; i < spec->nkeys; i++)
                if (strcmp(spec->keys[i].name, key) == 0) {
                    warn(spec, "%s:%d: %s: outside a section; put it under [%s]", name, line, key,
                         spec->keys[i].section);
                    break;
                }
            continue;
        }
        if (!owned)
            continue;
        size_t i = 0;
        while (i < spec->nkeys && (strcmp(spec->keys[i].section, section) != 0 ||
                                   strcmp(spec->keys[i].name, key) != 0))
            i++;
        if (i == spec->nkeys) {
            warn(spec, "%s:%d: %s: unknown setting in [%s]; ignored", name, line, key, section);
            continue;
        }
        if (out[i].set) {
            snprintf(err, cap, "%s:%d: %s: set twice (first on line %d)", name, line, key,
                     out[i].line);
            ok = false;
            break;
        }
        ok = set_value(name, line, &spec->keys[i], value, &out[i], err, cap);
    }
    free(copy);
    return ok;
}

bool conf_load(const char *path, bool must_exist, const struct conf_spec *spec,
               struct conf_value *out, char *err, size_t cap)
{
    memset(out, 0, spec->nkeys * sizeof(*out));
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (errno == ENOENT && !must_exist)
            return true;
        snprintf(err, cap, "%s: cannot read: %s", path, strerror(errno));
        return false;
    }
    char *text = NULL;
    size_t n = 0, tcap = 0;
    char chunk[4096];
    size_t got;
    while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0) {
        XGROW(text, tcap, n + got + 1);
        memcpy(text + n, chunk, got);
        n += got;
    }
    bool read_error = ferror(f) != 0;
    fclose(f);
    if (read_error) {
        free(text);
        snprintf(err, cap, "%s: cannot read", path);
        return false;
    }
    if (memchr(text ? text : "", '\0', n)) {
        free(text);
        snprintf(err, cap, "%s: not a text file", path);
        return false;
    }
    if (text)
        text[n] = '\0';
    bool ok = conf_read(path, text ? text : "", spec, out, err, cap);
    free(text);
    return ok;
}

bool conf_each(const char *text, const char *name, const char *section, conf_kv_fn fn, void *ctx,
               char *err, size_t errcap)
{
    char *copy = xstrdup(text), *p = copy;
    bool ok = true, inside = true; /* lines before any header count as ours */
    for (int line = 1; p && ok; line++) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        char *s = str_trim(p);
        p = nl ? nl + 1 : NULL;
        if (*s == '\0' || *s == '#')
            continue;
        size_t n = strlen(s);
        if (s[0] == '[' && section) {
            if (s[n - 1] != ']') {
                snprintf(err, errcap, "%s:%d: a section header must look like [name]", name, line);
                ok = false;
                break;
            }
            s[n - 1] = '\0';
            inside = strcmp(str_trim(s + 1), section) == 0;
            continue;
        }
        if (!inside)
            continue;
        char *eq = strchr(s, '=');
        if (!eq) {
            snprintf(err, errcap, "%s:%d: expected \"key = value\", found \"%.60s\"", name, line,
                     s);
            ok = false;
            break;
        }
        *eq = '\0';
        char *key = str_trim(s), *value = str_trim(eq + 1);
        size_t vn = strlen(value);
        if (vn >= 2 && value[0] == '"' && value[vn - 1] == '"') {
            value[vn - 1] = '\0';
            value++;
        }
        ok = fn(ctx, key, value, name, line, err, errcap);
    }
    free(copy);
    return ok;
}

char *conf_slurp(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return NULL;
    char *text = xmalloc(65537);
    size_t n = fread(text, 1, 65536, f);
    text[n] = '\0';
    fclose(f);
    return text;
}

bool conf_parse_size(const char *s, long long *out)
{
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (end == s || errno || v < 0)
        return false;
    int shift = 0;
    if (*end == 'k' || *end == 'K')
        shift = 10;
    else if (*end == 'M')
        shift = 20;
    else if (*end == 'G')
        shift = 30;
    if (shift)
        end++;
    if (*end == 'B' && shift)
        end++;
    if (*end || v > (LLONG_MAX >> 30))
        return false;
    *out = v << shift;
    return true;
}

bool conf_parse_duration(const char *s, long long *ms)
{
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (end == s || errno || v < 0 || v > 1000000000LL)
        return false;
    long long mult = 1000;
    if (strcmp(end, "ms") == 0)
        mult = 1;
    else if (strcmp(end, "s") == 0 || *end == '\0')
        mult = 1000;
    else if (strcmp(end, "m") == 0 || strcmp(end, "min") == 0)
        mult = 60 * 1000LL;
    else if (strcmp(end, "h") == 0)
        mult = 3600 * 1000LL;
    else if (strcmp(end, "d") == 0)
        mult = 86400 * 1000LL;
    else
        return false;
    *ms = v * mult;
    return true;
}
