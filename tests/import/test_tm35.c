/* Tests of the ETRS-TM35FIN <-> WGS84 conversion against reference points
 * (values from PROJ 9, EPSG:3067 <-> EPSG:4326), to 1 m and better. */
#include "import/tm35.h"

#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>

static const struct {
    const char *place;
    double lat, lon, northing, easting;
} points[] = {
    {"Helsinki, Senate Square", 60.1699, 24.9384, 6672118.3802, 385611.3167},
    {"Oulu", 65.0121, 25.4651, 7210681.4674, 427657.5477},
    {"Utsjoki, near the central meridian", 69.9068, 27.0276, 7755480.0080, 501058.2302},
    {"Mariehamn, 390 km west of it", 60.0999, 19.9348, 6683549.6174, 107610.5733},
    {"Tampere", 61.4978, 23.7610, 6822520.3170, 327614.1613},
    {"Joensuu, east of it", 62.8924, 27.6770, 6973781.8331, 534417.4651},
};

/* Distance in metres between two nearby points. */
static double metres(double lat1, double lon1, double lat2, double lon2)
{
    double r = 6371000.0, k = M_PI / 180.0;
    double dy = (lat2 - lat1) * k * r;
    double dx = (lon2 - lon1) * k * r * cos(lat1 * k);
    return sqrt(dx * dx + dy * dy);
}

static void to_wgs84_within_a_metre(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(points) / sizeof(*points); i++) {
        double lat, lon;
        assert_true(tm35_to_wgs84(points[i].northing, points[i].easting, &lat, &lon));
        double d = metres(lat, lon, points[i].lat, points[i].lon);
        if (d > 0.01) {
            fprintf(stderr, "%s: %.3f m off\n", points[i].place, d);
            fail();
        }
    }
}

static void from_wgs84_within_a_metre(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(points) / sizeof(*points); i++) {
        double n, e;
        tm35_from_wgs84(points[i].lat, points[i].lon, &n, &e);
        assert_true(fabs(n - points[i].northing) < 0.01);
        assert_true(fabs(e - points[i].easting) < 0.01);
    }
}

static void round_trip_over_finland(void **state)
{
    (void)state;
    for (double lat = 59.5; lat <= 70.1; lat += 0.5)
        for (double lon = 19.0; lon <= 31.6; lon += 0.5) {
            double n, e, la, lo;
            tm35_from_wgs84(lat, lon, &n, &e);
            assert_true(tm35_to_wgs84(n, e, &la, &lo));
            assert_true(metres(lat, lon, la, lo) < 0.001);
        }
}

static void implausible_values_are_refused(void **state)
{
    (void)state;
    double lat, lon;
    assert_false(tm35_to_wgs84(60.17, 24.94, &lat, &lon)); /* degrees, not metres */
    assert_false(tm35_to_wgs84(0, 0, &lat, &lon));
    assert_false(tm35_to_wgs84(NAN, 385611, &lat, &lon));
    assert_false(tm35_to_wgs84(6672118, INFINITY, &lat, &lon));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(to_wgs84_within_a_metre),
        cmocka_unit_test(from_wgs84_within_a_metre),
        cmocka_unit_test(round_trip_over_finland),
        cmocka_unit_test(implausible_values_are_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
