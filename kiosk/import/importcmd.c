/* importcmd: argument handling for import, merge and diff; reads the
 * input files, runs the importer or merge, prints every problem and writes
 * the folder only when there was no error. */
#include "import/importcmd.h"
#include "base/strbuf.h"
#include "base/xalloc.h"
#include "import/diff.h"
#include "import/hsds.h"
#include "import/linkedevents.h"
#include "import/merge.h"
#include "import/ptv.h"
#include "pack/build.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

const char importcmd_usage[] =
    "  aula-pack import ptv FILE.json... -o DIR [import options]\n"
    "  aula-pack import linkedevents FILE.json... -o DIR [import options]\n"
    "  aula-pack import hsds DIR_OR_FILE... -o DIR [import options]\n"
    "  aula-pack merge DIR... [--overrides LOCAL_DIR] -o DIR\n"
    "  aula-pack diff OLD NEW          (two .aula snapshots or two content folders)\n"
    "import options: --site ID  --language CODE (default fi)  --timezone ZONE\n"
    "  --source-id ID  --licence TEXT  --attribution TEXT\n";

bool importcmd_handles(const char *cmd)
{
    return strcmp(cmd, "import") == 0 || strcmp(cmd, "merge") == 0 || strcmp(cmd, "diff") == 0;
}

static char *read_all(const char *path, size_t *len, FILE *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(err, "%s: cannot open: %s\n", path, strerror(errno));
        return NULL;
    }
    struct strbuf b;
    strbuf_init(&b);
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
        strbuf_add(&b, buf, n);
        if (b.len > IMPORT_MAX_INPUT)
            break;
    }
    fclose(f);
    *len = b.len;
    if (!b.s)
        return xstrdup("");
    return strbuf_detach(&b);
}

struct inputs {
    struct import_input *v;
    char **names, **data;
    size_t n;
};

static bool add_input(struct inputs *in, const char *path, FILE *err)
{
    size_t len;
    char *data = read_all(path, &len, err);
    if (!data)
        return false;
    in->v = xrealloc(in->v, (in->n + 1) * sizeof(*in->v));
    in->names = xrealloc(in->names, (in->n + 1) * sizeof(char *));
    in->data = xrealloc(in->data, (in->n + 1) * sizeof(char *));
    in->names[in->n] = xstrdup(path);
    in->data[in->n] = data;
    in->v[in->n] = (struct import_input){in->names[in->n], data, len};
    in->n++;
    return true;
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* An HSDS data package folder: its tables and JSON files, sorted. */
static bool add_hsds_dir(struct inputs *in, const char *dir, FILE *err)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(err, "%s: cannot open: %s\n", dir, strerror(errno));
        return false;
    }
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        bool json = len > 5 && strcmp(e->d_name + len - 5, ".json") == 0 &&
                    strcmp(e->d_name, "datapackage.json") != 0;
        if (!json && !hsds_is_table(e->d_name))
            continue;
        names = xrealloc(names, (n + 1) * sizeof(char *));
        struct strbuf p;
        strbuf_init(&p);
        strbuf_printf(&p, "%s/%s", dir, e->d_name);
        names[n++] = strbuf_detach(&p);
    }
    closedir(d);
    if (n > 1)
        qsort(names, n, sizeof(char *), cmp_name);
    bool ok = n > 0;
    if (!n)
        fprintf(err, "%s: no HSDS tables (organizations.csv, services.csv, ...) or JSON files\n",
                dir);
    for (size_t i = 0; i < n; i++) {
        ok = add_input(in, names[i], err) && ok;
        free(names[i]);
    }
    free(names);
    return ok;
}

static void inputs_free(struct inputs *in)
{
    for (size_t i = 0; i < in->n; i++) {
        free(in->names[i]);
        free(in->data[i]);
    }
    free(in->names);
    free(in->data);
    free(in->v);
}

static void summary(const struct diag_list *d, FILE *err)
{
    if (d->errors || d->warnings)
        fprintf(err, "%zu error%s, %zu warning%s\n", d->errors, d->errors == 1 ? "" : "s",
                d->warnings, d->warnings == 1 ? "" : "s");
}

static size_t rows_of(const struct folder *f, const char *name)
{
    const struct folder_table *t = folder_get_table(f, name);
    return t ? t->nrows : 0;
}

static int write_out(const struct folder *f, bool ok, const char *dir, const struct diag_list *d,
                     FILE *out, FILE *err)
{
    diag_print(d, err);
    summary(d, err);
    if (!ok) {
        fprintf(err, "%s: not written: fix the errors above first\n", dir);
        return PACK_EXIT_CONTENT;
    }
    char msg[1024];
    if (!folder_write(f, dir, msg, sizeof(msg))) {
        fprintf(err, "%s: not written: %s\n", dir, msg);
        return PACK_EXIT_IO;
    }
    fprintf(out,
            "%s: written: %zu organisations, %zu services, %zu locations, %zu contacts, "
            "%zu activities\n",
            dir, rows_of(f, "organizations.csv"), rows_of(f, "services.csv"),
            rows_of(f, "locations.csv"), rows_of(f, "contacts.csv"), rows_of(f, "activities.csv"));
    return PACK_EXIT_OK;
}

static int cmd_import(int argc, char **argv, FILE *out, FILE *err)
{
    if (argc < 2) {
        fprintf(err, "aula-pack import: which kind? ptv, linkedevents or hsds\n");
        return PACK_EXIT_USAGE;
    }
    const char *kind = argv[1], *dir = NULL;
    if (strcmp(kind, "ptv") && strcmp(kind, "linkedevents") && strcmp(kind, "hsds")) {
        fprintf(err, "aula-pack import: unknown kind \"%s\" (ptv, linkedevents or hsds)\n", kind);
        return PACK_EXIT_USAGE;
    }
    struct import_options opt = {0};
    struct inputs in = {0};
    int rc = PACK_EXIT_OK;
    for (int i = 2; i < argc && rc == PACK_EXIT_OK; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        const char **dst = NULL;
        if (strcmp(a, "-o") == 0)
            dst = &dir;
        else if (strcmp(a, "--site") == 0)
            dst = &opt.site_id;
        else if (strcmp(a, "--language") == 0)
            dst = &opt.language;
        else if (strcmp(a, "--timezone") == 0)
            dst = &opt.timezone;
        else if (strcmp(a, "--source-id") == 0)
            dst = &opt.source_id;
        else if (strcmp(a, "--licence") == 0)
            dst = &opt.licence;
        else if (strcmp(a, "--attribution") == 0)
            dst = &opt.attribution;
        if (dst) {
            if (!v) {
                fprintf(err, "aula-pack import: %s needs a value\n", a);
                rc = PACK_EXIT_USAGE;
            }
            *dst = v;
            i++;
            continue;
        }
        if (a[0] == '-') {
            fprintf(err, "aula-pack import: unknown option \"%s\"\n", a);
            rc = PACK_EXIT_USAGE;
            continue;
        }
        struct stat st;
        bool ok = strcmp(kind, "hsds") == 0 && stat(a, &st) == 0 && S_ISDIR(st.st_mode)
                      ? add_hsds_dir(&in, a, err)
                      : add_input(&in, a, err);
        if (!ok)
            rc = PACK_EXIT_IO;
    }
    if (rc == PACK_EXIT_OK && (!dir || !in.n)) {
        fprintf(err, "aula-pack import %s: needs input files and -o DIR\n", kind);
        rc = PACK_EXIT_USAGE;
    }
    if (rc != PACK_EXIT_OK) {
        inputs_free(&in);
        return rc;
    }
    struct folder f;
    folder_init(&f);
    struct diag_list d;
    diag_list_init(&d);
    bool ok = strcmp(kind, "ptv") == 0            ? ptv_import(in.v, in.n, &opt, &f, &d)
              : strcmp(kind, "linkedevents") == 0 ? linkedevents_import(in.v, in.n, &opt, &f, &d)
                                                  : hsds_import(in.v, in.n, &opt, &f, &d);
    rc = write_out(&f, ok, dir, &d, out, err);
    diag_list_free(&d);
    folder_free(&f);
    inputs_free(&in);
    return rc;
}

static int cmd_merge(int argc, char **argv, FILE *out, FILE *err)
{
    const char *dir = NULL, *overrides = NULL;
    const char **dirs = xcalloc((size_t)argc, sizeof(char *));
    size_t n = 0;
    int rc = PACK_EXIT_OK;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if ((strcmp(a, "-o") == 0 || strcmp(a, "--overrides") == 0) && v) {
            *(a[1] == 'o' ? &dir : &overrides) = v;
            i++;
        } else if (a[0] == '-') {
            fprintf(err, "aula-pack merge: unexpected argument \"%s\"\n", a);
            rc = PACK_EXIT_USAGE;
        } else {
            dirs[n++] = a;
        }
    }
    if (rc == PACK_EXIT_OK && (!dir || (!n && !overrides))) {
        fprintf(err, "aula-pack merge: needs folders to merge and -o DIR\n");
        rc = PACK_EXIT_USAGE;
    }
    if (rc == PACK_EXIT_OK) {
        struct folder f;
        folder_init(&f);
        struct diag_list d;
        diag_list_init(&d);
        bool ok = merge_folders(dirs, n, overrides, &f, &d);
        rc = write_out(&f, ok, dir, &d, out, err);
        diag_list_free(&d);
        folder_free(&f);
    }
    free(dirs);
    return rc;
}

int importcmd_main(int argc, char **argv, FILE *out, FILE *err)
{
    if (strcmp(argv[0], "import") == 0)
        return cmd_import(argc, argv, out, err);
    if (strcmp(argv[0], "merge") == 0)
        return cmd_merge(argc, argv, out, err);
    if (argc != 3) {
        fprintf(err, "usage: aula-pack diff OLD NEW (two .aula snapshots or two folders)\n");
        return PACK_EXIT_USAGE;
    }
    return diff_report(argv[1], argv[2], out, err);
}
