/* langs: the built-in language table. */
#include "pack/langs.h"

#include <ctype.h>
#include <stddef.h>
#include <string.h>

static const struct lang_info builtin[] = {
    {"fi", "Suomi", false, true},         {"sv", "Svenska", false, true},
    {"en", "English", false, true},       {"se", "Davvisámegiella", false, false},
    {"smn", "Anarâškielâ", false, false}, {"sms", "Sääʹmǩiõll", false, false},
    {"ar", "العربية", true, true},        {"so", "Soomaali", false, true},
    {"ru", "Русский", false, true},       {"uk", "Українська", false, true},
    {"et", "Eesti", false, false},        {"fa", "فارسی", true, false},
    {"ckb", "کوردی", true, false},        {"sq", "Shqip", false, false},
    {"vi", "Tiếng Việt", false, false},   {"zh", "中文", false, false},
    {"tr", "Türkçe", false, false},       {"th", "ไทย", false, false},
    {"ro", "Română", false, false},       {"rmf", "Romanó", false, false},
};

const struct lang_info *langs_builtin(const char *code)
{
    for (size_t i = 0; i < sizeof(builtin) / sizeof(builtin[0]); i++)
        if (strcmp(builtin[i].code, code) == 0)
            return &builtin[i];
    return NULL;
}

bool langs_valid_code(const char *s)
{
    size_t n = 0;
    while (islower((unsigned char)s[n]))
        n++;
    if (n < 2 || n > 3)
        return false;
    while (s[n] == '-') {
        size_t k = 0;
        n++;
        while (isalnum((unsigned char)s[n + k]))
            k++;
        if (k < 1 || k > 8)
            return false;
        n += k;
    }
    return s[n] == '\0';
}
