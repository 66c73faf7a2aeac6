/* platform: SDL video, renderer, screenshots and input translation; see
 * platform.h. */
#include "platform/platform.h"
#include "base/log.h"

#include <SDL_ttf.h>
#include <glob.h>
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define DEFAULT_WINDOW_W 1280
#define DEFAULT_WINDOW_H 800

/* A GPU is worth using only when the kernel offers a DRM device; otherwise
 * GL would load Mesa's software rasterizer, slower to start than SDL's own. */
static bool have_gpu(void)
{
    glob_t g;
    bool found = glob("/dev/dri/card*", 0, NULL, &g) == 0 && g.gl_pathc > 0;
    globfree(&g);
    return found;
}

/* Pixels per millimetre: from --dpi, else a guess by screen size: small
 * panels are 7" Pi touch screens, large ones 43-55" wall displays. */
static float guess_px_per_mm(int w, int h, float dpi)
{
    if (dpi <= 0) {
        int shortside = w < h ? w : h;
        dpi = shortside <= 600 ? 133.0f : shortside <= 900 ? 150.0f : 50.0f;
    }
    return dpi / 25.4f;
}

bool platform_parse_size(const char *s, int *w, int *h)
{
    int a, b, n = 0;
    if (sscanf(s, "%dx%d%n", &a, &b, &n) != 2 || s[n] != '\0' || a < 320 || b < 240 || a > 8192 ||
        b > 8192)
        return false;
    *w = a;
    *h = b;
    return true;
}

bool platform_init(struct platform *p, const struct platform_opts *o, char *err, size_t cap)
{
    memset(p, 0, sizeof(*p));
    p->finger = -1;
    p->headless = o->headless;
    p->software = o->software || o->headless || !have_gpu();
    if (o->headless)
        SDL_SetHint(SDL_HINT_VIDEODRIVER, "dummy");
    if (p->software) {
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
        SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
    }
    /* Touch and mouse stay separate: no mouse from touch is used, no touch
     * from mouse is made. */
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        snprintf(err, cap, "cannot start SDL video: %s", SDL_GetError());
        return false;
    }
    if (TTF_Init() != 0) {
        snprintf(err, cap, "cannot start SDL_ttf: %s", TTF_GetError());
        SDL_Quit();
        return false;
    }
    p->ttf_started = true;

    if (o->headless) {
        p->width = o->width > 0 ? o->width : 1920;
        p->height = o->height > 0 ? o->height : 1080;
        p->surface =
            SDL_CreateRGBSurfaceWithFormat(0, p->width, p->height, 32, SDL_PIXELFORMAT_ARGB8888);
        if (!p->surface || !(p->ren = SDL_CreateSoftwareRenderer(p->surface))) {
            snprintf(err, cap, "cannot create the off-screen picture: %s", SDL_GetError());
            platform_quit(p);
            return false;
        }
    } else {
        Uint32 flags = SDL_WINDOW_SHOWN | SDL_WINDOW_ALLOW_HIGHDPI;
        int x = SDL_WINDOWPOS_CENTERED, y = SDL_WINDOWPOS_CENTERED;
        if (o->windowed) {
            p->width = o->width > 0 ? o->width : DEFAULT_WINDOW_W;
            p->height = o->height > 0 ? o->height : DEFAULT_WINDOW_H;
            flags |= SDL_WINDOW_RESIZABLE;
        } else {
            /* A borderless window of the display's size: as good as full
             * screen for a kiosk, and much quicker to start under a bare X. */
            SDL_DisplayMode mode;
            if (SDL_GetDesktopDisplayMode(0, &mode) != 0) {
                snprintf(err, cap, "cannot read the display mode: %s", SDL_GetError());
                platform_quit(p);
                return false;
            }
            SDL_Rect b;
            SDL_GetDisplayBounds(0, &b);
            x = b.x;
            y = b.y;
            p->width = o->width > 0 ? o->width : mode.w;
            p->height = o->height > 0 ? o->height : mode.h;
            flags |= SDL_WINDOW_BORDERLESS;
            SDL_ShowCursor(SDL_DISABLE);
        }
        p->win = SDL_CreateWindow("aula", x, y, p->width, p->height, flags);
        if (!p->win) {
            snprintf(err, cap, "cannot open a window: %s", SDL_GetError());
            platform_quit(p);
            return false;
        }
        Uint32 rflags = p->software ? SDL_RENDERER_SOFTWARE
                                    : SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC;
        p->ren = SDL_CreateRenderer(p->win, -1, rflags);
        if (!p->ren && !p->software) {
            LOG_WARN("no accelerated renderer (%s); using software", SDL_GetError());
            p->software = true;
            p->ren = SDL_CreateRenderer(p->win, -1, SDL_RENDERER_SOFTWARE);
        }
        if (!p->ren) {
            snprintf(err, cap, "cannot create a renderer: %s", SDL_GetError());
            platform_quit(p);
            return false;
        }
        SDL_GetRendererOutputSize(p->ren, &p->width, &p->height);
    }
    p->px_per_mm = guess_px_per_mm(p->width, p->height, o->dpi);
    SDL_SetRenderDrawBlendMode(p->ren, SDL_BLENDMODE_BLEND);
    return true;
}

void platform_quit(struct platform *p)
{
    if (p->ren)
        SDL_DestroyRenderer(p->ren);
    if (p->surface)
        SDL_FreeSurface(p->surface);
    if (p->win)
        SDL_DestroyWindow(p->win);
    if (p->ttf_started)
        TTF_Quit();
    SDL_Quit();
    memset(p, 0, sizeof(*p));
}

void platform_present(struct platform *p)
{
    SDL_RenderPresent(p->ren);
}

/* Writes a 32-bit XRGB surface (ARGB8888: B, G, R, X bytes in memory) as an
 * opaque RGB PNG, straight from its rows. Fast compression: screenshots
 * are for tests and documentation, written often and read rarely. */
static bool write_png(SDL_Surface *s, const char *path, char *err, size_t cap)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        snprintf(err, cap, "%s: cannot write PNG: %m", path);
        return false;
    }
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    bool ok = false;
    if (info && setjmp(png_jmpbuf(png)) == 0) {
        png_init_io(png, f);
        png_set_compression_level(png, 1);
        png_set_filter(png, 0, PNG_FILTER_SUB);
        png_set_IHDR(png, info, (png_uint_32)s->w, (png_uint_32)s->h, 8, PNG_COLOR_TYPE_RGB,
                     PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
        png_write_info(png, info);
        png_set_bgr(png);
        png_set_filler(png, 0, PNG_FILLER_AFTER);
        for (int y = 0; y < s->h; y++)
            png_write_row(png, (png_const_bytep)s->pixels + (size_t)y * (size_t)s->pitch);
        png_write_end(png, NULL);
        ok = true;
    }
    png_destroy_write_struct(&png, &info);
    if (fclose(f) != 0)
        ok = false;
    if (!ok)
        snprintf(err, cap, "%s: cannot write PNG (disk full?)", path);
    return ok;
}

bool platform_save_png(SDL_Surface *s, const char *path, char *err, size_t cap)
{
    if (s->format->format == SDL_PIXELFORMAT_ARGB8888 ||
        s->format->format == SDL_PIXELFORMAT_RGB888)
        return write_png(s, path, err, cap);
    SDL_Surface *c = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_ARGB8888, 0);
    if (!c) {
        snprintf(err, cap, "%s: cannot convert the picture: %s", path, SDL_GetError());
        return false;
    }
    bool ok = write_png(c, path, err, cap);
    SDL_FreeSurface(c);
    return ok;
}

bool platform_screenshot(struct platform *p, const char *path, char *err, size_t cap)
{
    SDL_Surface *s = p->surface;
    SDL_Surface *tmp = NULL;
    if (!s || s->format->format != SDL_PIXELFORMAT_ARGB8888) {
        tmp = SDL_CreateRGBSurfaceWithFormat(0, p->width, p->height, 32, SDL_PIXELFORMAT_ARGB8888);
        if (!tmp || SDL_RenderReadPixels(p->ren, NULL, SDL_PIXELFORMAT_ARGB8888, tmp->pixels,
                                         tmp->pitch) != 0) {
            snprintf(err, cap, "cannot read the picture: %s", SDL_GetError());
            SDL_FreeSurface(tmp);
            return false;
        }
        s = tmp;
    }
    bool ok = platform_save_png(s, path, err, cap);
    SDL_FreeSurface(tmp);
    return ok;
}

static enum input_key map_key(SDL_Keycode k, Uint16 mod)
{
    switch (k) {
    case SDLK_UP:
    case SDLK_KP_8:
        return KEY_UP;
    case SDLK_DOWN:
    case SDLK_KP_2:
        return KEY_DOWN;
    case SDLK_LEFT:
    case SDLK_KP_4:
        return KEY_LEFT;
    case SDLK_RIGHT:
    case SDLK_KP_6:
        return KEY_RIGHT;
    case SDLK_TAB:
        return (mod & KMOD_SHIFT) ? KEY_BACKTAB : KEY_TAB;
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
    case SDLK_SPACE:
    case SDLK_KP_5:
        return KEY_ENTER;
    case SDLK_ESCAPE:
    case SDLK_BACKSPACE:
    case SDLK_AC_BACK:
        return KEY_BACK;
    case SDLK_HOME:
    case SDLK_AC_HOME:
        return KEY_HOME;
    case SDLK_PAGEUP:
    case SDLK_KP_9:
        return KEY_PAGEUP;
    case SDLK_PAGEDOWN:
    case SDLK_KP_3:
        return KEY_PAGEDOWN;
    case SDLK_F2:
    case SDLK_KP_MULTIPLY:
        return KEY_SPEECH;
    case SDLK_s:
        return (mod & KMOD_CTRL) && (mod & KMOD_ALT) ? KEY_STAFF : KEY_NONE;
    default:
        return KEY_NONE;
    }
}

enum input_key platform_key_from_name(const char *name)
{
    static const struct {
        const char *name;
        enum input_key key;
    } names[] = {
        {"Up", KEY_UP},        {"Down", KEY_DOWN},     {"Left", KEY_LEFT},
        {"Right", KEY_RIGHT},  {"Tab", KEY_TAB},       {"Shift+Tab", KEY_BACKTAB},
        {"Return", KEY_ENTER}, {"Enter", KEY_ENTER},   {"Space", KEY_ENTER},
        {"Escape", KEY_BACK},  {"Esc", KEY_BACK},      {"Backspace", KEY_BACK},
        {"Home", KEY_HOME},    {"PageUp", KEY_PAGEUP}, {"PageDown", KEY_PAGEDOWN},
        {"F2", KEY_SPEECH},
    };
    if (strcasecmp(name, "Ctrl+Alt+S") == 0) /* the staff menu */
        return KEY_STAFF;
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (strcasecmp(names[i].name, name) == 0)
            return names[i].key;
    return KEY_NONE;
}

bool platform_translate(struct platform *p, const SDL_Event *ev, struct input_event *out)
{
    memset(out, 0, sizeof(*out));
    out->ms = ev->common.timestamp;
    switch (ev->type) {
    case SDL_QUIT:
        out->kind = INPUT_QUIT;
        return true;
    case SDL_WINDOWEVENT:
        if (ev->window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
            SDL_GetRendererOutputSize(p->ren, &p->width, &p->height);
            out->kind = INPUT_RESIZE;
            return true;
        }
        if (ev->window.event == SDL_WINDOWEVENT_EXPOSED ||
            ev->window.event == SDL_WINDOWEVENT_SHOWN) {
            out->kind = INPUT_EXPOSE;
            return true;
        }
        return false;
    case SDL_KEYDOWN: {
        SDL_Keycode sym = ev->key.keysym.sym;
        out->kind = INPUT_KEY;
        out->key = map_key(sym, ev->key.keysym.mod);
        out->erase = sym == SDLK_BACKSPACE;
        out->typed = sym == SDLK_SPACE;
        p->skip_digit = out->key != KEY_NONE &&
                        ((sym >= SDLK_KP_1 && sym <= SDLK_KP_9) || sym == SDLK_KP_MULTIPLY);
        return out->key != KEY_NONE;
    }
    case SDL_TEXTINPUT: {
        const char *t = ev->text.text;
        bool digit = ((t[0] >= '1' && t[0] <= '9') || t[0] == '*') && t[1] == '\0';
        if (p->skip_digit && digit) {
            p->skip_digit = false;
            return false;
        }
        out->kind = INPUT_TEXT;
        snprintf(out->text, sizeof(out->text), "%s", t);
        return out->text[0] != '\0';
    }
    case SDL_FINGERDOWN:
        if (p->finger >= 0)
            return false; /* one finger at a time */
        p->finger = 1;
        p->finger_id = ev->tfinger.fingerId;
        out->kind = INPUT_PRESS;
        break;
    case SDL_FINGERMOTION:
        if (p->finger < 0 || ev->tfinger.fingerId != p->finger_id)
            return false;
        out->kind = INPUT_MOVE;
        break;
    case SDL_FINGERUP:
        if (p->finger < 0 || ev->tfinger.fingerId != p->finger_id)
            return false;
        p->finger = -1;
        out->kind = INPUT_RELEASE;
        break;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        if (ev->button.which == SDL_TOUCH_MOUSEID || ev->button.button != SDL_BUTTON_LEFT)
            return false;
        out->kind = ev->type == SDL_MOUSEBUTTONDOWN ? INPUT_PRESS : INPUT_RELEASE;
        out->x = ev->button.x;
        out->y = ev->button.y;
        return true;
    case SDL_MOUSEMOTION:
        if (ev->motion.which == SDL_TOUCH_MOUSEID || !(ev->motion.state & SDL_BUTTON_LMASK))
            return false;
        out->kind = INPUT_MOVE;
        out->x = ev->motion.x;
        out->y = ev->motion.y;
        return true;
    default:
        return false;
    }
    /* Touch coordinates are 0..1 of the touch surface. */
    out->x = (int)(ev->tfinger.x * (float)p->width + 0.5f);
    out->y = (int)(ev->tfinger.y * (float)p->height + 0.5f);
    return true;
}
