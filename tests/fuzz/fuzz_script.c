/* fuzz_script: any bytes as a headless interaction script (--script),
 * read by the script reader the kiosk uses (ui/scriptcmd.c, no SDL). A
 * script is either refused with a message naming the command, or every
 * command it holds is well formed. */
#include "fuzz.h"
#include "ui/scriptcmd.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    struct script s;
    char err[512];
    err[0] = '\0';
    if (script_parse(text, &s, err, sizeof(err))) {
        for (size_t i = 0; i < s.n; i++) {
            const struct script_cmd *c = &s.cmds[i];
            if (c->number != (int)i + 1 || !c->arg)
                abort();
            if (c->op == SCRIPT_SWIPE && (c->ms <= 0 || c->ms > SCRIPT_SWIPE_MAX_MS))
                abort();
            if (c->op == SCRIPT_WAIT && !(c->seconds >= 0 && c->seconds <= SCRIPT_WAIT_MAX_S))
                abort();
            if (c->op == SCRIPT_WAIT_CLOCK &&
                !(c->seconds >= 0 && c->seconds <= SCRIPT_WAIT_CONTENT_MAX_S))
                abort();
            if ((c->op == SCRIPT_TYPE || c->op == SCRIPT_SHOT || c->op == SCRIPT_NOW) && !c->arg[0])
                abort();
            if (strchr(c->arg, ';') || strchr(c->arg, '\n') || strchr(c->arg, '#'))
                abort();
        }
        script_free(&s);
    } else if (strncmp(err, "script command ", 15) != 0 || s.buf || s.cmds) {
        abort();
    }
    free(text);
    return 0;
}
