/* aula-pack: the content compiler's command line. Wiring only: the work
 * is in kiosk/pack/. */
#include "base/civil.h"
#include "import/importcmd.h"
#include "pack/build.h"
#include "sync/signcmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void usage(FILE *f)
{
    fputs("usage:\n"
          "  aula-pack check SRC_DIR [window options]\n"
          "  aula-pack build SRC_DIR -o FILE.aula [--content-version N] [window options]\n"
          "  aula-pack info FILE.aula\n",
          f);
    fputs(signcmd_usage, f);
    fputs(importcmd_usage, f);
    fputs("window options:\n"
          "  --from DATE     first day of the calendar window (default: 7 days ago)\n"
          "  --until DATE    last day of the calendar window (default: 180 days ahead)\n"
          "  --now INSTANT   build time, e.g. 2026-11-23T10:00:00Z (default: now,\n"
          "                  or SOURCE_DATE_EPOCH when set)\n"
          "signing: keys and signatures are minisign's format; an encrypted secret key\n"
          "  takes its password from the AULA_KEY_PASSWORD environment variable\n"
          "exit status: 0 ok (warnings allowed), 1 content errors or signature refused,\n"
          "  2 usage, 3 write error\n",
          f);
}

int main(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
        usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? PACK_EXIT_USAGE : PACK_EXIT_OK;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("aula-pack %s\n", AULA_VERSION);
        return PACK_EXIT_OK;
    }
    if (importcmd_handles(argv[1]))
        return importcmd_main(argc - 1, argv + 1, stdout, stderr);
    if (signcmd_handles(argv[1]))
        return signcmd_main(argc - 1, argv + 1, stdout, stderr);
    const char *cmd = argv[1], *src = NULL, *out = NULL;
    struct pack_options opt = {0};
    opt.now_utc = (int64_t)time(NULL);
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (sde && *sde)
        opt.now_utc = strtoll(sde, NULL, 10);
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "-o") == 0 && v) {
            out = v;
            i++;
        } else if (strcmp(a, "--from") == 0 && v) {
            if (!civil_parse_date(v, &opt.from)) {
                fprintf(stderr, "aula-pack: --from: \"%s\" is not a date\n", v);
                return PACK_EXIT_USAGE;
            }
            i++;
        } else if (strcmp(a, "--until") == 0 && v) {
            if (!civil_parse_date(v, &opt.until)) {
                fprintf(stderr, "aula-pack: --until: \"%s\" is not a date\n", v);
                return PACK_EXIT_USAGE;
            }
            i++;
        } else if (strcmp(a, "--now") == 0 && v) {
            if (!build_parse_instant(v, &opt.now_utc)) {
                fprintf(stderr, "aula-pack: --now: \"%s\" is not a UTC time such as "
                                "2026-11-23T10:00:00Z\n", v);
                return PACK_EXIT_USAGE;
            }
            i++;
        } else if (strcmp(a, "--content-version") == 0 && v) {
            char *end;
            opt.content_version = strtoll(v, &end, 10);
            if (*end || opt.content_version <= 0) {
                fprintf(stderr, "aula-pack: --content-version: \"%s\" is not a positive "
                                "integer\n", v);
                return PACK_EXIT_USAGE;
            }
            i++;
        } else if (a[0] == '-' || src) {
            fprintf(stderr, "aula-pack: unexpected argument \"%s\"\n", a);
            usage(stderr);
            return PACK_EXIT_USAGE;
        } else {
            src = a;
        }
    }
    if (!src) {
        usage(stderr);
        return PACK_EXIT_USAGE;
    }
    if (strcmp(cmd, "check") == 0)
        return build_check(src, &opt, stdout, stderr);
    if (strcmp(cmd, "build") == 0) {
        if (!out) {
            fprintf(stderr, "aula-pack: build needs -o FILE.aula\n");
            return PACK_EXIT_USAGE;
        }
        return build_build(src, out, &opt, stdout, stderr);
    }
    if (strcmp(cmd, "info") == 0)
        return build_info(src, stdout, stderr);
    fprintf(stderr, "aula-pack: unknown command \"%s\"\n", cmd);
    usage(stderr);
    return PACK_EXIT_USAGE;
}
