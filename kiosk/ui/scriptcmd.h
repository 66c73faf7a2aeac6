/* scriptcmd: reading a headless interaction script (the format is in
 * ui/script.h) into a list of checked commands, without SDL or a window,
 * so that a script with a mistake is refused before anything runs and the
 * reader can be fuzzed on its own. ui/script.c plays the list. */
#ifndef AULA_UI_SCRIPTCMD_H
#define AULA_UI_SCRIPTCMD_H

#include <stdbool.h>
#include <stddef.h>

enum script_op {
    SCRIPT_TAP,          /* tap:ID (arg) or tap:X,Y (point) */
    SCRIPT_KEY,          /* key:NAME (arg; the name is checked when played) */
    SCRIPT_TYPE,         /* type:TEXT (arg, not empty) */
    SCRIPT_SWIPE,        /* swipe:X1,Y1,X2,Y2[,MS] */
    SCRIPT_WAIT,         /* wait:SECONDS */
    SCRIPT_WAIT_CONTENT, /* wait-content:SECONDS */
    SCRIPT_SHOT,         /* shot:FILE (arg, not empty) */
    SCRIPT_TARGETS,      /* targets */
    SCRIPT_PRESS,        /* press:X,Y,MS (a finger held still) */
    SCRIPT_WAIT_PRINT,   /* wait-print:SECONDS */
    SCRIPT_WAIT_STATUS,  /* wait-status:SECONDS */
    SCRIPT_NOTICES,      /* notices */
    SCRIPT_CLOCK,        /* clock */
    SCRIPT_A11Y,         /* a11y:MODES (arg; the modes are checked when played) */
    SCRIPT_WAIT_REQUEST, /* wait-request:SECONDS */
    SCRIPT_WAIT_CLOCK,   /* wait-clock:SECONDS */
    SCRIPT_NOW,          /* now:TIME (arg; the time is checked when played) */
};

/* The longest swipe and waits a script may ask for. */
#define SCRIPT_SWIPE_MAX_MS       60000
#define SCRIPT_WAIT_MAX_S         86400
#define SCRIPT_WAIT_CONTENT_MAX_S 3600 /* also wait-print, -status, -request, -clock */
#define SCRIPT_PRESS_MAX_MS       100000
/* Coordinates beyond this are refused (no screen is that large). */
#define SCRIPT_COORD_MAX 100000

struct script_cmd {
    enum script_op op;
    int number;      /* 1-based position among the script's commands */
    const char *arg; /* the text after ':' (trimmed), "" if none */
    bool point;      /* tap: x, y given instead of a target id */
    int x, y, x2, y2, ms;
    double seconds;
};

struct script {
    char *buf; /* the script's text, cut into the commands' args */
    struct script_cmd *cmds;
    size_t n;
};

/* Reads text into s. On a mistake returns false with err saying which
 * command and what is expected ("script command 3: wait:x: expected
 * seconds, e.g. wait:2.5"); s is then empty. Free with script_free(). */
bool script_parse(const char *text, struct script *s, char *err, size_t cap);
void script_free(struct script *s);

#endif
