/* log: leveled messages prefixed with the program name; the journal adds
 * timestamps, so none are printed here. */
#include "base/log.h"

#include <stdarg.h>
#include <stdio.h>

static enum log_level level = LOG_LEVEL_INFO;
static const char *program = "aula";

void log_set_level(enum log_level lvl)
{
    level = lvl;
}

void log_set_program(const char *name)
{
    program = name;
}

void log_msg(enum log_level lvl, const char *fmt, ...)
{
    static const char *const names[] = {"error", "warning", "info", "debug"};
    if (lvl > level)
        return;
    fprintf(stderr, "%s: %s: ", program, names[lvl]);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}
