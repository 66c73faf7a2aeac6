/* Unit tests of the staff menu's requests to the root-side handler
 * (ui/staffreq.h): the request appears whole under its own name and
 * nothing else is left behind; a missing or wrong folder is named in the
 * error; result files as the handler writes them, and broken ones, each
 * with the line and what is wrong. */
#include "ui/staffreq.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[256];

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof(dir), "/tmp/aula-test-staffreq-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[300];
    snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* The names in path, sorted, joined by spaces. */
static void list(const char *path, char *out, size_t cap)
{
    struct dirent **ents;
    int n = scandir(path, &ents, NULL, alphasort);
    out[0] = '\0';
    for (int i = 0; i < n; i++) {
        if (strcmp(ents[i]->d_name, ".") != 0 && strcmp(ents[i]->d_name, "..") != 0)
            snprintf(out + strlen(out), cap - strlen(out), "%s%s", out[0] ? " " : "",
                     ents[i]->d_name);
        free(ents[i]);
    }
    if (n >= 0)
        free(ents);
}

static void put(const char *text)
{
    char path[300];
    snprintf(path, sizeof(path), "%s/result", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void test_names(void **state)
{
    (void)state;
    enum staffreq_kind k;
    assert_string_equal(staffreq_name(STAFFREQ_USB_INSTALL), "usb-install");
    assert_string_equal(staffreq_name(STAFFREQ_USB_STATS), "usb-stats");
    assert_string_equal(staffreq_name(STAFFREQ_ROLLBACK), "rollback");
    assert_true(staffreq_parse_name("rollback", &k));
    assert_int_equal(k, STAFFREQ_ROLLBACK);
    assert_false(staffreq_parse_name("../rollback", &k));
    assert_false(staffreq_parse_name("", &k));
}

static void test_write(void **state)
{
    (void)state;
    char err[512], names[512], sub[300];
    assert_true(staffreq_write(dir, STAFFREQ_USB_INSTALL, err, sizeof(err)));
    assert_true(staffreq_write(dir, STAFFREQ_ROLLBACK, err, sizeof(err)));
    /* Asked twice: still one request of that name. */
    assert_true(staffreq_write(dir, STAFFREQ_ROLLBACK, err, sizeof(err)));
    snprintf(sub, sizeof(sub), "%s/requests", dir);
    list(sub, names, sizeof(names));
    assert_string_equal(names, "rollback usb-install");
    /* No temporary file stays beside them. */
    list(dir, names, sizeof(names));
    assert_string_equal(names, "requests");
    struct stat sb;
    assert_int_equal(stat(sub, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0750);
}

static void test_write_missing_dir(void **state)
{
    (void)state;
    char err[512], missing[300];
    snprintf(missing, sizeof(missing), "%s/nonexistent", dir);
    assert_false(staffreq_write(missing, STAFFREQ_USB_STATS, err, sizeof(err)));
    char want[400];
    snprintf(want, sizeof(want),
             "%s: No such file or directory (the request folder, [staff] request_dir in "
             "aula.conf)",
             missing);
    assert_string_equal(err, want);
    /* A file where the folder should be. */
    snprintf(missing, sizeof(missing), "%s/file", dir);
    fclose(fopen(missing, "w"));
    assert_false(staffreq_write(missing, STAFFREQ_USB_STATS, err, sizeof(err)));
    assert_non_null(strstr(err, "file: not a folder"));
    /* A folder the kiosk may not write (root would pass the check). */
    if (geteuid() != 0) {
        char ro[300];
        snprintf(ro, sizeof(ro), "%s/ro", dir);
        mkdir(ro, 0500);
        assert_false(staffreq_write(ro, STAFFREQ_USB_STATS, err, sizeof(err)));
        assert_non_null(strstr(err, "Permission denied"));
    }
}

static void test_result(void **state)
{
    (void)state;
    struct staffreq_result r;
    char err[512];
    /* No answer yet: false, and no error. */
    assert_false(staffreq_read_result(dir, &r, err, sizeof(err)));
    assert_string_equal(err, "");

    put("request=usb-install\nstate=working\noutcome=working\nmessage=looking for a USB stick\n");
    assert_true(staffreq_read_result(dir, &r, err, sizeof(err)));
    assert_int_equal(r.request, STAFFREQ_USB_INSTALL);
    assert_int_equal(r.state, STAFFREQ_WORKING);
    assert_int_equal(r.outcome, STAFFREQ_OUT_WORKING);
    assert_string_equal(r.message, "looking for a USB stick");

    put("request=rollback\nstate=failed\noutcome=no-previous\nmessage=Not rolled back: no older "
        "content kept\nlater=ignored\n");
    assert_true(staffreq_read_result(dir, &r, err, sizeof(err)));
    assert_int_equal(r.request, STAFFREQ_ROLLBACK);
    assert_int_equal(r.state, STAFFREQ_FAILED);
    assert_int_equal(r.outcome, STAFFREQ_OUT_NO_PREVIOUS);

    put("request = usb-stats\r\nstate = ok\r\noutcome = stats-written\r\n");
    assert_true(staffreq_read_result(dir, &r, err, sizeof(err)));
    assert_int_equal(r.outcome, STAFFREQ_OUT_STATS_WRITTEN);
    assert_int_equal(r.state, STAFFREQ_OK);
    assert_string_equal(r.message, "");

    /* An outcome this kiosk does not know: a failure it cannot name. */
    put("request=usb-stats\nstate=ok\noutcome=teleported\n");
    assert_true(staffreq_read_result(dir, &r, err, sizeof(err)));
    assert_int_equal(r.outcome, STAFFREQ_OUT_OTHER);
    assert_int_equal(r.state, STAFFREQ_FAILED);
    assert_string_equal(r.outcome_word, "teleported");
}

static void test_bad_result(void **state)
{
    (void)state;
    static const struct {
        const char *text, *err;
    } bad[] = {
        {"request=format-disk\nstate=ok\noutcome=installed\n",
         "result:1: request: unknown request \"format-disk\""},
        {"request=rollback\nstate=done\noutcome=installed\n",
         "result:2: state: \"done\" is not working, ok or failed"},
        {"request=rollback\n\njust words\n", "result:3: expected key=value"},
        {"state=ok\noutcome=installed\n", "result: no request= line; not a result"},
        {"request=rollback\noutcome=installed\n", "result: no state= line; not a result"},
        {"request=rollback\nstate=ok\n", "result: no outcome= line; not a result"},
        {"", "result: no request= line; not a result"},
    };
    struct staffreq_result r;
    char err[512];
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        put(bad[i].text);
        assert_false(staffreq_read_result(dir, &r, err, sizeof(err)));
        char want[512];
        snprintf(want, sizeof(want), "%s/%s", dir, bad[i].err);
        if (strcmp(err, want) != 0)
            fail_msg("case %zu: got \"%s\", expected \"%s\"", i, err, want);
    }
    /* Too long to be a result. */
    char *big = malloc(STAFFREQ_RESULT_MAX + 100);
    assert_non_null(big);
    memset(big, 'x', STAFFREQ_RESULT_MAX + 99);
    big[STAFFREQ_RESULT_MAX + 99] = '\0';
    put(big);
    free(big);
    assert_false(staffreq_read_result(dir, &r, err, sizeof(err)));
    assert_non_null(strstr(err, "longer than 4096 bytes; not a result"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names),
        cmocka_unit_test_setup_teardown(test_write, setup, teardown),
        cmocka_unit_test_setup_teardown(test_write_missing_dir, setup, teardown),
        cmocka_unit_test_setup_teardown(test_result, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_result, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
