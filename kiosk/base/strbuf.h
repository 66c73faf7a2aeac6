/* strbuf: a growable, always NUL-terminated byte string. */
#ifndef AULA_BASE_STRBUF_H
#define AULA_BASE_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct strbuf {
    char *s;
    size_t len, cap;
};

void strbuf_init(struct strbuf *b);
void strbuf_free(struct strbuf *b);
void strbuf_clear(struct strbuf *b);
void strbuf_add(struct strbuf *b, const char *s, size_t n);
void strbuf_puts(struct strbuf *b, const char *s);
void strbuf_putc(struct strbuf *b, char c);
__attribute__((format(printf, 2, 3))) void strbuf_printf(struct strbuf *b, const char *fmt, ...);
__attribute__((format(printf, 2, 0))) void strbuf_vprintf(struct strbuf *b, const char *fmt,
                                                          va_list ap);
/* Hands the buffer to the caller (never NULL) and resets b. */
char *strbuf_detach(struct strbuf *b);

/* Cuts ASCII white space (space, tab, CR, LF, VT, FF) from both ends of s
 * in place: the end by writing NULs, the start by returning a pointer
 * into s. */
char *str_trim(char *s);

#endif
