/* langs: languages aula knows without being told: their names in
 * themselves and writing direction. Content can add more in languages.csv. */
#ifndef AULA_PACK_LANGS_H
#define AULA_PACK_LANGS_H

#include <stdbool.h>

struct lang_info {
    const char *code;
    const char *native_name;
    bool rtl;
    bool ui_translated; /* the kiosk ships UI strings in it */
};

/* NULL if code is not built in. */
const struct lang_info *langs_builtin(const char *code);
/* True if s looks like a BCP 47 language tag we accept ("fi", "ckb", "sr-Latn"). */
bool langs_valid_code(const char *s);

#endif
