/* screens: the kiosk's screens. Each is one module (screen_NAME.c) that
 * exports its operations table; see struct screen_ops in ui.h.
 *   home      place, clock, today's programme, category tiles, languages
 *   list      services of a category, all services, or all organisations
 *             (arg "category:ID", "services", "orgs")
 *   service   a service's detail (arg: service id)
 *   org       an organisation's detail (arg: organisation id)
 *   calendar  the week, Monday to Sunday
 *   problem   no content or broken content: what is wrong, what to do
 *   lang      the language picker, when the buttons do not fit at home
 *   search    search as you type, with an on-screen keyboard
 *   staff-pin the PIN pad in front of the staff menu (ui/staff.h)
 *   staff     the staff status page and its actions
 *   staff-check  the staff menu's touch calibration check
 *   maintenance  "this screen is being serviced", from the staff menu
 *   staff-summary  the staff menu's weekly summary picture
 *   a11y      accessibility: large text, high contrast, reach, less motion
 *   feedback  the families' feedback question, its faces and thanks
 *   about     the place, the content's version and sources, privacy */
#ifndef AULA_UI_SCREENS_H
#define AULA_UI_SCREENS_H

#include "ui/ui.h"

extern const struct screen_ops screen_home;
extern const struct screen_ops screen_list;
extern const struct screen_ops screen_service;
extern const struct screen_ops screen_org;
extern const struct screen_ops screen_calendar;
extern const struct screen_ops screen_problem;
extern const struct screen_ops screen_lang;
extern const struct screen_ops screen_search;
extern const struct screen_ops screen_staff_pin;
extern const struct screen_ops screen_staff;
extern const struct screen_ops screen_staff_check;
extern const struct screen_ops screen_maintenance;
extern const struct screen_ops screen_staff_summary;
extern const struct screen_ops screen_a11y;
extern const struct screen_ops screen_feedback;
extern const struct screen_ops screen_about;

/* screen_feedback: true if the feedback question is on and in the content. */
bool feedback_offered(struct app *a);
/* The home header's "about" (and "feedback") buttons, ending at x = right
 * in a band of height; returns the width they take. */
int feedback_home_buttons(struct app *a, int right, int height);
/* During the idle countdown: the feedback button, its bottom at bottom. */
void feedback_idle_offer(struct app *a, int bottom);

/* True while the maintenance notice is on (somewhere in the stack). */
bool maintenance_on(const struct app *a);

#endif
