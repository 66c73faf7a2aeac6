/* tm35: ETRS-TM35FIN (EPSG:3067), the Finnish national plane coordinates
 * PTV and other registers use, to and from WGS84 latitude and longitude.
 * Transverse Mercator on the GRS80 ellipsoid (central meridian 27 E,
 * scale 0.9996, false easting 500 000 m), by the Kruger series as in
 * JHS 154; sub-millimetre within Finland. */
#ifndef AULA_IMPORT_TM35_H
#define AULA_IMPORT_TM35_H

#include <stdbool.h>

/* Northing and easting in metres to degrees. Returns false for values far
 * outside the zone's area (not plausible TM35FIN coordinates). */
bool tm35_to_wgs84(double northing, double easting, double *lat, double *lon);
/* Degrees to northing and easting in metres. */
void tm35_from_wgs84(double lat, double lon, double *northing, double *easting);

#endif
