/* qr: payload builders and libqrencode wrapper; see qr.h. */
#include "qr/qr.h"
#include "base/strbuf.h"
#include "base/xalloc.h"

#define QR_ECI_UTF8 26

#include <qrencode.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

bool qr_encode(const char *payload, struct qr_code *out)
{
    out->size = 0;
    out->modules = NULL;
    /* Text beyond ASCII (names with ä, ö) is marked as UTF-8 with an ECI
     * header, so that readers do not guess another character set. */
    bool ascii = true;
    for (const unsigned char *p = (const unsigned char *)payload; *p; p++)
        ascii &= *p < 0x80;
    QRinput *in = QRinput_new2(0, QR_ECLEVEL_M);
    if (!in)
        return false;
    if ((!ascii && QRinput_appendECIheader(in, QR_ECI_UTF8) != 0) ||
        QRinput_append(in, QR_MODE_8, (int)strlen(payload), (const unsigned char *)payload) != 0) {
        QRinput_free(in);
        return false;
    }
    QRcode *q = QRcode_encodeInput(in);
    QRinput_free(in);
    if (!q)
        return false;
    size_t n = (size_t)q->width * (size_t)q->width;
    out->size = q->width;
    out->modules = xmalloc(n);
    for (size_t i = 0; i < n; i++)
        out->modules[i] = q->data[i] & 1;
    QRcode_free(q);
    return true;
}

void qr_free(struct qr_code *qr)
{
    free(qr->modules);
    qr->modules = NULL;
    qr->size = 0;
}

bool qr_dark(const struct qr_code *qr, int x, int y)
{
    if (x < 0 || y < 0 || x >= qr->size || y >= qr->size)
        return false;
    return qr->modules[(size_t)y * (size_t)qr->size + (size_t)x] != 0;
}

bool qr_tel_uri(const char *phone, char *buf, size_t cap)
{
    size_t n = 0, digits = 0;
    const char prefix[] = "tel:";
    if (cap < sizeof(prefix))
        return false;
    memcpy(buf, prefix, sizeof(prefix) - 1);
    n = sizeof(prefix) - 1;
    for (const char *p = phone; *p; p++) {
        bool digit = *p >= '0' && *p <= '9';
        bool plus = *p == '+' && digits == 0 && n == sizeof(prefix) - 1;
        if (!digit && !plus)
            continue;
        if (n + 1 >= cap)
            return false;
        buf[n++] = *p;
        digits += digit;
    }
    buf[n] = '\0';
    return digits > 0;
}

/* Appends s with vCard 3.0 escaping of \ , ; and line breaks. */
static void add_escaped(struct strbuf *b, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '\\':
        case ',':
        case ';':
            strbuf_putc(b, '\\');
            strbuf_putc(b, *s);
            break;
        case '\n':
            strbuf_puts(b, "\\n");
            break;
        case '\r':
            break;
        default:
            strbuf_putc(b, *s);
        }
    }
}

static void add_line(struct strbuf *b, const char *key, const char *value)
{
    if (!value || !value[0])
        return;
    strbuf_puts(b, key);
    strbuf_putc(b, ':');
    add_escaped(b, value);
    strbuf_puts(b, "\r\n");
}

char *qr_vcard(const struct qr_contact *c)
{
    struct strbuf b;
    strbuf_init(&b);
    strbuf_puts(&b, "BEGIN:VCARD\r\nVERSION:3.0\r\n");
    /* N: family;given — the last word of the name is taken as the family name. */
    const char *name = c->name ? c->name : "";
    const char *sp = strrchr(name, ' ');
    strbuf_puts(&b, "N:");
    if (sp) {
        add_escaped(&b, sp + 1);
        strbuf_putc(&b, ';');
        char *given = xstrndup(name, (size_t)(sp - name));
        add_escaped(&b, given);
        free(given);
    } else {
        add_escaped(&b, name);
        strbuf_putc(&b, ';');
    }
    strbuf_puts(&b, ";;;\r\n");
    add_line(&b, "FN", name);
    add_line(&b, "ORG", c->org);
    add_line(&b, "TITLE", c->title);
    if (c->phone && c->phone[0]) {
        char tel[64];
        if (qr_tel_uri(c->phone, tel, sizeof(tel)))
            add_line(&b, "TEL;TYPE=VOICE", tel + 4);
    }
    add_line(&b, "EMAIL;TYPE=INTERNET", c->email);
    strbuf_puts(&b, "END:VCARD\r\n");
    return strbuf_detach(&b);
}
