/* strings: every text the kiosk itself shows, in Finnish, Swedish and
 * English (and Arabic for the navigation), with date and time formats per
 * language. Content texts come from the snapshot; these are the labels
 * around them. One table so that it can move to gettext .po files: the
 * second column is the msgid-like key, the English column the source text.
 * A missing translation (NULL) falls back to English. */
#ifndef AULA_UI_STRINGS_H
#define AULA_UI_STRINGS_H

#include <stddef.h>
#include <stdint.h>

/* X(id, key, fi, sv, en, ar) */
#define STR_LIST(X)                                                                                \
    X(S_WHAT_LOOKING, "home.heading", "Mitä etsit?", "Vad söker du?", "What are you looking for?", \
      "عمّ تبحث؟")                                                                                  \
    X(S_ALL_SERVICES, "nav.services", "Kaikki palvelut", "Alla tjänster", "All services",          \
      "كل الخدمات")                                                                                \
    X(S_ORGS, "nav.orgs", "Järjestöt ja toimijat", "Organisationer", "Organisations", "المنظمات")  \
    X(S_CALENDAR, "nav.calendar", "Viikon ohjelma", "Veckans program", "This week",                \
      "برنامج الأسبوع")                                                                            \
    X(S_TODAY, "home.today", "Tänään", "I dag", "Today", "اليوم")                                  \
    X(S_NOW, "home.now", "Nyt", "Nu", "Now", "الآن")                                               \
    X(S_NOTHING_TODAY, "home.nothing", "Tänään ei ole enää ohjelmaa.", "Inget mer program i dag.", \
      "Nothing more on today.", "لا توجد أنشطة أخرى اليوم.")                                       \
    X(S_SEE_WEEK, "home.week", "Koko viikon ohjelma", "Hela veckans program", "The whole week",    \
      "برنامج الأسبوع كله")                                                                        \
    X(S_BACK, "nav.back", "Takaisin", "Tillbaka", "Back", "رجوع")                                  \
    X(S_HOME, "nav.home", "Alkuun", "Till början", "Home", "الرئيسية")                             \
    X(S_WEEK_N, "cal.week", "Viikko %d", "Vecka %d", "Week %d", "الأسبوع %d")                      \
    X(S_PREV_WEEK, "cal.prev", "Edellinen", "Föregående", "Previous", "السابق")                    \
    X(S_NEXT_WEEK, "cal.next", "Seuraava", "Nästa", "Next", "التالي")                              \
    X(S_TO_TODAY, "cal.today", "Tämä viikko", "Den här veckan", "This week", "هذا الأسبوع")        \
    X(S_CANCELLED, "cal.cancelled", "Peruttu", "Inställt", "Cancelled", "ملغى")                    \
    X(S_MOVED, "cal.moved", "Muutos", "Ändrat", "Changed", "تغيير")                                \
    X(S_NO_EVENTS, "cal.none", "Ei ohjelmaa", "Inget program", "Nothing on", "لا أنشطة")           \
    X(S_ALL_DAY, "cal.allday", "Koko päivän", "Hela dagen", "All day", "طوال اليوم")               \
    X(S_OUTSIDE_WINDOW, "cal.window", "Tämän viikon ohjelmaa ei ole vielä tiedossa.",              \
      "Programmet för den här veckan är inte känt ännu.",                                          \
      "The programme for this week is not known yet.", NULL)                                       \
    X(S_PREV_DAY, "cal.prev_day", "Edellinen päivä", "Föregående dag", "Previous day", NULL)      \
    X(S_NEXT_DAY, "cal.next_day", "Seuraava päivä", "Nästa dag", "Next day", NULL)                \
    X(S_FILTER_AGE, "cal.filter.age", "Ikä", "Ålder", "Age", NULL)                                 \
    X(S_FILTER_CAT, "cal.filter.category", "Aihe", "Ämne", "Topic", NULL)                          \
    X(S_FILTER_LANG, "cal.filter.language", "Kieli", "Språk", "Language", NULL)                    \
    X(S_FILTER_ALL, "cal.filter.all", "Kaikki", "Alla", "All", NULL)                               \
    X(S_FILTER_CLEAR, "cal.filter.clear", "Näytä kaikki", "Visa allt", "Show all", NULL)           \
    X(S_FILTER_HIDDEN, "cal.filter.hidden", "Valinnat piilottavat: %s", "Dolda av valen: %s",      \
      "Hidden by your choices: %s", NULL)                                                          \
    X(S_QUICK_EXIT, "nav.quick_exit", "Sulje", "Stäng", "Close", NULL)                             \
    X(S_OPEN_NOW, "hours.open", "Auki nyt", "Öppet nu", "Open now", "مفتوح الآن")                  \
    X(S_CLOSED, "hours.closed", "Suljettu", "Stängt", "Closed", "مغلق")                            \
    X(S_CLOSES_AT, "hours.closes", "sulkeutuu klo %s", "stänger kl. %s", "closes at %s", NULL)     \
    X(S_CLOSES_TOMORROW, "hours.closes_tomorrow", "sulkeutuu huomenna klo %s",                     \
      "stänger i morgon kl. %s", "closes tomorrow at %s", NULL)                                    \
    X(S_OPENS_TODAY, "hours.opens_today", "avautuu tänään klo %s", "öppnar i dag kl. %s",          \
      "opens today at %s", NULL)                                                                   \
    X(S_OPENS_TOMORROW, "hours.opens_tomorrow", "avautuu huomenna klo %s",                         \
      "öppnar i morgon kl. %s", "opens tomorrow at %s", NULL)                                      \
    X(S_OPENS_ON, "hours.opens_on", "avautuu %s klo %s", "öppnar %s kl. %s", "opens %s at %s",     \
      NULL)                                                                                        \
    X(S_HOURS, "detail.hours", "Aukioloajat", "Öppettider", "Opening hours", "ساعات العمل")        \
    X(S_WHERE, "detail.where", "Missä", "Var", "Where", "أين")                                     \
    X(S_FOR_WHOM, "detail.for", "Kenelle", "För vem", "For whom", "لمن")                           \
    X(S_LANGUAGES, "detail.languages", "Palvelukielet", "Tjänstespråk", "Languages offered",       \
      "اللغات")                                                                                    \
    X(S_SPEAKS, "detail.speaks", "Puhuu", "Talar", "Speaks", NULL)                                 \
    X(S_PROVIDER, "detail.provider", "Järjestäjä", "Arrangör", "Provided by", NULL)                \
    X(S_CONTACTS, "detail.contacts", "Yhteyshenkilöt", "Kontaktpersoner", "Contact persons",       \
      "جهات الاتصال")                                                                              \
    X(S_CONTACT, "detail.contact", "Yhteystiedot", "Kontaktuppgifter", "Contact details", NULL)    \
    X(S_UPCOMING, "detail.upcoming", "Tulossa", "På gång", "Coming up", NULL)                      \
    X(S_SERVICES, "detail.services", "Palvelut", "Tjänster", "Services", "الخدمات")                \
    X(S_QR_CALL, "qr.call", "Soita: skannaa puhelimella", "Ring: skanna med telefonen",            \
      "Call: scan with your phone", NULL)                                                          \
    X(S_QR_SAVE, "qr.save", "Tallenna yhteystieto: skannaa puhelimella",                           \
      "Spara kontakten: skanna med telefonen", "Save the contact: scan with your phone", NULL)     \
    X(S_QR_WEB, "qr.web", "Avaa verkkosivu: skannaa puhelimella",                                  \
      "Öppna webbsidan: skanna med telefonen", "Open the web page: scan with your phone", NULL)    \
    X(S_QR_SHOW, "qr.show", "QR-koodi", "QR-kod", "QR code", NULL)                                 \
    X(S_STEP_FREE, "acc.step_free", "Esteetön sisäänkäynti", "Steglös entré",                      \
      "Step-free entrance", NULL)                                                                  \
    X(S_ACC_TOILET, "acc.toilet", "Esteetön WC", "Tillgänglig toalett", "Accessible toilet", NULL) \
    X(S_LOOP, "acc.loop", "Induktiosilmukka", "Hörslinga", "Induction loop", NULL)                 \
    X(S_STROLLER, "acc.stroller", "Vaunuparkki", "Barnvagnsparkering", "Pram parking", NULL)       \
    X(S_CHANGING, "acc.changing", "Hoitopöytä", "Skötbord", "Changing table", NULL)                \
    X(S_N_SERVICES, "list.count", "%d palvelua", "%d tjänster", "%d services", NULL)               \
    X(S_ONE_SERVICE, "list.count1", "%d palvelu", "%d tjänst", "%d service", NULL)                 \
    X(S_EMPTY_LIST, "list.empty", "Täällä ei ole vielä mitään.", "Här finns ännu ingenting.",      \
      "Nothing here yet.", NULL)                                                                   \
    X(S_KIND_PUBLIC, "org.public", "Julkinen palvelu", "Offentlig tjänst", "Public service", NULL) \
    X(S_KIND_NGO, "org.ngo", "Järjestö", "Förening", "Association", NULL)                          \
    X(S_KIND_PARISH, "org.parish", "Seurakunta", "Församling", "Parish", NULL)                     \
    X(S_KIND_COMPANY, "org.company", "Yritys", "Företag", "Company", NULL)                         \
    X(S_KIND_OTHER, "org.other", "Muu toimija", "Annan aktör", "Other", NULL)                      \
    X(S_PHONE, "contact.phone", "Puhelin", "Telefon", "Phone", NULL)                               \
    X(S_EMAIL, "contact.email", "Sähköposti", "E-post", "Email", NULL)                             \
    X(S_WEB, "contact.web", "Verkkosivu", "Webbsida", "Website", NULL)                             \
    X(S_STALE, "notice.stale", "Ohjelmatiedot ovat vanhentuneet. Henkilökunta: päivitä sisältö.",  \
      "Programuppgifterna är föråldrade. Personal: uppdatera innehållet.",                         \
      "The programme is out of date. Staff: please update the content.", NULL)                     \
    X(S_CLOCK_BEHIND, "notice.clock", "Laitteen kello on väärässä. Henkilökunta: tarkista kello.", \
      "Enhetens klocka går fel. Personal: kontrollera klockan.",                                   \
      "The device clock is wrong. Staff: please check it.", NULL)                                  \
    X(S_SEARCH, "nav.search", "Hae", "Sök", "Search", "بحث")                                       \
    X(S_SEARCH_TITLE, "search.title", "Haku", "Sökning", "Search", "البحث")                        \
    X(S_SEARCH_PLACEHOLDER, "search.placeholder", "Kirjoita hakusana", "Skriv ett sökord",         \
      "Type a word", "اكتب كلمة")                                                                  \
    X(S_SEARCH_START, "search.start",                                                              \
      "Kirjoita palvelun, järjestön, ihmisen tai ryhmän nimi. Tulokset näkyvät heti.",             \
      "Skriv namnet på en tjänst, organisation, person eller grupp. Resultaten syns direkt.",      \
      "Type the name of a service, an organisation, a person or a group. Results show at once.",   \
      "اكتب اسم خدمة أو منظمة أو شخص أو مجموعة. تظهر النتائج فوراً.")                               \
    X(S_SEARCH_NONE, "search.none", "Haulla ”%s” ei löytynyt mitään.", "Inget hittades för ”%s”.", \
      "Nothing found for “%s”.", "لم يتم العثور على شيء لـ «%s».")                                 \
    X(S_SEARCH_NONE_HINT, "search.none_hint",                                                      \
      "Kokeile lyhyempää sanaa tai pelkkää sanan alkua, tai selaa palveluita aiheittain.",         \
      "Försök med ett kortare ord eller bara början av ordet, eller bläddra bland tjänsterna.",    \
      "Try a shorter word or just its beginning, or browse the services by topic.",                \
      "جرّب كلمة أقصر أو بداية الكلمة فقط، أو تصفح الخدمات حسب الموضوع.")                           \
    X(S_SEARCH_MORE, "search.more", "Näytetään %d ensimmäistä. Kirjoita lisää tarkentaaksesi.",    \
      "Visar de %d första. Skriv mer för att begränsa.",                                           \
      "Showing the first %d. Type more to narrow it down.", NULL)                                  \
    X(S_HIT_SERVICE, "search.kind.service", "Palvelu", "Tjänst", "Service", "خدمة")                \
    X(S_HIT_ORG, "search.kind.org", "Järjestö tai toimija", "Organisation", "Organisation",        \
      "منظمة")                                                                                     \
    X(S_HIT_CONTACT, "search.kind.contact", "Yhteyshenkilö", "Kontaktperson", "Contact person",    \
      "شخص للتواصل")                                                                               \
    X(S_HIT_ACTIVITY, "search.kind.activity", "Toiminta", "Verksamhet", "Activity", "نشاط")        \
    X(S_KB_SPACE, "keyboard.space", "välilyönti", "mellanslag", "space", "مسافة")                  \
    X(S_KB_CLEAR, "keyboard.clear", "Tyhjennä", "Töm", "Clear", "مسح")                             \
    X(S_IDLE, "notice.idle", "Palataan alkuun %d sekunnin kuluttua. Kosketa jatkaaksesi.",         \
      "Tillbaka till början om %d sekunder. Tryck för att fortsätta.",                             \
      "Going back to the start in %d seconds. Touch to continue.", NULL)

enum str_id {
#define STR_ENUM(id, key, fi, sv, en, ar) id,
    STR_LIST(STR_ENUM)
#undef STR_ENUM
        STR_COUNT
};

/* Fills a translated template: its first and second conversion (%s or %d)
 * become a1 and a2 (numbers are passed as text). */
void str_fill(char *buf, size_t cap, const char *tmpl, const char *a1, const char *a2);
/* The text of id in lang (fi, sv, en, ar; anything else: English). */
const char *str_get(const char *lang, enum str_id id);
/* The msgid-like key of id ("nav.back"). */
const char *str_key(enum str_id id);
/* Weekday names, ISO 1..7. */
const char *str_weekday_short(const char *lang, int weekday);
const char *str_weekday_long(const char *lang, int weekday);
/* "9.30" (fi, sv) or "9:30"; 1440 is "24.00". */
void str_time(const char *lang, int minutes, char *buf, size_t cap);
/* "9.30–11.30" */
void str_time_range(const char *lang, int from, int to, char *buf, size_t cap);
/* "ti 24.11." / "Tue 24 Nov" for days since 1970. */
void str_date_short(const char *lang, int64_t day, char *buf, size_t cap);
/* "tiistai 24.11.2026" / "Tuesday 24 November 2026". */
void str_date_long(const char *lang, int64_t day, char *buf, size_t cap);
/* "23.–29.11.2026" / "23–29 Nov 2026". */
void str_date_range(const char *lang, int64_t from, int64_t to, char *buf, size_t cap);

#endif
