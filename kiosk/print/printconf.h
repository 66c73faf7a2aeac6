/* printconf: the printer settings, read from the [printer] section of
 * aula.conf (base/conf.h; other sections belong to other programs). See
 * packaging/PRINTING.md for every key. */
#ifndef AULA_PRINT_PRINTCONF_H
#define AULA_PRINT_PRINTCONF_H

#include <stdbool.h>
#include <stddef.h>

#define PRINTCONF_PATH_MAX 512

enum printer_kind { PRINTER_NONE, PRINTER_ESCPOS_DEVICE, PRINTER_ESCPOS_TCP, PRINTER_CUPS };
enum cups_format { CUPS_FORMAT_PDF, CUPS_FORMAT_PNG };

struct print_config {
    enum printer_kind kind;              /* printer = none|escpos-device|escpos-tcp|cups */
    char device[PRINTCONF_PATH_MAX];     /* printer_device = /dev/usb/lp0 */
    char host[256];                      /* printer_host = 192.0.2.7:9100 */
    char queue[128];                     /* printer_queue = Lobby */
    char cups_server[256];               /* printer_cups_server = host:port ("" = default) */
    enum cups_format format;             /* printer_format = pdf|png */
    int paper_mm;                        /* printer_paper = 58|80 */
    int dpi;                             /* printer_dpi = 203 */
    int daily_cap;                       /* print_daily_cap = 100 (0 = no cap) */
    bool logo;                           /* print_logo = on|off */
    char logo_file[PRINTCONF_PATH_MAX];  /* print_logo_file = /etc/aula/slip-logo.png */
    char state_file[PRINTCONF_PATH_MAX]; /* print_state_file = /var/lib/aula/print-count */
    char font_dir[PRINTCONF_PATH_MAX];   /* print_font_dir ("" = the screen's fonts) */
    long long timeout_ms;                /* print_timeout = 20s: the whole job */
    long long status_wait_ms;            /* print_status_wait = 300ms: 0 = do not ask */
};

void printconf_defaults(struct print_config *c);
/* Applies one setting. Keys not starting with "print" are ignored (true);
 * an unknown "print*" key or a bad value is an error naming the place. */
bool printconf_set(struct print_config *c, const char *key, const char *value, const char *file,
                   int line, char *err, size_t cap);
/* Reads the print settings of a config file over c. A missing file is an
 * error only if must_exist. */
bool printconf_load(struct print_config *c, const char *path, bool must_exist, char *err,
                    size_t cap);
/* Checks that the kind has what it needs (a device, a host, a queue). */
bool printconf_check(const struct print_config *c, char *err, size_t cap);
const char *printconf_kind_name(enum printer_kind k);

#endif
