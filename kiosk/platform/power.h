/* power: runs the display's power commands (power_on_command,
 * power_off_command: "cec-ctl --to 0 --standby", "ddcutil setvcp d6 04")
 * without ever blocking the kiosk: each runs through /bin/sh in its own
 * process group, is reaped by polling from the event loop, and is killed
 * when it outlives its timeout. Only one runs at a time; a command asked
 * for meanwhile waits, and a newer one replaces a waiting one. A failure
 * (non-zero exit, a signal, the timeout) is logged once until a command
 * succeeds again, and leaves failed set so the caller can fall back to a
 * black frame. Owns the child process it started. */
#ifndef AULA_PLATFORM_POWER_H
#define AULA_PLATFORM_POWER_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

struct power {
    int timeout_ms;
    pid_t pid;                        /* the running command; 0 none */
    double started_ms;                /* CLOCK_MONOTONIC */
    const char *what;                 /* "power_off_command", for messages */
    const char *cmd;                  /* the running command's text */
    const char *next_what, *next_cmd; /* waiting to run */
    bool failed;                      /* the last command finished failed */
    bool logged;                      /* a failure has been logged since the last success */
    unsigned long runs;               /* commands started */
};

void power_init(struct power *p, int timeout_s);
/* Starts cmd (what names its setting in messages), or queues it while
 * another runs. Empty or NULL cmd: nothing. The strings must outlive the
 * command. */
void power_run(struct power *p, const char *what, const char *cmd);
/* Reaps a finished command, kills an overdue one, starts a waiting one.
 * Returns the milliseconds until it wants polling again (-1: nothing
 * running). */
int power_poll(struct power *p);
/* At exit: lets a running (and a waiting) command finish within its
 * timeout. */
void power_finish(struct power *p);

#endif
