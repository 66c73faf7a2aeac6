/* icon: pictograms as signed-distance shapes; see icon.h. Each icon is a
 * list of primitives in a 24x24 unit box; a primitive either adds to the
 * shape or cuts it away. A pixel's coverage is 0.5 minus its distance to
 * the shape in pixels, clamped, which gives one pixel of anti-aliasing. */
#include "ui/icon.h"

#include <math.h>
#include <string.h>

enum prim_kind { P_DISC, P_RING, P_SEG, P_BOX, P_TRI, P_ERING };

struct prim {
    enum prim_kind kind;
    bool cut;
    float a, b, c, d, e, f; /* meaning depends on the kind */
};

/* Shorthands: disc(cx, cy, r), ring(cx, cy, r, width), seg(x1, y1, x2, y2,
 * width), box(x, y, w, h, radius), tri(x1, y1, x2, y2, x3, y3),
 * ering(cx, cy, rx, ry, width). */
#define DISC(cx, cy, r)                                                                            \
    {                                                                                              \
        P_DISC, false, cx, cy, r, 0, 0, 0                                                          \
    }
#define RING(cx, cy, r, w)                                                                         \
    {                                                                                              \
        P_RING, false, cx, cy, r, w, 0, 0                                                          \
    }
#define SEG(x1, y1, x2, y2, w)                                                                     \
    {                                                                                              \
        P_SEG, false, x1, y1, x2, y2, w, 0                                                         \
    }
#define BOX(x, y, w, h, r)                                                                         \
    {                                                                                              \
        P_BOX, false, x, y, w, h, r, 0                                                             \
    }
#define TRI(x1, y1, x2, y2, x3, y3)                                                                \
    {                                                                                              \
        P_TRI, false, x1, y1, x2, y2, x3, y3                                                       \
    }
#define ERING(cx, cy, rx, ry, w)                                                                   \
    {                                                                                              \
        P_ERING, false, cx, cy, rx, ry, w, 0                                                       \
    }
#define CUT_DISC(cx, cy, r)                                                                        \
    {                                                                                              \
        P_DISC, true, cx, cy, r, 0, 0, 0                                                           \
    }
#define CUT_BOX(x, y, w, h, r)                                                                     \
    {                                                                                              \
        P_BOX, true, x, y, w, h, r, 0                                                              \
    }
#define END                                                                                        \
    {                                                                                              \
        P_DISC, false, 0, 0, -1, 0, 0, 0                                                           \
    }

struct icon_def {
    const char *name;
    bool directional;
    struct prim p[16];
};

static const struct icon_def icons[] = {
    {"baby",
     false, /* a pram */
     {DISC(12, 11, 7.5), CUT_BOX(0, 0, 24, 11, 0), DISC(11.2, 10.2, 6.8),
      CUT_BOX(11.2, 0, 13, 24, 0), CUT_BOX(0, 10.2, 24, 14, 0), BOX(4.5, 10.2, 15, 1.6, 0.8),
      RING(8, 20.5, 1.9, 1.6), RING(16, 20.5, 1.9, 1.6), SEG(19.5, 11, 22, 6.5, 1.7), END}},
    {"family",
     false,
     {DISC(6.5, 5.5, 2.8), BOX(2.8, 9.5, 7.4, 12, 3.7), DISC(17.5, 5.5, 2.8),
      BOX(13.8, 9.5, 7.4, 12, 3.7), CUT_DISC(12, 12.5, 3.6), CUT_BOX(8.2, 15, 7.6, 9, 3.8),
      DISC(12, 12.5, 2.2), BOX(9.4, 16, 5.2, 6, 2.6), END}},
    {"chat",
     false,
     {BOX(9, 8.5, 13, 9.5, 3), TRI(17, 17, 21, 17, 21, 21.5), CUT_BOX(1, 2, 17, 14, 4),
      CUT_BOX(3, 14, 8, 6, 2), BOX(2, 3, 14, 10.5, 3), TRI(4.5, 13, 9, 13, 3.5, 18),
      CUT_DISC(5.8, 8.2, 1.2), CUT_DISC(9, 8.2, 1.2), CUT_DISC(12.2, 8.2, 1.2), END}},
    {"play",
     false, /* building blocks */
     {BOX(2.5, 13, 8.5, 8.5, 1.6), BOX(13, 13, 8.5, 8.5, 1.6), BOX(7.75, 3, 8.5, 8.5, 1.6),
      CUT_DISC(6.75, 17.25, 1.6), CUT_DISC(17.25, 17.25, 1.6), END}},
    {"cafe",
     false,
     {BOX(3.5, 9, 13, 11, 3.5), RING(17.5, 13.5, 3, 1.8), SEG(7, 3.2, 7, 6.3, 1.6),
      SEG(10, 2.5, 10, 6.3, 1.6), SEG(13, 3.2, 13, 6.3, 1.6), BOX(2, 20.5, 17, 1.8, 0.9), END}},
    {"info", false, {RING(12, 12, 9.5, 2), DISC(12, 7.5, 1.6), SEG(12, 11, 12, 17, 2.6), END}},
    {"health", false, {BOX(8.75, 3, 6.5, 18, 1.8), BOX(3, 8.75, 18, 6.5, 1.8), END}},
    {"heart",
     false,
     {DISC(8.3, 9, 4.6), DISC(15.7, 9, 4.6), TRI(3.9, 10.6, 20.1, 10.6, 12, 20.5), END}},
    {"calendar",
     false,
     {BOX(3, 5, 18, 16, 2.5), CUT_BOX(5, 10, 14, 9, 1), SEG(8, 3, 8, 6.5, 2),
      SEG(16, 3, 16, 6.5, 2), BOX(7, 12, 3, 2.5, 0.5), BOX(10.5, 12, 3, 2.5, 0.5),
      BOX(14, 12, 3, 2.5, 0.5), BOX(7, 15.5, 3, 2.5, 0.5), BOX(10.5, 15.5, 3, 2.5, 0.5), END}},
    {"building",
     false,
     {BOX(4, 3, 16, 18.5, 1.5), CUT_BOX(7, 6, 3, 3, 0.5), CUT_BOX(14, 6, 3, 3, 0.5),
      CUT_BOX(7, 11, 3, 3, 0.5), CUT_BOX(14, 11, 3, 3, 0.5), CUT_BOX(10, 15.5, 4, 7, 0.5),
      BOX(2, 20.5, 20, 1.8, 0.9), END}},
    {"home",
     false,
     {TRI(1.5, 12, 12, 2.5, 22.5, 12), BOX(5, 10.5, 14, 11, 1), CUT_BOX(10, 14.5, 4, 8, 0.5), END}},
    {"book",
     false,
     {BOX(2.5, 4.5, 8.5, 15.5, 1.2), BOX(13, 4.5, 8.5, 15.5, 1.2), CUT_BOX(4.5, 7, 4.5, 1.4, 0.7),
      CUT_BOX(15, 7, 4.5, 1.4, 0.7), CUT_BOX(4.5, 10, 4.5, 1.4, 0.7),
      CUT_BOX(15, 10, 4.5, 1.4, 0.7), END}},
    {"clock", false, {RING(12, 12, 9, 2), SEG(12, 12, 12, 6.5, 2), SEG(12, 12, 16, 14.5, 2), END}},
    {"phone",
     false,
     {BOX(6.5, 2, 11, 20, 2.5), CUT_BOX(8.3, 4.5, 7.4, 12.5, 0.8), DISC(12, 19.2, 1.2), END}},
    {"mail",
     false,
     {BOX(2.5, 5.5, 19, 13, 2), CUT_BOX(4.3, 7.3, 15.4, 9.4, 0.8), SEG(4.3, 7.6, 12, 13.4, 1.8),
      SEG(19.7, 7.6, 12, 13.4, 1.8), END}},
    {"location",
     false,
     {DISC(12, 9.5, 6.8), TRI(6.3, 13.2, 17.7, 13.2, 12, 22), CUT_DISC(12, 9.5, 2.6), END}},
    {"globe",
     false,
     {RING(12, 12, 9.2, 1.8), ERING(12, 12, 4.2, 9.2, 1.6), SEG(3.5, 9, 20.5, 9, 1.5),
      SEG(3.5, 15, 20.5, 15, 1.5), SEG(12, 3, 12, 21, 1.5), END}},
    {"wheelchair",
     false,
     {DISC(9, 3.8, 2.1), SEG(9, 7.5, 9, 13.5, 2.2), SEG(9, 13.5, 15, 13.5, 2.2),
      SEG(15, 13.5, 18, 19.5, 2.2), SEG(9, 9.8, 14, 9.8, 2), RING(10, 15.5, 5.6, 1.9),
      CUT_BOX(10.5, 9.5, 10, 6, 0), SEG(9, 13.5, 15, 13.5, 2.2), SEG(15, 13.5, 18, 19.5, 2.2),
      END}},
    {"check", false, {SEG(4.5, 12.5, 9.8, 17.8, 2.8), SEG(9.8, 17.8, 19.5, 6.5, 2.8), END}},
    {"cross", false, {SEG(6, 6, 18, 18, 2.8), SEG(18, 6, 6, 18, 2.8), END}},
    {"back", true, {SEG(15.5, 4.5, 8, 12, 2.8), SEG(8, 12, 15.5, 19.5, 2.8), END}},
    {"forward", true, {SEG(8.5, 4.5, 16, 12, 2.8), SEG(16, 12, 8.5, 19.5, 2.8), END}},
    {"people",
     false,
     {DISC(8.5, 7, 3.4), BOX(3, 12.5, 11, 9, 4.5), DISC(16.5, 8, 2.8), BOX(13, 13.5, 8.5, 7.5, 3.8),
      END}},
    {"star",
     false,
     {TRI(12, 2.5, 14.9, 9.3, 9.1, 9.3), TRI(2.5, 9.3, 21.5, 9.3, 12, 16.2),
      TRI(12, 14, 6.1, 21.5, 8.3, 13), TRI(12, 14, 17.9, 21.5, 15.7, 13), END}},
    {"sun",
     false,
     {DISC(12, 12, 4.6), SEG(12, 2.5, 12, 4.8, 1.8), SEG(12, 19.2, 12, 21.5, 1.8),
      SEG(2.5, 12, 4.8, 12, 1.8), SEG(19.2, 12, 21.5, 12, 1.8), SEG(5.3, 5.3, 6.9, 6.9, 1.8),
      SEG(17.1, 17.1, 18.7, 18.7, 1.8), SEG(5.3, 18.7, 6.9, 17.1, 1.8),
      SEG(17.1, 6.9, 18.7, 5.3, 1.8), END}},
    {"lifebuoy",
     false,
     {RING(12, 12, 7.2, 5.6), CUT_BOX(11.1, 1, 1.8, 22, 0), CUT_BOX(1, 11.1, 22, 1.8, 0), END}},
    /* Faces for the feedback answers, face-1 (very unhappy) to face-5 (very
     * happy): the mouth comes first so that the cut shaping it leaves the
     * eyes and the outline whole. */
    {"face-1",
     false,
     {ERING(12, 21, 5.5, 5, 2), CUT_BOX(0, 18.5, 24, 6, 0), RING(12, 12, 10, 2), DISC(8.5, 10, 1.5),
      DISC(15.5, 10, 1.5), SEG(6.5, 7.6, 10, 6, 1.6), SEG(17.5, 7.6, 14, 6, 1.6), END}},
    {"face-2",
     false,
     {ERING(12, 20, 4.8, 3.5, 2), CUT_BOX(0, 18, 24, 6, 0), RING(12, 12, 10, 2),
      DISC(8.5, 9.5, 1.5), DISC(15.5, 9.5, 1.5), END}},
    {"face-3",
     false,
     {SEG(8, 16, 16, 16, 2), RING(12, 12, 10, 2), DISC(8.5, 9.5, 1.5), DISC(15.5, 9.5, 1.5), END}},
    {"face-4",
     false,
     {ERING(12, 12.5, 4.8, 4, 2), CUT_BOX(0, 0, 24, 14, 0), RING(12, 12, 10, 2),
      DISC(8.5, 9.5, 1.5), DISC(15.5, 9.5, 1.5), END}},
    {"face-5",
     false,
     {DISC(12, 13, 5.5), CUT_BOX(0, 0, 24, 13.5, 0), RING(12, 12, 10, 2), DISC(8.5, 9, 1.5),
      DISC(15.5, 9, 1.5), END}},
    {"dot", false, {DISC(12, 12, 5), END}},
    /* The accessibility screen: a person in a circle, two letters of two
     * sizes, a half-filled disc, an arrow down to a bar, a pause sign. */
    {"access",
     false,
     {RING(12, 12, 10, 1.6), DISC(12, 6.6, 1.9), SEG(6.5, 9.6, 17.5, 9.6, 1.8),
      SEG(12, 9.6, 12, 14, 2.2), SEG(12, 13.8, 9, 19, 1.9), SEG(12, 13.8, 15, 19, 1.9), END}},
    {"textsize",
     false,
     {SEG(2.5, 20, 8.5, 4, 2.3), SEG(8.5, 4, 14.5, 20, 2.3), SEG(5, 14.5, 12, 14.5, 2),
      SEG(14.5, 20, 18, 11, 1.8), SEG(18, 11, 21.5, 20, 1.8), SEG(16, 17, 20, 17, 1.6), END}},
    {"contrast", false, {DISC(12, 12, 7.6), CUT_BOX(12, 2, 11, 20, 0), RING(12, 12, 9.2, 2), END}},
    {"reach",
     false,
     {SEG(12, 2.5, 12, 14.5, 2.5), SEG(6.5, 9.5, 12, 15, 2.5), SEG(17.5, 9.5, 12, 15, 2.5),
      BOX(3.5, 18.5, 17, 3, 1.5), END}},
    {"motion", false, {BOX(6, 5, 4.2, 14, 1.2), BOX(13.8, 5, 4.2, 14, 1.2), END}},
    {"search", false, {RING(10, 10, 6.6, 2.6), SEG(14.8, 14.8, 20.5, 20.5, 3), END}},
    {"print", /* a receipt printer with a slip coming out */
     false,
     {BOX(6.5, 2.5, 11, 5, 0.8), BOX(2.5, 8.5, 19, 9, 2), CUT_DISC(18, 11.3, 1.1),
      CUT_BOX(5.5, 13.5, 13, 9, 0.6), BOX(7.3, 14.8, 9.4, 6.7, 0.5), END}},
    /* The staff menu's actions. */
    {"usb", /* a USB stick, plug up */
     false,
     {BOX(8.8, 1.5, 6.4, 8, 0.8), CUT_BOX(10.1, 3, 1.4, 1.8, 0.2), CUT_BOX(12.5, 3, 1.4, 1.8, 0.2),
      BOX(6.5, 9, 11, 13.5, 2.2), CUT_DISC(12, 16.5, 1.6), END}},
    {"undo", /* an arrow turning back: roll back */
     true,
     {RING(13.5, 12.5, 6.2, 2.6), CUT_BOX(0, 0, 13.5, 24, 0), SEG(13.5, 6.3, 7.5, 6.3, 2.6),
      SEG(13.5, 18.7, 6, 18.7, 2.6), TRI(2, 6.3, 8.5, 1, 8.5, 11.6), END}},
    {"chart", /* three bars on a line */
     false,
     {BOX(3.5, 13, 4.5, 7.5, 0.8), BOX(9.75, 8, 4.5, 12.5, 0.8), BOX(16, 3, 4.5, 17.5, 0.8),
      SEG(2.5, 21.8, 21.5, 21.8, 1.6), END}},
    {"refresh", /* a circular arrow */
     false,
     {RING(12, 12.5, 7.5, 2.6), CUT_BOX(12, 1, 11, 8.5, 0), TRI(11.2, 0.8, 11.2, 9.2, 17, 5), END}},
    {"power", /* the power symbol: restart */
     false,
     {RING(12, 13, 7.5, 2.6), CUT_BOX(8.8, 1, 6.4, 8.5, 0), SEG(12, 3, 12, 11.5, 2.6), END}},
    {"wrench", /* maintenance */
     false,
     {SEG(4.5, 19.5, 13, 11, 3.4),
      DISC(15.5, 8.5, 5.8),
      {P_SEG, true, 15.5, 8.5, 21.5, 2.5, 3.6, 0},
      END}},
    {"erase", /* backspace: a tag pointing back, with a cross cut into it */
     true,
     {TRI(1.5, 12, 8, 4.5, 8, 19.5),
      BOX(7.5, 4.5, 15, 15, 2),
      {P_SEG, true, 11.5, 8.5, 18.5, 15.5, 2.2, 0},
      {P_SEG, true, 18.5, 8.5, 11.5, 15.5, 2.2, 0},
      END}},
};

/* Other names content uses for the same pictures. */
static const struct {
    const char *alias, *name;
} aliases[] = {
    {"talk", "chat"},     {"group", "people"},    {"coffee", "cafe"},    {"school", "play"},
    {"help", "lifebuoy"}, {"crisis", "lifebuoy"}, {"pram", "baby"},      {"stroller", "baby"},
    {"doctor", "health"}, {"events", "calendar"}, {"language", "globe"}, {"languages", "globe"},
};

static const struct icon_def *find(const char *name)
{
    for (size_t i = 0; name && i < sizeof(aliases) / sizeof(aliases[0]); i++)
        if (strcmp(aliases[i].alias, name) == 0)
            name = aliases[i].name;
    for (size_t i = 0; i < sizeof(icons) / sizeof(icons[0]); i++)
        if (name && strcmp(icons[i].name, name) == 0)
            return &icons[i];
    return NULL;
}

bool icon_exists(const char *name)
{
    return find(name) != NULL;
}

bool icon_directional(const char *name)
{
    const struct icon_def *d = find(name);
    return d && d->directional;
}

size_t icon_names(const char *const **out)
{
    static const char *names[sizeof(icons) / sizeof(icons[0])];
    for (size_t i = 0; i < sizeof(icons) / sizeof(icons[0]); i++)
        names[i] = icons[i].name;
    *out = names;
    return sizeof(icons) / sizeof(icons[0]);
}

/* fminf and fmaxf are library calls here (they must handle NaN, which
 * never occurs in these sums); these inline and give the same pixels. */
static float minf(float a, float b)
{
    return a < b ? a : b;
}

static float maxf(float a, float b)
{
    return a > b ? a : b;
}

static float clampf(float v, float lo, float hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

static float seg_dist(float px, float py, float ax, float ay, float bx, float by)
{
    float pax = px - ax, pay = py - ay, bax = bx - ax, bay = by - ay;
    float l2 = bax * bax + bay * bay;
    float h = l2 > 0 ? clampf((pax * bax + pay * bay) / l2, 0, 1) : 0;
    float dx = pax - bax * h, dy = pay - bay * h;
    return sqrtf(dx * dx + dy * dy);
}

static float cross2(float ax, float ay, float bx, float by)
{
    return ax * by - ay * bx;
}

/* Signed distance (units; negative inside) from (x, y) to a primitive. */
static float prim_dist(const struct prim *p, float x, float y)
{
    switch (p->kind) {
    case P_DISC:
        return hypotf(x - p->a, y - p->b) - p->c;
    case P_RING:
        return fabsf(hypotf(x - p->a, y - p->b) - p->c) - p->d / 2;
    case P_ERING: {
        float nx = (x - p->a) / p->c, ny = (y - p->b) / p->d;
        float k = minf(p->c, p->d);
        return fabsf((sqrtf(nx * nx + ny * ny) - 1) * k) - p->e / 2;
    }
    case P_SEG:
        return seg_dist(x, y, p->a, p->b, p->c, p->d) - p->e / 2;
    case P_BOX: {
        float r = minf(p->e, minf(p->c, p->d) / 2);
        float cx = p->a + p->c / 2, cy = p->b + p->d / 2;
        float qx = fabsf(x - cx) - (p->c / 2 - r), qy = fabsf(y - cy) - (p->d / 2 - r);
        float ox = maxf(qx, 0), oy = maxf(qy, 0);
        return sqrtf(ox * ox + oy * oy) + minf(maxf(qx, qy), 0) - r;
    }
    case P_TRI: {
        float d = minf(
            seg_dist(x, y, p->a, p->b, p->c, p->d),
            minf(seg_dist(x, y, p->c, p->d, p->e, p->f), seg_dist(x, y, p->e, p->f, p->a, p->b)));
        float s1 = cross2(p->c - p->a, p->d - p->b, x - p->a, y - p->b);
        float s2 = cross2(p->e - p->c, p->f - p->d, x - p->c, y - p->d);
        float s3 = cross2(p->a - p->e, p->b - p->f, x - p->e, y - p->f);
        bool inside = (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
        return inside ? -d : d;
    }
    }
    return 1e9f;
}

/* The pixels a primitive can touch: outside them its distance is more
 * than half a pixel, so its coverage is 0 and it changes nothing (an
 * added shape's max with 0, a cut's multiplication by 1). Skipping it
 * there gives the same picture with a fraction of the distance sums. */
struct span {
    int x0, y0, x1, y1; /* inclusive pixel ranges */
};

static struct span prim_span(const struct prim *p, float unit, int size)
{
    float m = 1.0f / unit; /* a pixel, in units: twice the reach of the anti-aliasing */
    float x0, y0, x1, y1;
    switch (p->kind) {
    case P_DISC:
        x0 = p->a - p->c, x1 = p->a + p->c, y0 = p->b - p->c, y1 = p->b + p->c;
        break;
    case P_RING:
        x0 = p->a - p->c - p->d / 2, x1 = p->a + p->c + p->d / 2;
        y0 = p->b - p->c - p->d / 2, y1 = p->b + p->c + p->d / 2;
        break;
    case P_ERING: { /* its distance is scaled by k: the reach grows by the same factor */
        float k = minf(p->c, p->d), g = 1 + (p->e / 2 + m) / k;
        x0 = p->a - p->c * g, x1 = p->a + p->c * g, y0 = p->b - p->d * g, y1 = p->b + p->d * g;
        break;
    }
    case P_SEG:
        x0 = minf(p->a, p->c) - p->e / 2, x1 = maxf(p->a, p->c) + p->e / 2;
        y0 = minf(p->b, p->d) - p->e / 2, y1 = maxf(p->b, p->d) + p->e / 2;
        break;
    case P_BOX:
        x0 = p->a, x1 = p->a + p->c, y0 = p->b, y1 = p->b + p->d;
        break;
    case P_TRI:
        x0 = minf(p->a, minf(p->c, p->e)), x1 = maxf(p->a, maxf(p->c, p->e));
        y0 = minf(p->b, minf(p->d, p->f)), y1 = maxf(p->b, maxf(p->d, p->f));
        break;
    default:
        return (struct span){0, 0, size - 1, size - 1};
    }
    /* Pixel x's centre is at (x + 0.5) / unit units. */
    return (struct span){(int)floorf((x0 - m) * unit) - 1, (int)floorf((y0 - m) * unit) - 1,
                         (int)ceilf((x1 + m) * unit) + 1, (int)ceilf((y1 + m) * unit) + 1};
}

SDL_Surface *icon_render(const char *name, int size)
{
    const struct icon_def *def = find(name);
    if (!def)
        def = find("dot");
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, size, size, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s)
        return NULL;
    float unit = (float)size / 24.0f; /* pixels per unit */
    struct span span[sizeof(def->p) / sizeof(def->p[0])];
    size_t np = 0;
    while (np < sizeof(def->p) / sizeof(def->p[0]) &&
           !(def->p[np].kind == P_DISC && def->p[np].c < 0)) {
        span[np] = prim_span(&def->p[np], unit, size);
        np++;
    }
    for (int y = 0; y < size; y++) {
        Uint32 *row = (Uint32 *)((Uint8 *)s->pixels + y * s->pitch);
        for (int x = 0; x < size; x++) {
            float ux = ((float)x + 0.5f) / unit, uy = ((float)y + 0.5f) / unit;
            float acc = 0;
            for (size_t i = 0; i < np; i++) {
                const struct span *b = &span[i];
                if (x < b->x0 || x > b->x1 || y < b->y0 || y > b->y1)
                    continue;
                const struct prim *p = &def->p[i];
                float cov = clampf(0.5f - prim_dist(p, ux, uy) * unit, 0, 1);
                acc = p->cut ? acc * (1 - cov) : maxf(acc, cov);
            }
            Uint32 a = (Uint32)lroundf(acc * 255);
            row[x] = (a << 24) | 0xFFFFFFu;
        }
    }
    return s;
}
