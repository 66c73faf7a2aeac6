/* tzmap: resolves the time-zone names found in calendar files to IANA
 * zones: IANA names as they are, Windows names as Outlook and Exchange
 * write them ("FLE Standard Time" -> "Europe/Helsinki"), and the
 * "/mozilla.org/.../Europe/Helsinki"-style prefixed ids some clients use. */
#ifndef AULA_PACK_TZMAP_H
#define AULA_PACK_TZMAP_H

/* Returns the IANA name (static storage) or NULL if the zone is unknown
 * to both the mapping table and the system's zoneinfo. */
const char *tzmap_resolve(const char *name);

#endif
