/* po: a strict, small .po reader. Owns the strings of the entries. */
#include "base/po.h"
#include "base/strbuf.h"
#include "base/utf8.h"
#include "base/xalloc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum field { F_NONE, F_CTXT, F_ID, F_STR };

struct parser {
    const char *shown;
    struct diag_list *diags;
    struct po_file *po;
    struct strbuf ctxt, id, str;
    bool have_id, have_str, fuzzy;
    int id_line;
    enum field cur;
    bool ok;
};

static void error(struct parser *p, int line, const char *msg)
{
    diag_add(p->diags, DIAG_ERROR, p->shown, line, NULL, "%s", msg);
    p->ok = false;
}

/* Appends the C-style quoted string at s (after the opening quote) to b. */
static bool unquote(const char *s, struct strbuf *b)
{
    for (; *s && *s != '"'; s++) {
        if (*s != '\\') {
            strbuf_putc(b, *s);
            continue;
        }
        switch (*++s) {
        case 'n':
            strbuf_putc(b, '\n');
            break;
        case 't':
            strbuf_putc(b, '\t');
            break;
        case 'r':
            strbuf_putc(b, '\r');
            break;
        case '"':
            strbuf_putc(b, '"');
            break;
        case '\\':
            strbuf_putc(b, '\\');
            break;
        default:
            return false;
        }
    }
    if (*s != '"')
        return false;
    for (s++; *s == ' ' || *s == '\t' || *s == '\r'; s++)
        ;
    return *s == '\0';
}

static void header_language(struct parser *p, const char *hdr)
{
    const char *l = strstr(hdr, "Language:");
    if (!l)
        return;
    l += 9;
    while (*l == ' ')
        l++;
    size_t n = strcspn(l, "\n\r ");
    free(p->po->language);
    p->po->language = xstrndup(l, n);
}

static void flush(struct parser *p)
{
    if (p->have_id) {
        if (!p->have_str) {
            error(p, p->id_line, "msgid without msgstr");
        } else if (p->id.len == 0 && p->ctxt.len == 0) {
            header_language(p, p->str.s ? p->str.s : "");
        } else {
            struct po_file *po = p->po;
            XGROW(po->v, po->cap, po->n + 1);
            struct po_entry *e = &po->v[po->n++];
            e->ctxt = xstrdup(p->ctxt.s ? p->ctxt.s : "");
            e->id = xstrdup(p->id.s ? p->id.s : "");
            e->str = xstrdup(p->str.s ? p->str.s : "");
            e->fuzzy = p->fuzzy;
            e->line = p->id_line;
        }
    }
    strbuf_clear(&p->ctxt);
    strbuf_clear(&p->id);
    strbuf_clear(&p->str);
    p->have_id = p->have_str = p->fuzzy = false;
    p->cur = F_NONE;
}

static void parse_line(struct parser *p, char *s, int line)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == '\r' || s[n - 1] == ' '))
        s[--n] = '\0';
    if (!*s) {
        return;
    }
    if (s[0] == '#') {
        if (s[1] == ',' && strstr(s, "fuzzy")) {
            if (p->have_str)
                flush(p);
            p->fuzzy = true;
        } else if (p->have_str) {
            flush(p);
        }
        return;
    }
    struct strbuf *target = NULL;
    const char *rest = NULL;
    if (strncmp(s, "msgctxt ", 8) == 0) {
        if (p->have_str)
            flush(p);
        if (p->have_id || p->cur == F_CTXT) {
            error(p, line, "msgctxt in the middle of an entry");
            return;
        }
        p->cur = F_CTXT, target = &p->ctxt, rest = s + 8;
    } else if (strncmp(s, "msgid_plural", 12) == 0 || strncmp(s, "msgstr[", 7) == 0) {
        error(p, line, "plural forms are not used in aula's texts; write the text without them");
        return;
    } else if (strncmp(s, "msgid ", 6) == 0) {
        if (p->have_str)
            flush(p);
        if (p->have_id) {
            error(p, line, "msgid twice in one entry");
            return;
        }
        p->cur = F_ID, target = &p->id, rest = s + 6;
        p->have_id = true;
        p->id_line = line;
    } else if (strncmp(s, "msgstr ", 7) == 0) {
        if (!p->have_id || p->have_str) {
            error(p, line, "msgstr without a msgid before it");
            return;
        }
        p->cur = F_STR, target = &p->str, rest = s + 7;
        p->have_str = true;
    } else if (s[0] == '"') {
        target = p->cur == F_CTXT  ? &p->ctxt
                 : p->cur == F_ID  ? &p->id
                 : p->cur == F_STR ? &p->str
                                   : NULL;
        if (!target) {
            error(p, line, "a string outside msgctxt, msgid or msgstr");
            return;
        }
        rest = s;
    } else {
        error(p, line, "expected msgctxt, msgid, msgstr, a \"string\" or a # comment");
        return;
    }
    while (*rest == ' ')
        rest++;
    if (*rest != '"' || !unquote(rest + 1, target))
        error(p, line, "badly quoted string (missing \" or an unknown \\ escape)");
}

bool po_parse(const char *data, size_t len, const char *shown, struct po_file *out,
              struct diag_list *diags)
{
    memset(out, 0, sizeof(*out));
    out->language = xstrdup("");
    struct parser p = {.shown = shown, .diags = diags, .po = out, .ok = true};
    strbuf_init(&p.ctxt);
    strbuf_init(&p.id);
    strbuf_init(&p.str);
    size_t bad;
    if (!utf8_valid(data, len, &bad)) {
        int line = 1;
        for (size_t i = 0; i < bad; i++)
            line += data[i] == '\n';
        error(&p, line, "invalid UTF-8; save the file as UTF-8");
    } else if (memchr(data, '\0', len)) {
        error(&p, 0, "the file contains a NUL byte");
    } else {
        size_t pos = 0;
        int line = 0;
        while (pos < len) {
            const char *nl = memchr(data + pos, '\n', len - pos);
            size_t n = nl ? (size_t)(nl - (data + pos)) : len - pos;
            char *copy = xstrndup(data + pos, n);
            parse_line(&p, copy, ++line);
            free(copy);
            pos += n + 1;
        }
        flush(&p);
    }
    strbuf_free(&p.ctxt);
    strbuf_free(&p.id);
    strbuf_free(&p.str);
    return p.ok;
}

bool po_load(const char *path, const char *shown, struct po_file *out, struct diag_list *diags)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        memset(out, 0, sizeof(*out));
        diag_add(diags, DIAG_ERROR, shown, 0, NULL, "cannot open: %s", strerror(errno));
        return false;
    }
    struct strbuf b;
    strbuf_init(&b);
    char buf[16384];
    size_t n;
    while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
        strbuf_add(&b, buf, n);
    fclose(f);
    bool ok = po_parse(b.s ? b.s : "", b.len, shown, out, diags);
    strbuf_free(&b);
    return ok;
}

void po_free(struct po_file *po)
{
    for (size_t i = 0; i < po->n; i++) {
        free(po->v[i].ctxt);
        free(po->v[i].id);
        free(po->v[i].str);
    }
    free(po->v);
    free(po->language);
    memset(po, 0, sizeof(*po));
}

const char *po_lookup(const struct po_file *po, const char *ctxt)
{
    for (size_t i = 0; i < po->n; i++)
        if (strcmp(po->v[i].ctxt, ctxt) == 0)
            return po->v[i].str[0] && !po->v[i].fuzzy ? po->v[i].str : NULL;
    return NULL;
}
