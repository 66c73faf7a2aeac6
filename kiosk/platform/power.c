/* power: asynchronous display power commands; see power.h. */
#include "platform/power.h"
#include "base/log.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define POLL_MS 50 /* while a command runs */
#define MAX_FD  4096

static double mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

void power_init(struct power *p, int timeout_s)
{
    memset(p, 0, sizeof(*p));
    p->timeout_ms = (timeout_s > 0 ? timeout_s : 10) * 1000;
}

static void failed(struct power *p, const char *how)
{
    p->failed = true;
    if (p->logged)
        return;
    p->logged = true;
    LOG_WARN("display: %s %s: %s; the screen shows a black picture instead (further failures "
             "are not logged until the command works again)",
             p->what, how, p->cmd);
}

static void start(struct power *p, const char *what, const char *cmd)
{
    p->what = what;
    p->cmd = cmd;
    p->runs++;
    pid_t pid = fork();
    if (pid < 0) {
        char how[128];
        snprintf(how, sizeof(how), "could not start (%s)", strerror(errno));
        failed(p, how);
        return;
    }
    if (pid == 0) {
        /* The child: its own process group (so a timeout kills all of it),
         * no input, none of the kiosk's files; output to the journal. */
        setpgid(0, 0);
        int null = open("/dev/null", O_RDONLY);
        if (null >= 0 && null != 0) {
            dup2(null, 0);
            close(null);
        }
        for (int fd = 3; fd < MAX_FD; fd++)
            close(fd);
        execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
        _exit(127);
    }
    setpgid(pid, pid); /* also here: no race with the kill below */
    p->pid = pid;
    p->started_ms = mono_ms();
}

void power_run(struct power *p, const char *what, const char *cmd)
{
    if (!cmd || !cmd[0])
        return;
    if (p->pid) {
        p->next_what = what;
        p->next_cmd = cmd;
        return;
    }
    start(p, what, cmd);
}

static void finished(struct power *p, int status)
{
    p->pid = 0;
    char how[96];
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
        p->failed = false;
        p->logged = false;
        LOG_INFO("display: %s done", p->what);
        return;
    }
    if (WIFEXITED(status))
        snprintf(how, sizeof(how), "failed (exit status %d)", WEXITSTATUS(status));
    else
        snprintf(how, sizeof(how), "failed (signal %d)", WTERMSIG(status));
    failed(p, how);
}

int power_poll(struct power *p)
{
    if (p->pid) {
        int status;
        pid_t r = waitpid(p->pid, &status, WNOHANG);
        if (r == p->pid) {
            finished(p, status);
        } else if (r < 0) {
            p->pid = 0;
            failed(p, "was lost");
        } else if (mono_ms() - p->started_ms >= p->timeout_ms) {
            kill(-p->pid, SIGKILL);
            waitpid(p->pid, &status, 0);
            p->pid = 0;
            char how[64];
            snprintf(how, sizeof(how), "did not finish within %d s and was stopped",
                     p->timeout_ms / 1000);
            failed(p, how);
        }
    }
    if (!p->pid && p->next_cmd) {
        const char *what = p->next_what, *cmd = p->next_cmd;
        p->next_what = p->next_cmd = NULL;
        start(p, what, cmd);
    }
    if (!p->pid)
        return -1;
    int left = p->timeout_ms - (int)(mono_ms() - p->started_ms);
    return left < POLL_MS ? (left > 0 ? left : 0) : POLL_MS;
}

void power_finish(struct power *p)
{
    while (p->pid || p->next_cmd) {
        int wait = power_poll(p);
        if (wait > 0) {
            struct timespec ts = {0, (long)wait * 1000000L};
            nanosleep(&ts, NULL);
        }
    }
}
