/* qr: QR code payloads a family can take home (a tel: link, a vCard 3.0 of a
 * contact person, a web address) and their encoding into a module matrix
 * with libqrencode (error correction level M). Drawing the matrix, with its
 * 4-module quiet zone, is the UI's business; this module has no SDL. */
#ifndef AULA_QR_QR_H
#define AULA_QR_QR_H

#include <stdbool.h>
#include <stddef.h>

#define QR_QUIET_ZONE 4 /* modules of light border on every side */

struct qr_code {
    int size;               /* modules per side, without the quiet zone */
    unsigned char *modules; /* size * size, row-major, 1 = dark */
};

struct qr_contact {
    const char *name;                        /* "Anna Virtanen" */
    const char *title, *org, *phone, *email; /* any may be NULL or "" */
};

/* Encodes payload (UTF-8 bytes, 8-bit mode, level M). */
bool qr_encode(const char *payload, struct qr_code *out);
void qr_free(struct qr_code *qr);
/* True when module (x, y) is dark; false outside the symbol. */
bool qr_dark(const struct qr_code *qr, int x, int y);

/* "tel:+358401234567" from a phone number as written ("+358 40 123 4567",
 * "040-123 4567"). Returns false if it has no digits or does not fit. */
bool qr_tel_uri(const char *phone, char *buf, size_t cap);
/* A vCard 3.0 (CRLF line ends); free() the result. */
char *qr_vcard(const struct qr_contact *c);

#endif
