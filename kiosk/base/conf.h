/* conf: a reader for INI-like configuration files such as
 * /etc/aula/aula.conf — "[section]" headers, "key = value" lines (values
 * may be "quoted"), "#" comments on their own lines — validated against a
 * table of the keys a program owns. Several programs share one file: each
 * reads its own sections, ignores the sections other programs own, and is
 * warned about unknown keys in its own sections and about sections nobody
 * owns. Every message names the file and line: "aula.conf:7: idle_seconds:
 * \"x\" is not a number of seconds". Owns nothing after conf_read returns
 * except the values it filled. */
#ifndef AULA_BASE_CONF_H
#define AULA_BASE_CONF_H

#include <stdbool.h>
#include <stddef.h>

#define CONF_TEXT_MAX 1024

enum conf_type {
    CONF_TEXT,    /* any text */
    CONF_ID,      /* letters, digits, '-', '_', '.' */
    CONF_PATH,    /* an absolute path */
    CONF_SECONDS, /* a whole number of seconds, min..max */
    CONF_NUMBER,  /* a number, min..max */
    CONF_BOOL,    /* yes/no (also true/false, on/off, 1/0) */
    CONF_CHOICE,  /* one of choices: "landscape|portrait|auto" */
    CONF_LANG,    /* a language code: "fi", "sv", "se-FI" */
    CONF_LANGS,   /* language codes separated by spaces or commas */
};

struct conf_key {
    const char *section; /* "kiosk" */
    const char *name;    /* "idle_seconds" */
    enum conf_type type;
    double min, max;     /* CONF_SECONDS, CONF_NUMBER */
    const char *choices; /* CONF_CHOICE */
};

struct conf_value {
    bool set;
    int line;
    char text[CONF_TEXT_MAX]; /* the value as written, unquoted */
    double num;               /* CONF_SECONDS, CONF_NUMBER */
    bool yes;                 /* CONF_BOOL */
};

/* Every section of aula.conf, NULL-ended: what a program that reads some of
 * them leaves alone without a warning. */
extern const char *const conf_sections[];

/* Called for each warning (unknown key or section); may be NULL. */
typedef void (*conf_warn_fn)(void *ctx, const char *msg);

struct conf_spec {
    const struct conf_key *keys; /* their values go to out[i] */
    size_t nkeys;
    const char *const *owned;  /* sections this program reads (NULL-ended) */
    const char *const *others; /* sections other programs own (NULL-ended);
                                  NULL: every section of aula.conf */
    conf_warn_fn warn;
    void *warn_ctx;
};

/* Parses text (name is the file as shown in messages) into out[nkeys]
 * (cleared first). Returns false at the first error, with err filled. */
bool conf_read(const char *name, const char *text, const struct conf_spec *spec,
               struct conf_value *out, char *err, size_t cap);
/* Reads the file at path. A missing file is an error only if must_exist
 * (else out stays unset and true is returned). */
bool conf_load(const char *path, bool must_exist, const struct conf_spec *spec,
               struct conf_value *out, char *err, size_t cap);

/* The plain reader under conf_read, for programs with their own key
 * handling: calls fn for each "key = value" line. section NULL: the text
 * has no sections (a state file); "[...]" lines are errors. Otherwise only
 * the lines of "[section]" (and lines before the first header, for files
 * written before aula.conf had sections) reach fn; other sections are
 * skipped. Values lose one pair of surrounding quotes. */
typedef bool (*conf_kv_fn)(void *ctx, const char *key, const char *value, const char *name,
                           int line, char *err, size_t errcap);
bool conf_each(const char *text, const char *name, const char *section, conf_kv_fn fn, void *ctx,
               char *err, size_t errcap);
/* Reads a whole file (at most 64 KiB) into a new string; NULL with errno. */
char *conf_slurp(const char *path);

/* "512M", "20k", "1G" or plain bytes. */
bool conf_parse_size(const char *s, long long *out);
/* "250ms", "30s", "5m", "1h", "1d" or plain seconds; result in ms. */
bool conf_parse_duration(const char *s, long long *ms);

#endif
