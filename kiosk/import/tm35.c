/* tm35: transverse Mercator between ETRS-TM35FIN and WGS84 (ETRS89 and
 * WGS84 differ by well under a metre in Finland, which is below what a
 * kiosk map needs). Kruger's series to the fourth order in n. */
#include "import/tm35.h"

#include <math.h>

#define TM_A    6378137.0             /* GRS80 semi-major axis */
#define TM_F    (1.0 / 298.257222101) /* GRS80 flattening */
#define TM_K0   0.9996
#define TM_E0   500000.0
#define TM_LON0 27.0
#define DEG     (M_PI / 180.0)

struct tm_consts {
    double e, n, a1;
    double h[4];  /* forward */
    double hi[4]; /* inverse */
};

static struct tm_consts consts(void)
{
    struct tm_consts k;
    double f = TM_F;
    k.e = sqrt(f * (2.0 - f));
    double n = f / (2.0 - f), n2 = n * n, n3 = n2 * n, n4 = n3 * n;
    k.n = n;
    k.a1 = TM_A / (1.0 + n) * (1.0 + n2 / 4.0 + n4 / 64.0);
    k.h[0] = n / 2.0 - 2.0 / 3.0 * n2 + 5.0 / 16.0 * n3 + 41.0 / 180.0 * n4;
    k.h[1] = 13.0 / 48.0 * n2 - 3.0 / 5.0 * n3 + 557.0 / 1440.0 * n4;
    k.h[2] = 61.0 / 240.0 * n3 - 103.0 / 140.0 * n4;
    k.h[3] = 49561.0 / 161280.0 * n4;
    k.hi[0] = n / 2.0 - 2.0 / 3.0 * n2 + 37.0 / 96.0 * n3 - 1.0 / 360.0 * n4;
    k.hi[1] = 1.0 / 48.0 * n2 + 1.0 / 15.0 * n3 - 437.0 / 1440.0 * n4;
    k.hi[2] = 17.0 / 480.0 * n3 - 37.0 / 840.0 * n4;
    k.hi[3] = 4397.0 / 161280.0 * n4;
    return k;
}

bool tm35_to_wgs84(double northing, double easting, double *lat, double *lon)
{
    if (!isfinite(northing) || !isfinite(easting) || northing < 6000000.0 || northing > 8000000.0 ||
        easting < -500000.0 || easting > 1500000.0)
        return false;
    struct tm_consts k = consts();
    double xi = northing / (k.a1 * TM_K0);
    double eta = (easting - TM_E0) / (k.a1 * TM_K0);
    double xi1 = xi, eta1 = eta;
    for (int j = 1; j <= 4; j++) {
        xi1 -= k.hi[j - 1] * sin(2.0 * j * xi) * cosh(2.0 * j * eta);
        eta1 -= k.hi[j - 1] * cos(2.0 * j * xi) * sinh(2.0 * j * eta);
    }
    double beta = asin(sin(xi1) / cosh(eta1));
    double l = asin(tanh(eta1) / cos(beta));
    double q = asinh(tan(beta));
    double q2 = q + k.e * atanh(k.e * tanh(q));
    for (int i = 0; i < 6; i++)
        q2 = q + k.e * atanh(k.e * tanh(q2));
    *lat = atan(sinh(q2)) / DEG;
    *lon = TM_LON0 + l / DEG;
    return true;
}

void tm35_from_wgs84(double lat, double lon, double *northing, double *easting)
{
    struct tm_consts k = consts();
    double phi = lat * DEG, l = (lon - TM_LON0) * DEG;
    double q = asinh(tan(phi)) - k.e * atanh(k.e * sin(phi));
    double beta = atan(sinh(q));
    double eta1 = atanh(cos(beta) * sin(l));
    double xi1 = asin(sin(beta) * cosh(eta1));
    double xi = xi1, eta = eta1;
    for (int j = 1; j <= 4; j++) {
        xi += k.h[j - 1] * sin(2.0 * j * xi1) * cosh(2.0 * j * eta1);
        eta += k.h[j - 1] * cos(2.0 * j * xi1) * sinh(2.0 * j * eta1);
    }
    *northing = k.a1 * xi * TM_K0;
    *easting = k.a1 * eta * TM_K0 + TM_E0;
}
