/* parts: inner parts of title words; see parts.h. */
#include "pack/parts.h"
#include "base/utf8.h"

#include <stdbool.h>
#include <string.h>

/* Separates words: ASCII other than letters and digits, Latin-1 signs,
 * general punctuation. Close to what the index's tokenizer splits at. */
static bool separator(uint32_t cp)
{
    if (cp < 0x80)
        return !((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'));
    return cp <= 0xBF || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x2BFF);
}

static void add_word(const char *w, size_t n, struct strbuf *out)
{
    size_t offs[PARTS_MIN_HEAD + PARTS_MAX_WORD + PARTS_MIN_TAIL + 1];
    size_t len = 0, max = sizeof(offs) / sizeof(offs[0]);
    for (size_t i = 0; i < n && len < max;) {
        uint32_t cp;
        offs[len++] = i;
        i += (size_t)utf8_decode(w + i, &cp);
    }
    /* Starts of the first len letters (enough for every part kept); the
     * last part has PARTS_MIN_TAIL letters. */
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += ((unsigned char)w[i] & 0xC0) != 0x80;
    for (size_t k = PARTS_MIN_HEAD;
         k + PARTS_MIN_TAIL <= total && k < len && k < PARTS_MIN_HEAD + PARTS_MAX_WORD; k++) {
        if (out->len)
            strbuf_putc(out, ' ');
        strbuf_add(out, w + offs[k], n - offs[k]);
    }
}

void parts_of_title(const char *title, struct strbuf *out)
{
    if (!title || !utf8_valid(title, strlen(title), NULL))
        return;
    const char *p = title, *word = NULL;
    while (*p) {
        uint32_t cp;
        int n = utf8_decode(p, &cp);
        if (separator(cp)) {
            if (word)
                add_word(word, (size_t)(p - word), out);
            word = NULL;
        } else if (!word) {
            word = p;
        }
        p += n;
    }
    if (word)
        add_word(word, (size_t)(p - word), out);
}
