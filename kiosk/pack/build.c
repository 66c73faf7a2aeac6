/* build: check, build and info, the content-facing commands of aula-pack. */
#include "pack/build.h"
#include "data/snapshot.h"
#include "pack/writer.h"

#include <string.h>

static void summary(const struct diag_list *d, FILE *err)
{
    if (d->errors || d->warnings)
        fprintf(err, "%zu error%s, %zu warning%s\n", d->errors, d->errors == 1 ? "" : "s",
                d->warnings, d->warnings == 1 ? "" : "s");
}

int build_check(const char *dir, const struct pack_options *opt, FILE *out, FILE *err)
{
    struct diag_list d;
    diag_list_init(&d);
    struct content c;
    bool ok = content_load(dir, opt, &c, &d);
    diag_print(&d, err);
    summary(&d, err);
    if (ok) {
        size_t occ = 0;
        for (size_t i = 0; i < c.nacts; i++)
            occ += c.acts[i].occ.n;
        fprintf(out, "%s: ok: %zu services, %zu organisations, %zu activities (%zu occurrences)\n",
                dir, c.t[CF_SERVICES].nrows, c.t[CF_ORGANIZATIONS].nrows, c.nacts, occ);
    }
    content_free(&c);
    diag_list_free(&d);
    return ok ? PACK_EXIT_OK : PACK_EXIT_CONTENT;
}

int build_build(const char *dir, const char *out_path, const struct pack_options *opt, FILE *out,
                FILE *err)
{
    struct diag_list d;
    diag_list_init(&d);
    struct content c;
    bool ok = content_load(dir, opt, &c, &d);
    diag_print(&d, err);
    summary(&d, err);
    int rc = PACK_EXIT_OK;
    if (!ok) {
        fprintf(err, "%s: not written: fix the errors above first\n", out_path);
        rc = PACK_EXIT_CONTENT;
    } else {
        char msg[1024];
        if (writer_write(&c, out_path, msg, sizeof(msg))) {
            fprintf(out, "%s: written (content version %lld)\n", out_path,
                    (long long)c.content_version);
        } else {
            fprintf(err, "%s: not written: %s\n", out_path, msg);
            rc = PACK_EXIT_IO;
        }
    }
    content_free(&c);
    diag_list_free(&d);
    return rc;
}

static void count(FILE *out, struct db *db, const char *label, const char *sql)
{
    fprintf(out, "  %-22s %lld\n", label, (long long)db_query_int(db, sql));
}

int build_info(const char *path, FILE *out, FILE *err)
{
    struct db *db;
    char msg[1024];
    if (snapshot_open(path, false, &db, msg, sizeof(msg)) != SNAPSHOT_OK) {
        fprintf(err, "%s\n", msg);
        return PACK_EXIT_CONTENT;
    }
    struct snapshot_info in;
    snapshot_read_info(db, &in);
    fprintf(out, "%s\n", path);
    fprintf(out, "  content version        %lld\n", (long long)in.content_version);
    fprintf(out, "  schema version         %d\n", in.schema_version);
    fprintf(out, "  built at               %s\n", in.built_at);
    fprintf(out, "  generator              %s\n", in.generator);
    fprintf(out, "  valid                  %s .. %s\n", in.valid_from, in.valid_until);
    fprintf(out, "  site                   %s (region %s, %s)\n", in.site_id,
            in.region_id[0] ? in.region_id : "-", in.timezone);
    fprintf(out, "  languages              %s (default %s)\n", in.languages, in.default_language);
    count(out, db, "organisations", "SELECT count(*) FROM organization");
    count(out, db, "services", "SELECT count(*) FROM service");
    count(out, db, "locations", "SELECT count(*) FROM location");
    count(out, db, "contact persons", "SELECT count(*) FROM contact");
    count(out, db, "categories", "SELECT count(*) FROM taxonomy_term WHERE kind = 'category'");
    count(out, db, "age groups", "SELECT count(*) FROM taxonomy_term WHERE kind = 'age_group'");
    count(out, db, "activities", "SELECT count(*) FROM activity");
    count(out, db, "occurrences", "SELECT count(*) FROM occurrence");
    count(out, db, "  cancelled", "SELECT count(*) FROM occurrence WHERE status = 'cancelled'");
    count(out, db, "  moved", "SELECT count(*) FROM occurrence WHERE status = 'moved'");
    count(out, db, "holidays", "SELECT count(*) FROM holiday");
    count(out, db, "opening exceptions", "SELECT count(*) FROM opening_exception");
    count(out, db, "search entries", "SELECT count(*) FROM search");
    db_close(db);
    return PACK_EXIT_OK;
}

bool build_parse_instant(const char *s, int64_t *utc)
{
    struct civil_date d;
    char date[11];
    if (strlen(s) < 10)
        return false;
    memcpy(date, s, 10);
    date[10] = '\0';
    if (!civil_parse_date(date, &d))
        return false;
    int h = 0, m = 0, sec = 0;
    if (s[10]) {
        char z = 0;
        if (sscanf(s + 10, "T%2d:%2d:%2d%c", &h, &m, &sec, &z) < 3 || (z && z != 'Z') || h > 23 ||
            m > 59 || sec > 60)
            return false;
    }
    *utc = civil_to_days(d.year, d.month, d.day) * 86400 + h * 3600 + m * 60 + sec;
    return true;
}
