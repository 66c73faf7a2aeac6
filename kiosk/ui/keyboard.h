/* keyboard: the on-screen keyboard of the search screen. Large keys (the
 * theme's touch target when there is room, never under 9 mm), three rows
 * of letters, backspace at the end of the third, and a bottom row with the
 * layout switch, space and clear. Layouts: Finnish/Swedish (å ä ö),
 * English, Russian, Ukrainian (і ї є ґ), Arabic (laid out right to left),
 * and accented letters with digits. The visitor's language picks the first
 * layout; the switch key toggles to Latin ("ABC") and back, or from a
 * Latin layout to the other one. Keys are targets "kb:c:<letter>",
 * "kb:space", "kb:erase", "kb:clear" and "kb:layout", so taps, keypad
 * navigation (arrows, Enter) and scripts reach them alike. Owns nothing but
 * the choice of layout. */
#ifndef AULA_UI_KEYBOARD_H
#define AULA_UI_KEYBOARD_H

#include "ui/ui.h"

enum kb_layout { KB_FI, KB_EN, KB_RU, KB_UK, KB_AR, KB_MORE, KB_NLAYOUTS };

struct keyboard {
    enum kb_layout primary; /* the visitor's */
    enum kb_layout alt;     /* what the switch key gives */
    bool showing_alt;
};

/* What a key press means to the text being typed. */
enum kb_result {
    KB_IGNORED,  /* not a key of the keyboard */
    KB_TYPE,     /* insert *text */
    KB_ERASE,    /* delete the last character */
    KB_CLEAR,    /* delete everything */
    KB_SWITCHED, /* the layout changed */
};

void keyboard_init(struct keyboard *k, const char *lang);
enum kb_layout keyboard_layout(const struct keyboard *k);
/* The key size for a keyboard w pixels wide: the theme's target when it
 * fits, smaller down to 9 mm. */
int keyboard_key_size(const struct app *a, int w);
/* The width a keyboard with keys key pixels wide takes. */
int keyboard_width(const struct app *a, int key);
/* The height of a keyboard w pixels wide. */
int keyboard_height(const struct app *a, int w);
/* Draws the keyboard in r (layout coordinates) and registers its keys. */
void keyboard_draw(struct app *a, const struct keyboard *k, SDL_Rect r);
/* Interprets an activated target id; KB_TYPE sets *text (valid while id
 * is). */
enum kb_result keyboard_press(struct keyboard *k, const char *id, const char **text);
/* The id of the first letter key (where keypad focus starts). */
const char *keyboard_first_key(const struct keyboard *k);

#endif
