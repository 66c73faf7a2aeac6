/* panel: blocks shared by the detail screens — contact lines (phone,
 * e-mail, web), contact-person cards, and the QR card that lets a family
 * take a phone number, a web address or a person's vCard home. Each draws
 * at (x, y) in a column of width w and returns the height it used. */
#ifndef AULA_UI_PANEL_H
#define AULA_UI_PANEL_H

#include "domain/catalog.h"
#include "ui/ui.h"

enum qr_kind { QR_NONE, QR_TEL, QR_WEB, QR_VCARD };

/* What the QR card shows. */
struct qr_choice {
    enum qr_kind kind;
    char payload[1024];
    char label[160];    /* the number, address or person it carries */
    char id[UI_ID_LEN]; /* the button that chose it */
};

/* Phone, e-mail and web lines (empty ones left out). */
int panel_contact_lines(struct app *a, int x, int y, int w, const char *phone, const char *email,
                        const char *web);
/* Contact-person cards, each with a "QR code" button "qr:contact:N". */
int panel_people(struct app *a, int x, int y, int w, const struct catalog_contact *v, size_t n,
                 const struct qr_choice *chosen);
/* The QR card. */
int panel_qr(struct app *a, int x, int y, int w, const struct qr_choice *q);

void panel_qr_tel(struct qr_choice *q, const char *phone, const char *id);
void panel_qr_web(struct qr_choice *q, const char *url, const char *id);
void panel_qr_person(struct qr_choice *q, const struct catalog_contact *c, const char *id);
/* If id is "qr:contact:N", chooses contact N's card (when it exists) and
 * returns true; other ids return false and change nothing. */
bool panel_qr_contact_action(struct qr_choice *q, const struct catalog_contact *contacts, size_t n,
                             const char *id);

#endif
