/* platform: SDL start-up and the window the kiosk draws into — a borderless
 * window of the display's size (full screen), a normal window (--window), or
 * an off-screen surface with SDL's dummy driver (headless) — plus the
 * renderer choice (software when there is no GPU), screenshots, and the
 * translation of SDL events into the kiosk's own input events. Owns the
 * window, renderer and headless surface. */
#ifndef AULA_PLATFORM_PLATFORM_H
#define AULA_PLATFORM_PLATFORM_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct platform_opts {
    bool headless;     /* dummy video driver, software renderer, no window */
    bool windowed;     /* a normal window instead of the full screen */
    bool software;     /* force the software renderer */
    int width, height; /* 0: the display's size (full screen) or a default */
    float dpi;         /* 0: guess from the size */
};

struct platform {
    SDL_Window *win;
    SDL_Renderer *ren;
    SDL_Surface *surface; /* headless: the picture */
    int width, height;
    float px_per_mm;
    bool headless;
    bool software;
    bool ttf_started;
    int finger; /* the one finger followed; -1 none */
    int64_t finger_id;
    bool skip_digit; /* a keypad key used as a command: drop the character it types */
};

enum input_kind {
    INPUT_NONE,
    INPUT_PRESS,   /* finger or left button down at x, y */
    INPUT_MOVE,    /* moved while pressed */
    INPUT_RELEASE, /* up */
    INPUT_KEY,
    INPUT_RESIZE,
    INPUT_EXPOSE, /* the window needs its picture again */
    INPUT_QUIT,
    INPUT_TEXT, /* text typed on a physical keyboard (UTF-8, in text) */
};

enum input_key {
    KEY_NONE,
    KEY_UP,
    KEY_DOWN,
    KEY_LEFT,
    KEY_RIGHT,
    KEY_TAB,
    KEY_BACKTAB,
    KEY_ENTER,
    KEY_BACK, /* Esc, Backspace, AC Back */
    KEY_HOME,
    KEY_PAGEUP,
    KEY_PAGEDOWN,
    KEY_SPEECH, /* F2 or keypad '*': speech output on/off */
    KEY_STAFF,  /* Ctrl+Alt+S: the staff menu */
};

struct input_event {
    enum input_kind kind;
    int x, y;
    uint32_t ms; /* milliseconds (SDL ticks, or the script's clock) */
    enum input_key key;
    bool erase;    /* KEY_BACK from Backspace: erases typed text where there is some */
    bool typed;    /* the key also types (Space): an INPUT_TEXT follows */
    char text[32]; /* INPUT_TEXT */
};

bool platform_init(struct platform *p, const struct platform_opts *o, char *err, size_t cap);
void platform_quit(struct platform *p);
void platform_present(struct platform *p);
/* Writes a surface as an opaque PNG (the writer screenshots use). */
bool platform_save_png(SDL_Surface *s, const char *path, char *err, size_t cap);
/* Writes the current picture as a PNG. */
bool platform_screenshot(struct platform *p, const char *path, char *err, size_t cap);
/* Translates one SDL event; false if it means nothing to the kiosk
 * (including mouse events synthesized from touch). */
bool platform_translate(struct platform *p, const SDL_Event *ev, struct input_event *out);
/* Parses "1920x1080". */
bool platform_parse_size(const char *s, int *w, int *h);
/* Parses a key name as used in scripts ("Down", "Return", "Shift+Tab"). */
enum input_key platform_key_from_name(const char *name);

#endif
