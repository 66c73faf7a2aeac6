/* strings: the ids of every text the kiosk itself shows, and date and time
 * formats per language. Content texts come from the snapshot; these are the
 * labels around them. The texts themselves live in gettext files,
 * assets/po/<lang>.po (msgctxt = the key below, msgid = the English source),
 * compiled into the program at build time by aula-po2c. The snapshot's
 * ui_string table can override or add translations (str_use_content). A
 * missing translation falls back to English. */
#ifndef AULA_UI_STRINGS_H
#define AULA_UI_STRINGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* X(id, key): key is the msgctxt of the text in assets/po/<lang>.po. */
#define STR_LIST(X)                                                                                \
    X(S_WHAT_LOOKING, "home.heading")                                                              \
    X(S_ALL_SERVICES, "nav.services")                                                              \
    X(S_ORGS, "nav.orgs")                                                                          \
    X(S_CALENDAR, "nav.calendar")                                                                  \
    X(S_TODAY, "home.today")                                                                       \
    X(S_NOW, "home.now")                                                                           \
    X(S_NOTHING_TODAY, "home.nothing")                                                             \
    X(S_SEE_WEEK, "home.week")                                                                     \
    X(S_BACK, "nav.back")                                                                          \
    X(S_HOME, "nav.home")                                                                          \
    X(S_WEEK_N, "cal.week")                                                                        \
    X(S_PREV_WEEK, "cal.prev")                                                                     \
    X(S_NEXT_WEEK, "cal.next")                                                                     \
    X(S_TO_TODAY, "cal.today")                                                                     \
    X(S_CANCELLED, "cal.cancelled")                                                                \
    X(S_MOVED, "cal.moved")                                                                        \
    X(S_NO_EVENTS, "cal.none")                                                                     \
    X(S_ALL_DAY, "cal.allday")                                                                     \
    X(S_OUTSIDE_WINDOW, "cal.window")                                                              \
    X(S_PREV_DAY, "cal.prev_day")                                                                  \
    X(S_NEXT_DAY, "cal.next_day")                                                                  \
    X(S_FILTER_AGE, "cal.filter.age")                                                              \
    X(S_FILTER_CAT, "cal.filter.category")                                                         \
    X(S_FILTER_LANG, "cal.filter.language")                                                        \
    X(S_FILTER_ALL, "cal.filter.all")                                                              \
    X(S_FILTER_CLEAR, "cal.filter.clear")                                                          \
    X(S_FILTER_HIDDEN, "cal.filter.hidden")                                                        \
    X(S_QUICK_EXIT, "nav.quick_exit")                                                              \
    X(S_OPEN_NOW, "hours.open")                                                                    \
    X(S_CLOSED, "hours.closed")                                                                    \
    X(S_CLOSES_AT, "hours.closes")                                                                 \
    X(S_CLOSES_TOMORROW, "hours.closes_tomorrow")                                                  \
    X(S_OPENS_TODAY, "hours.opens_today")                                                          \
    X(S_OPENS_TOMORROW, "hours.opens_tomorrow")                                                    \
    X(S_OPENS_ON, "hours.opens_on")                                                                \
    X(S_HOURS, "detail.hours")                                                                     \
    X(S_WHERE, "detail.where")                                                                     \
    X(S_FOR_WHOM, "detail.for")                                                                    \
    X(S_LANGUAGES, "detail.languages")                                                             \
    X(S_SPEAKS, "detail.speaks")                                                                   \
    X(S_PROVIDER, "detail.provider")                                                               \
    X(S_CONTACTS, "detail.contacts")                                                               \
    X(S_CONTACT, "detail.contact")                                                                 \
    X(S_UPCOMING, "detail.upcoming")                                                               \
    X(S_SERVICES, "detail.services")                                                               \
    X(S_QR_CALL, "qr.call")                                                                        \
    X(S_QR_SAVE, "qr.save")                                                                        \
    X(S_QR_WEB, "qr.web")                                                                          \
    X(S_QR_SHOW, "qr.show")                                                                        \
    /* print and banner */                                                                         \
    X(S_PRINT, "print.button")                                                                     \
    X(S_PRINT_QUEUED, "print.queued")                                                              \
    X(S_PRINT_OK, "print.ok")                                                                      \
    X(S_PRINT_BUSY, "print.busy")                                                                  \
    X(S_PRINT_DISABLED, "print.disabled")                                                          \
    X(S_PRINT_CAP, "print.cap")                                                                    \
    X(S_PRINT_MISSING, "print.missing")                                                            \
    X(S_PRINT_OFFLINE, "print.offline")                                                            \
    X(S_PRINT_NO_PAPER, "print.no_paper")                                                          \
    X(S_PRINT_REFUSED, "print.refused")                                                            \
    X(S_PRINT_TIMEOUT, "print.timeout")                                                            \
    X(S_PRINT_FAILED, "print.failed")                                                              \
    X(S_PRINT_TEST, "print.test")                                                                  \
    X(S_SLIP_ADDRESS, "slip.address")                                                              \
    X(S_SLIP_PRINTED, "slip.printed")                                                              \
    X(S_BANNER_UPDATED, "banner.updated")                                                          \
    X(S_BANNER_ROLLED_BACK, "banner.rolled_back")                                                  \
    X(S_BANNER_UNTRUSTED, "banner.untrusted")                                                      \
    X(S_BANNER_MISMATCH, "banner.mismatch")                                                        \
    X(S_BANNER_DAMAGED, "banner.damaged")                                                          \
    X(S_BANNER_OLDER, "banner.older")                                                              \
    X(S_BANNER_EXPIRED, "banner.expired")                                                          \
    X(S_BANNER_EARLY, "banner.early")                                                              \
    X(S_BANNER_SITE, "banner.site")                                                                \
    X(S_BANNER_SIZE, "banner.size")                                                                \
    X(S_BANNER_NOTFOUND, "banner.notfound")                                                        \
    X(S_BANNER_DISK, "banner.disk")                                                                \
    X(S_BANNER_DOWNLOAD, "banner.download")                                                        \
    X(S_STEP_FREE, "acc.step_free")                                                                \
    X(S_ACC_TOILET, "acc.toilet")                                                                  \
    X(S_LOOP, "acc.loop")                                                                          \
    X(S_STROLLER, "acc.stroller")                                                                  \
    X(S_CHANGING, "acc.changing")                                                                  \
    X(S_N_SERVICES, "list.count")                                                                  \
    X(S_ONE_SERVICE, "list.count1")                                                                \
    X(S_EMPTY_LIST, "list.empty")                                                                  \
    X(S_KIND_PUBLIC, "org.public")                                                                 \
    X(S_KIND_NGO, "org.ngo")                                                                       \
    X(S_KIND_PARISH, "org.parish")                                                                 \
    X(S_KIND_COMPANY, "org.company")                                                               \
    X(S_KIND_OTHER, "org.other")                                                                   \
    X(S_PHONE, "contact.phone")                                                                    \
    X(S_EMAIL, "contact.email")                                                                    \
    X(S_WEB, "contact.web")                                                                        \
    /* staff */                                                                                    \
    X(S_STAFF_TITLE, "staff.title")                                                                \
    X(S_STAFF_PIN_PROMPT, "staff.pin.prompt")                                                      \
    X(S_STAFF_PIN_WRONG, "staff.pin.wrong")                                                        \
    X(S_STAFF_PIN_LOCKED, "staff.pin.locked")                                                      \
    X(S_STAFF_PIN_CHECKING, "staff.pin.checking")                                                  \
    X(S_STAFF_PIN_OK, "staff.pin.ok")                                                              \
    X(S_STAFF_CANCEL, "staff.cancel")                                                              \
    X(S_STAFF_CONTENT, "staff.content")                                                            \
    X(S_STAFF_CONTENT_VALUE, "staff.content.value")                                                \
    X(S_STAFF_BUILT, "staff.content.built")                                                        \
    X(S_STAFF_NO_CONTENT, "staff.content.none")                                                    \
    X(S_STAFF_VALID, "staff.valid")                                                                \
    X(S_STAFF_DAYS_LEFT, "staff.valid.left")                                                       \
    X(S_STAFF_LAST_DAY, "staff.valid.last")                                                        \
    X(S_STAFF_EXPIRED, "staff.valid.expired")                                                      \
    X(S_STAFF_SYNC, "staff.sync")                                                                  \
    X(S_STAFF_SYNC_NEVER, "staff.sync.never")                                                      \
    X(S_STAFF_SYNC_UNREADABLE, "staff.sync.unreadable")                                            \
    X(S_STAFF_RES_INSTALLED, "staff.sync.installed")                                               \
    X(S_STAFF_RES_UNCHANGED, "staff.sync.unchanged")                                               \
    X(S_STAFF_RES_ROLLED, "staff.sync.rolled_back")                                                \
    X(S_STAFF_RES_REFUSED, "staff.sync.refused")                                                   \
    X(S_STAFF_RES_FAILED, "staff.sync.failed")                                                     \
    X(S_STAFF_DISK, "staff.disk")                                                                  \
    X(S_STAFF_DISK_VALUE, "staff.disk.value")                                                      \
    X(S_STAFF_UPTIME, "staff.uptime")                                                              \
    X(S_STAFF_UPTIME_VALUE, "staff.uptime.value")                                                  \
    X(S_STAFF_DUR_DAYS, "staff.dur.days")                                                          \
    X(S_STAFF_DUR_HOURS, "staff.dur.hours")                                                        \
    X(S_STAFF_DUR_MIN, "staff.dur.min")                                                            \
    X(S_STAFF_UNKNOWN, "staff.unknown")                                                            \
    X(S_STAFF_VERSION, "staff.version")                                                            \
    X(S_STAFF_PRINTER, "staff.printer")                                                            \
    X(S_STAFF_NO_PRINTER, "staff.printer.none")                                                    \
    X(S_STAFF_PRINTER_OFF, "staff.printer.off")                                                    \
    X(S_STAFF_PRINTER_ON, "staff.printer.on")                                                      \
    X(S_STAFF_PRINTER_LEFT, "staff.printer.left")                                                  \
    X(S_STAFF_USAGE, "staff.usage")                                                                \
    X(S_STAFF_COUNTERS_OFF, "staff.usage.off")                                                     \
    X(S_STAFF_USAGE_VALUE, "staff.usage.value")                                                    \
    X(S_STAFF_USAGE_MORE, "staff.usage.more")                                                      \
    X(S_STAFF_RELOAD, "staff.reload")                                                              \
    X(S_STAFF_RELOADED, "staff.reloaded")                                                          \
    X(S_STAFF_RELOAD_SAME, "staff.reload.same")                                                    \
    X(S_STAFF_RELOAD_REFUSED, "staff.reload.refused")                                              \
    X(S_STAFF_PRINT_TEST, "staff.print_test")                                                      \
    X(S_STAFF_PRINT_SENT, "staff.print_sent")                                                      \
    X(S_STAFF_RESTART, "staff.restart")                                                            \
    X(S_STAFF_LEAVE, "staff.leave")                                                                \
    /* staff actions */                                                                            \
    X(S_STAFF_CHECK, "staff.check")                                                                \
    X(S_STAFF_CHECK_TAP, "staff.check.tap")                                                        \
    X(S_STAFF_CHECK_OFFSET, "staff.check.offset")                                                  \
    X(S_STAFF_CHECK_OK, "staff.check.ok")                                                          \
    X(S_STAFF_CHECK_BAD, "staff.check.bad")                                                        \
    X(S_STAFF_CHECK_AGAIN, "staff.check.again")                                                    \
    X(S_STAFF_MAINT, "staff.maint")                                                                \
    X(S_STAFF_MAINT_END, "staff.maint.end")                                                        \
    X(S_MAINT_NOTICE, "maint.notice")                                                              \
    X(S_STAFF_SUMMARY, "staff.summary")                                                            \
    X(S_STAFF_SUMMARY_NONE, "staff.summary.none")                                                  \
    /* staff menu: USB install, statistics to USB, roll back */                                    \
    X(S_STAFF_USB_INSTALL, "staff.usb.install")                                                    \
    X(S_STAFF_USB_STATS, "staff.usb.stats")                                                        \
    X(S_STAFF_ROLLBACK, "staff.rollback")                                                          \
    X(S_STAFF_ROLLBACK_CONFIRM, "staff.rollback.confirm")                                          \
    X(S_STAFF_ROLLBACK_ASK, "staff.rollback.ask")                                                  \
    X(S_STAFF_REQ_INSTALLING, "staff.req.installing")                                              \
    X(S_STAFF_REQ_EXPORTING, "staff.req.exporting")                                                \
    X(S_STAFF_REQ_ROLLING, "staff.req.rolling")                                                    \
    X(S_STAFF_REQ_INSTALLED, "staff.req.installed")                                                \
    X(S_STAFF_REQ_UNCHANGED, "staff.req.unchanged")                                                \
    X(S_STAFF_REQ_REFUSED, "staff.req.refused")                                                    \
    X(S_STAFF_REQ_NO_STICK, "staff.req.no_stick")                                                  \
    X(S_STAFF_REQ_NO_CONTENT, "staff.req.no_content")                                              \
    X(S_STAFF_REQ_STATS, "staff.req.stats")                                                        \
    X(S_STAFF_REQ_NO_STATS, "staff.req.no_stats")                                                  \
    X(S_STAFF_REQ_ROLLED, "staff.req.rolled_back")                                                 \
    X(S_STAFF_REQ_NO_PREVIOUS, "staff.req.no_previous")                                            \
    X(S_STAFF_REQ_FAILED, "staff.req.failed")                                                      \
    X(S_STAFF_REQ_BUSY, "staff.req.busy")                                                          \
    X(S_STAFF_REQ_NOT_SENT, "staff.req.not_sent")                                                  \
    X(S_STAFF_REQ_NO_ANSWER, "staff.req.no_answer")                                                \
    X(S_STALE, "notice.stale")                                                                     \
    X(S_CLOCK_BEHIND, "notice.clock")                                                              \
    X(S_SEARCH, "nav.search")                                                                      \
    X(S_SEARCH_TITLE, "search.title")                                                              \
    X(S_SEARCH_PLACEHOLDER, "search.placeholder")                                                  \
    X(S_SEARCH_START, "search.start")                                                              \
    X(S_SEARCH_NONE, "search.none")                                                                \
    X(S_SEARCH_NONE_HINT, "search.none_hint")                                                      \
    X(S_SEARCH_MORE, "search.more")                                                                \
    X(S_HIT_SERVICE, "search.kind.service")                                                        \
    X(S_HIT_ORG, "search.kind.org")                                                                \
    X(S_HIT_CONTACT, "search.kind.contact")                                                        \
    X(S_HIT_ACTIVITY, "search.kind.activity")                                                      \
    X(S_KB_SPACE, "keyboard.space")                                                                \
    X(S_KB_CLEAR, "keyboard.clear")                                                                \
    X(S_IDLE, "notice.idle")                                                                       \
    /* speech */                                                                                   \
    X(S_SPEECH_ON, "speech.on")                                                                    \
    X(S_SPEECH_OFF, "speech.off")                                                                  \
    /* accessibility: the accessibility screen, reach mode, the idle notice */                     \
    X(S_A11Y, "nav.a11y")                                                                          \
    X(S_A11Y_INTRO, "a11y.intro")                                                                  \
    X(S_A11Y_LARGE, "a11y.large")                                                                  \
    X(S_A11Y_LARGE_HELP, "a11y.large.help")                                                        \
    X(S_A11Y_CONTRAST, "a11y.contrast")                                                            \
    X(S_A11Y_CONTRAST_HELP, "a11y.contrast.help")                                                  \
    X(S_A11Y_REACH, "a11y.reach")                                                                  \
    X(S_A11Y_REACH_HELP, "a11y.reach.help")                                                        \
    X(S_A11Y_MOTION, "a11y.motion")                                                                \
    X(S_A11Y_MOTION_HELP, "a11y.motion.help")                                                      \
    X(S_A11Y_SPEECH, "a11y.speech")                                                                \
    X(S_A11Y_SPEECH_HELP, "a11y.speech.help")                                                      \
    X(S_A11Y_ON, "a11y.on")                                                                        \
    X(S_A11Y_OFF, "a11y.off")                                                                      \
    X(S_A11Y_REACH_HINT, "a11y.reach.hint")                                                        \
    X(S_MORE_TIME, "notice.more_time")                                                             \
    /* stats and feedback */                                                                       \
    X(S_FB_BUTTON, "feedback.button")                                                              \
    X(S_FB_ANON, "feedback.anonymous")                                                             \
    X(S_FB_SKIP, "feedback.skip")                                                                  \
    X(S_FB_THANKS, "feedback.thanks")                                                              \
    X(S_ABOUT, "about.title")                                                                      \
    X(S_ABOUT_CONTENT, "about.content")                                                            \
    X(S_ABOUT_SOURCES, "about.sources")                                                            \
    X(S_ABOUT_LICENCE, "about.licence")                                                            \
    X(S_ABOUT_PRIVACY_TITLE, "about.privacy.title")                                                \
    X(S_ABOUT_PRIVACY, "about.privacy")                                                            \
    X(S_ABOUT_PRIVACY_OFF, "about.privacy.off")                                                    \
    X(S_SUM_TITLE, "summary.title")                                                                \
    X(S_SUM_TOTALS, "summary.totals")                                                              \
    X(S_SUM_CATEGORIES, "summary.categories")                                                      \
    X(S_SUM_LANGUAGES, "summary.languages")                                                        \
    X(S_SUM_FEEDBACK, "summary.feedback")                                                          \
    X(S_SUM_TOPICS, "summary.topics")                                                              \
    X(S_SUM_EMPTY, "summary.empty")

enum str_id {
#define STR_ENUM(id, key) id,
    STR_LIST(STR_ENUM)
#undef STR_ENUM
        STR_COUNT
};

/* Fills a translated template: its first and second conversion (%s or %d)
 * become a1 and a2 (numbers are passed as text). */
void str_fill(char *buf, size_t cap, const char *tmpl, const char *a1, const char *a2);
struct content;

/* The text of id in lang: the snapshot's translation if str_use_content
 * loaded one, else the one compiled from assets/po/<lang>.po, else English.
 * Never NULL. */
const char *str_get(const char *lang, enum str_id id);
/* The msgctxt key of id ("nav.back"). */
const char *str_key(enum str_id id);
/* The id whose key is key, or STR_COUNT. */
enum str_id str_find(const char *key);
/* Makes str_get consult c's ui_string rows in lang first. Reads them only
 * when c, its content version or lang changed since the last call; a NULL
 * c drops them. Call it whenever the language or the snapshot changes; texts
 * str_get returned from the old rows are freed. */
void str_use_content(const struct content *c, const char *lang);
/* Weekday names, ISO 1..7. */
const char *str_weekday_short(const char *lang, int weekday);
const char *str_weekday_long(const char *lang, int weekday);
/* "9.30" (fi, sv) or "9:30"; 1440 is "24.00". */
void str_time(const char *lang, int minutes, char *buf, size_t cap);
/* "9.30–11.30" */
void str_time_range(const char *lang, int from, int to, char *buf, size_t cap);
/* The time range, or "All day" when all_day: when an activity happens. */
void str_when(const char *lang, bool all_day, int from, int to, char *buf, size_t cap);
/* "ti 24.11." / "Tue 24 Nov" for days since 1970. */
void str_date_short(const char *lang, int64_t day, char *buf, size_t cap);
/* "tiistai 24.11.2026" / "Tuesday 24 November 2026". */
void str_date_long(const char *lang, int64_t day, char *buf, size_t cap);
/* "23.–29.11.2026" / "23–29 Nov 2026". */
void str_date_range(const char *lang, int64_t from, int64_t to, char *buf, size_t cap);

#endif
