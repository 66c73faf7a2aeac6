/* slipfill: slips from view models; see slipfill.h. The words around the
 * content are looked up by key through the caller's text function; only
 * their English source texts live here. */
#include "print/slipfill.h"
#include "qr/qr.h"
#include "base/civil.h"
#include "base/xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum word {
    W_PHONE,
    W_EMAIL,
    W_ADDRESS,
    W_HOURS,
    W_PRINTED,
    W_CLOSED,
    W_QR_CALL,
    W_QR_SAVE,
    W_QR_WEB,
    W_COUNT
};

/* key and English source text; translations live in the kiosk's screen
 * texts (assets/po/<lang>.po, msgctxt = key). */
static const char *const words[W_COUNT][2] = {
    [W_PHONE] = {"contact.phone", "Phone"},
    [W_EMAIL] = {"contact.email", "Email"},
    [W_ADDRESS] = {"slip.address", "Address"},
    [W_HOURS] = {"detail.hours", "Opening hours"},
    [W_PRINTED] = {"slip.printed", "Printed %s"},
    [W_CLOSED] = {"hours.closed", "Closed"},
    [W_QR_CALL] = {"qr.call", "Call: scan with your phone"},
    [W_QR_SAVE] = {"qr.save", "Save the contact: scan with your phone"},
    [W_QR_WEB] = {"qr.web", "Open the web page: scan with your phone"},
};

static const char *const weekdays_en[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

/* Index of the language's way of writing times and dates: fi, sv, en, ar. */
static int lang_index(const char *lang)
{
    static const char *const codes[] = {"fi", "sv", "en", "ar"};
    for (int i = 0; i < 4; i++)
        if (lang && strcmp(lang, codes[i]) == 0)
            return i;
    return 2;
}

static const char *lookup(const struct slipfill_ctx *c, const char *key)
{
    const char *t = c->text ? c->text(c->lang, key) : NULL;
    return t && t[0] ? t : NULL;
}

static const char *word(const struct slipfill_ctx *c, enum word w)
{
    const char *t = lookup(c, words[w][0]);
    return t ? t : words[w][1];
}

/* Short weekday name, ISO 1..7. */
static const char *weekday(const struct slipfill_ctx *c, int wd)
{
    char key[16];
    snprintf(key, sizeof(key), "weekday.%d", wd);
    const char *t = lookup(c, key);
    return t ? t : weekdays_en[(wd - 1 + 7) % 7];
}

const char *slipfill_source_text(const char *key)
{
    for (int i = 0; key && i < W_COUNT; i++)
        if (strcmp(words[i][0], key) == 0)
            return words[i][1];
    return NULL;
}

static const char *keep(struct slip_text *t, char *s)
{
    if (t->nowned == SLIPFILL_MAX_OWNED) {
        free(s);
        return "";
    }
    t->owned[t->nowned++] = s;
    return s;
}

__attribute__((format(printf, 2, 3))) static const char *keepf(struct slip_text *t, const char *fmt,
                                                               ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    return keep(t, xstrdup(buf));
}

static const char *str(const char *s)
{
    return s ? s : "";
}

/* "8.00" (fi, sv) or "8:00". */
static void clock_text(const struct slipfill_ctx *c, int minutes, char *buf, size_t cap)
{
    int li = lang_index(c->lang);
    snprintf(buf, cap, "%d%s%02d", minutes / 60, li <= 1 ? "." : ":", minutes % 60);
}

static const char *list_sep(const struct slipfill_ctx *c)
{
    return lang_index(c->lang) == 3 ? "\u060c " : ", "; /* Arabic comma */
}

/* "24.12." (fi, sv), "24 Dec" (en), "24/12" (ar). */
static void day_month(const struct slipfill_ctx *c, int day, int month, char *buf, size_t cap)
{
    static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    int li = lang_index(c->lang);
    if (li == 2)
        snprintf(buf, cap, "%d %s", day, mon[(month - 1) % 12]);
    else if (li == 3)
        snprintf(buf, cap, "%d/%d", day, month);
    else
        snprintf(buf, cap, "%d.%d.", day, month);
}

/* The periods of one weekday as "8.00–12.00, 13.00–16.00"; "" if closed. */
static void day_periods(const struct slipfill_ctx *c, const struct hours *h, int wd, char *buf,
                        size_t cap)
{
    size_t k = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < h->nweekly && k < cap; i++) {
        if (h->weekly[i].weekday != wd)
            continue;
        char a[16], b[16];
        clock_text(c, h->weekly[i].opens, a, sizeof(a));
        clock_text(c, h->weekly[i].closes, b, sizeof(b));
        k += (size_t)snprintf(buf + k, cap - k, "%s%s\u2013%s", k ? list_sep(c) : "", a, b);
    }
}

/* Weekly hours with equal days grouped ("ma–to 8.00–16.00"), then the
 * exceptions of the coming two weeks ("ke 24.12. suljettu"). */
static void fill_hours(struct slip_text *t, const struct hours *h, const struct slipfill_ctx *c)
{
    struct slip *s = &t->slip;
    char per[7][160];
    for (int d = 0; d < 7; d++)
        day_periods(c, h, d + 1, per[d], sizeof(per[d]));
    for (int d = 0; d < 7 && s->nhours < SLIP_MAX_HOURS;) {
        int e = d;
        while (e + 1 < 7 && strcmp(per[e + 1], per[d]) == 0)
            e++;
        if (per[d][0]) {
            if (e > d)
                s->hours[s->nhours++] =
                    keepf(t, "%s\u2013%s %s", weekday(c, d + 1), weekday(c, e + 1), per[d]);
            else
                s->hours[s->nhours++] = keepf(t, "%s %s", weekday(c, d + 1), per[d]);
        }
        d = e + 1;
    }
    for (size_t i = 0; i < h->nexc && s->nhours < SLIP_MAX_HOURS; i++) {
        const struct hours_exception *x = &h->exc[i];
        if (x->day < c->today || x->day >= c->today + 14)
            continue;
        struct civil_date cd = civil_from_days(x->day);
        int w = civil_weekday(cd.year, cd.month, cd.day);
        char when[160];
        if (x->closed) {
            snprintf(when, sizeof(when), "%s", word(c, W_CLOSED));
        } else {
            char a[16], b[16];
            clock_text(c, x->opens, a, sizeof(a));
            clock_text(c, x->closes, b, sizeof(b));
            snprintf(when, sizeof(when), "%s\u2013%s", a, b);
        }
        char dm[32];
        day_month(c, cd.day, cd.month, dm, sizeof(dm));
        /* A note only in another language would break a right-to-left line. */
        bool note = x->note.s && x->note.s[0] && !x->note.other;
        s->hours[s->nhours++] = keepf(t, "%s %s %s%s%s", weekday(c, w), dm, when,
                                      note ? " \u00b7 " : "", note ? x->note.s : "");
    }
}

static void fill_common(struct slip_text *t, const struct slipfill_ctx *c)
{
    memset(t, 0, sizeof(*t));
    struct slip *s = &t->slip;
    s->rtl = c->rtl;
    s->place = str(c->place);
    s->phone_label = word(c, W_PHONE);
    s->email_label = word(c, W_EMAIL);
    s->address_label = word(c, W_ADDRESS);
    s->hours_label = word(c, W_HOURS);
    struct civil_date d = civil_from_days(c->today);
    char date[16];
    snprintf(date, sizeof(date), "%d.%d.%04d", d.day, d.month, d.year);
    char tmpl[128];
    snprintf(tmpl, sizeof(tmpl), "%s", word(c, W_PRINTED));
    char *pct = strstr(tmpl, "%s");
    s->date =
        pct ? keepf(t, "%.*s%s%s", (int)(pct - tmpl), tmpl, date, pct + 2) : keepf(t, "%s", date);
}

/* The QR code: the person's vCard, else tel:, else the web address. */
static void fill_qr(struct slip_text *t, const struct catalog_contact *p, const char *org,
                    const char *phone, const char *web, const struct slipfill_ctx *c)
{
    struct slip *s = &t->slip;
    char tel[64];
    if (p) {
        struct qr_contact qc = {p->name, p->title.s, org, p->phone, p->email};
        char *card = qr_vcard(&qc);
        if (card) {
            s->qr_payload = keep(t, card);
            s->qr_caption = word(c, W_QR_SAVE);
            return;
        }
    }
    if (phone && phone[0] && qr_tel_uri(phone, tel, sizeof(tel))) {
        s->qr_payload = keepf(t, "%s", tel);
        s->qr_caption = word(c, W_QR_CALL);
    } else if (web && web[0]) {
        s->qr_payload = keepf(t, "%s", web);
        s->qr_caption = word(c, W_QR_WEB);
    }
}

static void fill_person(struct slip_text *t, const struct catalog_contact *p)
{
    t->slip.person = str(p->name);
    t->slip.person_title = str(p->title.s);
}

void slipfill_service(struct slip_text *out, const struct catalog_service *s, int contact,
                      const struct slipfill_ctx *ctx)
{
    fill_common(out, ctx);
    struct slip *sl = &out->slip;
    sl->title = str(s->name.s);
    sl->subtitle = str(s->org_name.s);
    const struct catalog_contact *p =
        contact >= 0 && (size_t)contact < s->ncontacts ? &s->contacts[contact] : NULL;
    if (p)
        fill_person(out, p);
    sl->phone = p && p->phone && p->phone[0] ? p->phone : str(s->phone);
    sl->email = p && p->email && p->email[0] ? p->email : str(s->email);
    if (s->nlocs) {
        const struct catalog_location *l = &s->locs[0];
        if (str(l->street)[0] || str(l->city)[0])
            sl->address =
                keepf(out, "%s%s%s%s%s", str(l->street), str(l->street)[0] ? ", " : "",
                      str(l->postal_code), str(l->postal_code)[0] ? " " : "", str(l->city));
    }
    fill_hours(out, &s->hours, ctx);
    fill_qr(out, p, s->org_name.s, s->phone, s->website, ctx);
}

void slipfill_org(struct slip_text *out, const struct catalog_org *o, int contact,
                  const struct slipfill_ctx *ctx)
{
    fill_common(out, ctx);
    struct slip *sl = &out->slip;
    sl->title = str(o->name.s);
    const struct catalog_contact *p =
        contact >= 0 && (size_t)contact < o->ncontacts ? &o->contacts[contact] : NULL;
    if (p)
        fill_person(out, p);
    sl->phone = p && p->phone && p->phone[0] ? p->phone : str(o->phone);
    sl->email = p && p->email && p->email[0] ? p->email : str(o->email);
    fill_qr(out, p, o->name.s, o->phone, o->website, ctx);
}

void slipfill_free(struct slip_text *t)
{
    for (size_t i = 0; i < t->nowned; i++)
        free(t->owned[i]);
    memset(t, 0, sizeof(*t));
}
