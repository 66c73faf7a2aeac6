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

/* Where a detail screen's QR card takes its code from: the phone number
 * (button tel_id), the website ("qr:web") or a contact person
 * ("qr:contact:N"). */
struct qr_sources {
    const char *tel_id;
    const char *phone, *website;
    const struct catalog_contact *contacts;
    size_t ncontacts;
};
/* The card shown first: the phone, else the first contact person, else the
 * website (none if there is nothing to offer). */
void panel_qr_default(struct qr_choice *q, const struct qr_sources *src);
/* A QR button's id chooses the card's code and returns true; other ids
 * return false and change nothing. */
bool panel_qr_choose(struct qr_choice *q, const struct qr_sources *src, const char *id);
/* The buttons under the QR card, in one row: phone and website (those that
 * exist, the one shown marked), then print_id's print button if the row has
 * room for it, else on a row of its own. */
int panel_qr_buttons(struct app *a, int x, int y, int w, const struct qr_choice *q,
                     const struct qr_sources *src, const char *print_id);
/* "print:contact:N" with N < n gives N; print_id gives -1 (the whole
 * card); other ids give -2. */
int panel_print_choice(const char *id, const char *print_id, size_t n);

#endif
