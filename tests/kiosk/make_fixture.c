/* make_fixture: builds the kiosk tests' snapshot: the schema (embedded in
 * data/) plus the rows of a .sql file. Usage: make_fixture FIXTURE.sql OUT */
#include "data/snapshot.h"
#include "base/xalloc.h"

#include <stdio.h>
#include <stdlib.h>

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = xmalloc((size_t)n + 1);
    size_t got = fread(s, 1, (size_t)n, f);
    s[got] = '\0';
    fclose(f);
    return s;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: make_fixture FIXTURE.sql OUT.aula\n");
        return 2;
    }
    char *sql = read_all(argv[1]);
    if (!sql) {
        perror(argv[1]);
        return 1;
    }
    char msg[512];
    struct db *db = snapshot_create(argv[2], msg, sizeof(msg));
    if (!db) {
        fprintf(stderr, "%s\n", msg);
        free(sql);
        return 1;
    }
    int rc = 0;
    if (!db_exec(db, sql)) {
        fprintf(stderr, "%s: %s\n", argv[1], db_errmsg(db));
        rc = 1;
    }
    db_close(db);
    free(sql);
    return rc;
}
