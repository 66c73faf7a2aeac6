/* staff: the staff menu's lasting state, the hidden gesture and the
 * shortcut; see staff.h. */
#include "ui/staff.h"
#include "ui/screens.h"
#include "ui/staff_hooks.h"
#include "ui/ui.h"
#include "base/log.h"
#include "base/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct staff *staff_new(const char *pin_hash, const char *data_dir)
{
    struct staff *s = xcalloc(1, sizeof(*s));
    snprintf(s->pin_hash, sizeof(s->pin_hash), "%s", pin_hash ? pin_hash : "");
    snprintf(s->data_dir, sizeof(s->data_dir), "%s", data_dir ? data_dir : "");
    Uint32 ev = SDL_RegisterEvents(1);
    s->wake_event = ev == (Uint32)-1 ? 0 : ev;
    s->req_pending = -1;
    staff_request_dir(s, NULL);
    return s;
}

void staff_free(struct staff *s)
{
    if (s)
        staff_request_stop(s);
    free(s);
}

bool staff_showing(const struct app *a)
{
    const struct screen_ops *top = a->depth > 0 ? a->stack[a->depth - 1].ops : NULL;
    return top == &screen_staff_pin || top == &screen_staff || top == &screen_staff_check ||
           top == &screen_staff_summary;
}

bool staff_open(struct app *a)
{
    struct staff *s = a->staff;
    if (!s || staff_showing(a))
        return false;
    if (!s->pin_hash[0]) {
        if (!s->said_off)
            LOG_INFO("staff menu: off: no pin_hash in the [staff] section of aula.conf (make "
                     "one with: aula --hash-pin)");
        s->said_off = true;
        return false;
    }
    ui_push(a, &screen_staff_pin, NULL);
    return true;
}

/* The corner that opens the menu, in screen coordinates: the top corner on
 * the start side (mirrored in right-to-left languages). */
static SDL_Rect corner(const struct app *a)
{
    int side = a->theme.target * 3 / 2;
    return draw_map(&a->draw, (SDL_Rect){0, 0, side, side});
}

void staff_gesture(struct app *a, const struct input_event *ev)
{
    struct staff *s = a->staff;
    if (!s)
        return;
    switch (ev->kind) {
    case INPUT_PRESS: {
        SDL_Rect c = corner(a);
        SDL_Point p = {ev->x, ev->y};
        s->armed = !staff_showing(a) && SDL_PointInRect(&p, &c);
        s->x0 = ev->x;
        s->y0 = ev->y;
        s->since = a->ms;
        break;
    }
    case INPUT_MOVE:
        if (s->armed &&
            (abs(ev->x - s->x0) > a->theme.drag_slop || abs(ev->y - s->y0) > a->theme.drag_slop))
            s->armed = false; /* moved: a swipe, not the gesture */
        break;
    case INPUT_RELEASE:
        s->armed = false; /* let go too early: an ordinary tap */
        break;
    default:
        break;
    }
}

int staff_gesture_tick(struct app *a)
{
    struct staff *s = a->staff;
    if (!s || !s->armed)
        return -1;
    if (!a->down || a->dragging) {
        s->armed = false;
        return -1;
    }
    uint32_t held = a->ms - s->since;
    if (held < STAFF_HOLD_MS)
        return (int)(STAFF_HOLD_MS - held);
    s->armed = false;
    if (!s->pin_hash[0]) {
        staff_open(a); /* says once why not; the press goes on as it was */
        return -1;
    }
    /* The finger that opened the pad taps nothing when it lifts. */
    a->down = false;
    a->pressed[0] = '\0';
    a->dirty = true;
    staff_open(a);
    return -1;
}

void staff_say(struct app *a, const char *msg)
{
    if (!a->staff)
        return;
    snprintf(a->staff->say, sizeof(a->staff->say), "%s", msg ? msg : "");
    a->dirty = true;
}
