/* script: plays a headless interaction script against the kiosk and
 * writes screenshots, with the clock frozen (--now) and advanced only by the
 * script, so the pictures are the same on every run (or on the system
 * clock without --now).
 *
 * A script is a list of commands separated by ';' or new lines; '#' starts
 * a comment. Commands:
 *   tap:ID           tap the centre of the target ID on screen (a category
 *                    tile "category:neuvola", "service:ID", "org:ID", "back",
 *                    "home", "lang:sv", "calendar", "orgs", "services",
 *                    "week:next", "qr:contact:0", ...)
 *                    (scrolled into view first, as a finger would)
 *   tap:X,Y          tap at a point
 *   key:NAME         a key: Up Down Left Right Tab Shift+Tab Return Escape
 *                    Home PageUp PageDown Space Backspace
 *                    F2 (speech on/off)
 *                    Home PageUp PageDown Space Backspace Ctrl+Alt+S
 *   type:TEXT        type TEXT on a physical keyboard, one character at a
 *                    time (text input events; the search screen takes them).
 *                    TEXT cannot hold ';' or '#', and is trimmed: end with
 *                    key:Space for a trailing space; key:Backspace erases
 *   swipe:X1,Y1,X2,Y2[,MS]   drag a finger (default 250 ms), then let go
 *   press:X,Y,MS     hold a finger still at a point for MS milliseconds
 *                    (time passes as with wait:), then let go: a long press
 *   wait:SECONDS     let time pass (clock, inertia, idle reset)
 *   wait-content:SECONDS   wait (real time) until the watched snapshot
 *                    changes, and switch to it or refuse it (needs --watch)
 *   wait-print:SECONDS   wait (real time) until the print job ends, and
 *                    show its result as the running kiosk would
 *   wait-status:SECONDS  wait (real time) until aula-sync's status.json
 *                    changes, and show its banner (needs --watch)
 *   wait-request:SECONDS  wait (real time) until the staff menu's request
 *                    (install from USB, statistics to USB, roll back) has
 *                    its final answer in the request folder, and show it
 *   wait-clock:SECONDS   let the kiosk run by itself (its own loop, timers
 *                    and system clock, real time) until it sees the
 *                    system clock set and shows the new time; fails
 *                    after SECONDS (not with --now)
 *   now:TIME         set the frozen clock (--now) to TIME, as when the
 *                    system clock is set while the kiosk runs
 *                    ("now:2026-11-24T10:15", site time, or "...Z")
 *   shot:FILE.png    write the screen (relative to the shot directory)
 *   targets          print the ids of the targets on screen (to stderr)
 *   notices          print the messages on screen (print result, content
 *                    banner, the staff page's last result, the warning
 *                    card of the last frame: a wrong clock, old content,
 *                    the idle countdown) to stderr: "notice: visitor: ...",
 *                    "notice: staff: ...", "notice: staff-menu: ..." and
 *                    "notice: screen: ..."
 *   clock            print CLOCK_MONOTONIC in ms to stderr ("clock: 123.456"),
 *                    after the frame is presented (benchmarks)
 *   a11y:MODES       this visitor's accessibility modes, as the accessibility
 *                    screen sets them: large, contrast, reach, motion, joined
 *                    by commas ("a11y:large,contrast"); "a11y:none" turns
 *                    them off. The idle reset returns to --a11y's modes.
 * A command that makes the kiosk quit (restart from the staff menu) ends
 * the script.
 * The whole script is read and checked first (ui/scriptcmd.h): a script
 * with a mistake runs no command at all.
 */
#ifndef AULA_UI_SCRIPT_H
#define AULA_UI_SCRIPT_H

#include "ui/ui.h"

#include <stddef.h>

/* Runs text; shot files go under dir (NULL: the current directory).
 * Returns false with err filled on the first failing command. */
bool script_run(struct app *a, const char *text, const char *dir, char *err, size_t cap);
/* Writes the current screen to path (rendering first). */
bool script_shot(struct app *a, const char *path, char *err, size_t cap);

#endif
