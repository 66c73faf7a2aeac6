/* i18n: fallback chain and language-tagged text; see i18n.h. */
#include "domain/i18n.h"
#include "base/xalloc.h"
#include "base/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void i18n_chain(const char *visitor, const char *out[I18N_CHAIN_LEN])
{
    out[0] = visitor && visitor[0] ? visitor : "fi";
    out[1] = "en";
    out[2] = "fi";
    out[3] = "sv";
}

bool i18n_bind(struct db_stmt *st, const char *visitor)
{
    const char *chain[I18N_CHAIN_LEN];
    i18n_chain(visitor, chain);
    for (int i = 0; i < I18N_CHAIN_LEN; i++)
        if (!db_bind_text(st, i + 1, chain[i]))
            return false;
    return true;
}

void i18n_text_set(struct i18n_text *t, const char *s, const char *lang, const char *visitor)
{
    free(t->s);
    s = s ? s : "";
    size_t n = strnlen(s, I18N_TEXT_MAX + 1);
    if (n > I18N_TEXT_MAX) { /* cut, but not inside a character */
        n = I18N_TEXT_MAX;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    t->s = xmalloc(n + 1);
    memcpy(t->s, s, n);
    t->s[n] = '\0';
    snprintf(t->lang, sizeof(t->lang), "%s", lang && t->s[0] ? lang : "");
    t->other = t->s[0] && visitor && strcmp(t->lang, visitor) != 0;
}

void i18n_text_col(struct i18n_text *t, struct db_stmt *st, int text_col, int lang_col,
                   const char *visitor)
{
    i18n_text_set(t, db_col_text(st, text_col), db_col_text(st, lang_col), visitor);
}

void i18n_text_free(struct i18n_text *t)
{
    free(t->s);
    t->s = NULL;
}

/* Sort key of one code point: ASCII letters folded, then å ä ö (and their
 * capitals) after z, everything else by code point above them. */
static uint32_t collate_key(uint32_t cp)
{
    if (cp >= 'A' && cp <= 'Z')
        return cp + 32;
    switch (cp) {
    case 0xE5: /* å */
    case 0xC5:
        return 'z' + 1;
    case 0xE4: /* ä */
    case 0xC4:
    case 0xE6: /* æ */
        return 'z' + 2;
    case 0xF6: /* ö */
    case 0xD6:
    case 0xF8: /* ø */
        return 'z' + 3;
    default:
        break;
    }
    return cp < 0x80 ? cp : cp + 0x100;
}

int i18n_collate(const char *a, const char *b)
{
    while (*a && *b) {
        uint32_t ca, cb;
        a += utf8_decode(a, &ca);
        b += utf8_decode(b, &cb);
        uint32_t ka = collate_key(ca), kb = collate_key(cb);
        if (ka != kb)
            return ka < kb ? -1 : 1;
    }
    return (*a != '\0') - (*b != '\0');
}

void i18n_mark(const struct i18n_text *t, const char *line, char *out, size_t cap)
{
    if (!line)
        line = "";
    if (!t || !t->other || !t->lang[0]) {
        snprintf(out, cap, "%s", line);
        return;
    }
    char code[sizeof(t->lang)];
    size_t i = 0;
    for (; t->lang[i] && i + 1 < sizeof(code); i++)
        code[i] =
            t->lang[i] >= 'a' && t->lang[i] <= 'z' ? (char)(t->lang[i] - 'a' + 'A') : t->lang[i];
    code[i] = '\0';
    snprintf(out, cap, "%s%s%s", line, line[0] ? " · " : "", code);
}
