/* utf8: validation and small helpers for UTF-8 text. */
#ifndef AULA_BASE_UTF8_H
#define AULA_BASE_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Returns true if s[0..n) is well-formed UTF-8 (no overlongs, no surrogates).
 * On failure *bad_at (if given) is the byte offset of the first bad byte. */
bool utf8_valid(const char *s, size_t n, size_t *bad_at);
/* Decodes one code point at s (NUL-terminated); returns bytes used. A
 * malformed or truncated sequence gives U+FFFD for one byte: text from a
 * snapshot is not trusted to be valid. */
int utf8_decode(const char *s, uint32_t *cp);
/* Number of code points in a valid UTF-8 string. */
size_t utf8_length(const char *s);

#endif
