/* stats_kill: power loss while counting, hundreds of times. A child opens
 * the usage counter file (kiosk/data/stats.c) and counts pairs (a screen
 * and a search, one transaction each; now and then a single count outside
 * a transaction and a prune) until the parent kills it with SIGKILL at a
 * random moment: often within the first milliseconds, while the file or
 * its schema is being created, otherwise anywhere in the loop. Every so
 * many rounds the file starts afresh. After each kill the file must open,
 * pass SQLite's integrity check, the paired totals must be equal and no
 * total may go down.
 *   stats_kill DIR [ROUNDS] [SEED]   (the seed is printed for replays) */
#include "data/db.h"
#include "data/stats.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void child(const char *path)
{
    char err[256];
    struct stats *st = stats_open(path, 30, err, sizeof(err));
    if (!st)
        _exit(3);
    for (unsigned i = 0;; i++) {
        stats_begin(st);
        stats_count(st, "2026-11-23", STATS_SCREEN, "home");
        stats_count(st, "2026-11-23", STATS_SEARCH, "found");
        stats_commit(st);
        if (i % 50 == 0)
            stats_count(st, "2026-11-24", STATS_SCREEN, "calendar");
        if (i % 200 == 0)
            stats_prune(st, "2026-11-24");
    }
}

static bool integrity_ok(const char *path)
{
    char msg[256];
    struct db *db = db_open_readonly(path, msg, sizeof(msg));
    if (!db)
        return false;
    struct db_stmt *q = db_prepare(db, "PRAGMA integrity_check");
    bool ok = q && db_step(q) == DB_ROW && strcmp(db_col_text(q, 0), "ok") == 0;
    db_finalize(q);
    db_close(db);
    return ok;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: stats_kill DIR [ROUNDS] [SEED]\n");
        return 2;
    }
    int rounds = argc > 2 ? atoi(argv[2]) : 300;
    unsigned seed =
        argc > 3 ? (unsigned)strtoul(argv[3], NULL, 10) : (unsigned)time(NULL) ^ (unsigned)getpid();
    printf("stats_kill: %d rounds, seed %u\n", rounds, seed);
    srand(seed);
    char path[4096];
    int64_t last_pairs = 0, last_single = 0, early = 0, max_pairs = 0;
    for (int round = 0; round < rounds; round++) {
        snprintf(path, sizeof(path), "%s/stats-%d.db", argv[1], round / 50);
        if (round % 50 == 0) { /* a new file: kills during its creation */
            last_pairs = last_single = 0;
            const char *const ext[] = {"", "-journal", "-wal", "-shm"};
            for (int i = 0; i < 4; i++) {
                char p[4200];
                snprintf(p, sizeof(p), "%s%s", path, ext[i]);
                unlink(p);
            }
        }
        pid_t pid = fork();
        if (pid < 0) {
            perror("fork");
            return 1;
        }
        if (pid == 0)
            child(path);
        /* A third of the kills come in the first millisecond (opening,
         * creating the schema), the rest anywhere in 30 ms. */
        useconds_t delay =
            rand() % 3 == 0 ? (useconds_t)(rand() % 1000) : (useconds_t)(1000 + rand() % 30000);
        early += delay < 1000;
        usleep(delay);
        kill(pid, SIGKILL);
        int status;
        waitpid(pid, &status, 0);
        if (WIFEXITED(status) && WEXITSTATUS(status) == 3) {
            printf("stats_kill: FAIL round %d: the counter could not open %s (seed %u)\n", round,
                   path, seed);
            return 1;
        }
        char err[256];
        struct stats *st = stats_open(path, 30, err, sizeof(err));
        if (!st) {
            printf("stats_kill: FAIL round %d: %s (seed %u)\n", round, err, seed);
            return 1;
        }
        int64_t a = stats_total(st, STATS_SCREEN, "home");
        int64_t b = stats_total(st, STATS_SEARCH, "found");
        int64_t c = stats_total(st, STATS_SCREEN, "calendar");
        stats_close(st);
        if (a != b || a < last_pairs || c < last_single) {
            printf("stats_kill: FAIL round %d (after %u us): home %lld, searches %lld (before "
                   "%lld), calendar %lld (before %lld) (seed %u)\n",
                   round, (unsigned)delay, (long long)a, (long long)b, (long long)last_pairs,
                   (long long)c, (long long)last_single, seed);
            return 1;
        }
        if (!integrity_ok(path)) {
            printf("stats_kill: FAIL round %d: %s fails the integrity check (seed %u)\n", round,
                   path, seed);
            return 1;
        }
        last_pairs = a;
        last_single = c;
        if (a > max_pairs)
            max_pairs = a;
    }
    printf("stats_kill: %d kills (%lld in the first millisecond), every file opened and "
           "consistent; up to %lld pairs counted in one file\n",
           rounds, (long long)early, (long long)max_pairs);
    return max_pairs > 0 ? 0 : 1;
}
