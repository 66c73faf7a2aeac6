/* jsonw: JSON string escaping (RFC 8259) into a strbuf. */
#include "sync/jsonw.h"

#include <stdio.h>

void jsonw_string(struct strbuf *b, const char *s)
{
    if (!s) {
        strbuf_puts(b, "null");
        return;
    }
    strbuf_putc(b, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"':
            strbuf_puts(b, "\\\"");
            break;
        case '\\':
            strbuf_puts(b, "\\\\");
            break;
        case '\n':
            strbuf_puts(b, "\\n");
            break;
        case '\t':
            strbuf_puts(b, "\\t");
            break;
        case '\r':
            strbuf_puts(b, "\\r");
            break;
        default:
            if (*p < 0x20)
                strbuf_printf(b, "\\u%04x", *p);
            else
                strbuf_putc(b, (char)*p);
        }
    }
    strbuf_putc(b, '"');
}

static void sep(struct strbuf *b, const char *name, int *count)
{
    strbuf_puts(b, (*count)++ ? ",\n  " : "  ");
    jsonw_string(b, name);
    strbuf_puts(b, ": ");
}

void jsonw_field_str(struct strbuf *b, const char *name, const char *value, int *count)
{
    sep(b, name, count);
    jsonw_string(b, value);
}

void jsonw_field_int(struct strbuf *b, const char *name, long long value, int *count)
{
    sep(b, name, count);
    strbuf_printf(b, "%lld", value);
}
