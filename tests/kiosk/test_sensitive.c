/* Unit tests of the sensitive flag behind the quick exit, on the demo
 * content: the shelter and the crisis service are sensitive, and so is the
 * organisation that provides them; ordinary services are not. */
#include "domain/catalog.h"
#include "domain/content.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

static int open_demo(void **state)
{
    char msg[512];
    struct content *c = NULL;
    if (content_open(KIOSK_DEMO, &c, msg, sizeof(msg)) != SNAPSHOT_OK) {
        print_error("%s\n", msg);
        return -1;
    }
    *state = c;
    return 0;
}

static int close_demo(void **state)
{
    content_close(*state);
    return 0;
}

static void test_services(void **state)
{
    struct content *c = *state;
    static const struct {
        const char *id;
        bool sensitive;
    } cases[] = {
        {"turvakoti", true},
        {"avokriisi", true},
        {"aitiysneuvola", false},
        {"palveluohjaus", false},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct catalog_service s;
        assert_true(catalog_service_load(c, "fi", cases[i].id, 0, &s));
        if (s.sensitive != cases[i].sensitive)
            fail_msg("%s: sensitive is %d, expected %d", cases[i].id, s.sensitive,
                     cases[i].sensitive);
        catalog_service_free(&s);
    }
}

static void test_orgs(void **state)
{
    struct content *c = *state;
    struct catalog_org o;
    assert_true(catalog_org_load(c, "fi", "etkoti-itaranta", &o));
    assert_true(o.sensitive);
    catalog_org_free(&o);
    assert_true(catalog_org_load(c, "fi", "hva-perhekeskus", &o));
    assert_false(o.sensitive);
    catalog_org_free(&o);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_services, open_demo, close_demo),
        cmocka_unit_test_setup_teardown(test_orgs, open_demo, close_demo),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
