/* staffpin: hashing, checking and the lock-out of the staff PIN; see
 * staffpin.h. */
#include "ui/staffpin.h"

#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Static_assert(STAFFPIN_HASH_MAX >= crypto_pwhash_STRBYTES, "room for a crypto_pwhash string");

bool staffpin_init(void)
{
    return sodium_init() >= 0;
}

bool staffpin_valid(const char *pin, char *err, size_t cap)
{
    size_t n = strlen(pin);
    for (size_t i = 0; i < n; i++)
        if (pin[i] < '0' || pin[i] > '9') {
            snprintf(err, cap, "the PIN may only have digits 0-9 (the pad has no other keys)");
            return false;
        }
    if (n < STAFFPIN_MIN || n > STAFFPIN_MAX) {
        snprintf(err, cap, "the PIN must have %d to %d digits (it has %zu)", STAFFPIN_MIN,
                 STAFFPIN_MAX, n);
        return false;
    }
    return true;
}

bool staffpin_hash(const char *pin, char out[STAFFPIN_HASH_MAX], char *err, size_t cap)
{
    if (!staffpin_valid(pin, err, cap))
        return false;
    if (crypto_pwhash_str(out, pin, strlen(pin), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        snprintf(err, cap, "hashing the PIN failed (out of memory? it needs %zu MiB)",
                 (size_t)crypto_pwhash_MEMLIMIT_INTERACTIVE >> 20);
        return false;
    }
    return true;
}

bool staffpin_hash_ok(const char *hash, char *err, size_t cap)
{
    static const char prefix[] = "$argon2id$";
    if (strncmp(hash, prefix, sizeof(prefix) - 1) != 0) {
        snprintf(err, cap, "not an argon2id PIN hash (it must start with %s)", prefix);
        return false;
    }
    if (strlen(hash) >= crypto_pwhash_STRBYTES ||
        crypto_pwhash_str_needs_rehash(hash, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                       crypto_pwhash_MEMLIMIT_INTERACTIVE) < 0) {
        snprintf(err, cap, "a damaged PIN hash (cut short or changed?)");
        return false;
    }
    return true;
}

bool staffpin_verify(const char *hash, const char *pin)
{
    return crypto_pwhash_str_verify(hash, pin, strlen(pin)) == 0;
}

/* ---- lock-out ---- */

int staffpin_locked(struct staffpin_lock *l, int64_t now)
{
    if (l->until <= now)
        return 0;
    if (l->until - now > STAFFPIN_LOCK_SECONDS)
        l->until = now + STAFFPIN_LOCK_SECONDS; /* the clock went back */
    return (int)(l->until - now);
}

int staffpin_failed(struct staffpin_lock *l, int64_t now)
{
    if (++l->fails < STAFFPIN_TRIES)
        return STAFFPIN_TRIES - l->fails;
    l->fails = 0;
    l->until = now + STAFFPIN_LOCK_SECONDS;
    return 0;
}

void staffpin_passed(struct staffpin_lock *l)
{
    l->fails = 0;
    l->until = 0;
}

/* ---- the worker ---- */

struct staffpin_check {
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t done_cv;
    bool done, right;
    char hash[STAFFPIN_HASH_MAX];
    char pin[STAFFPIN_MAX + 1];
    staffpin_notify_fn notify;
    void *ctx;
};

static void *worker(void *arg)
{
    struct staffpin_check *c = arg;
    bool right = staffpin_verify(c->hash, c->pin);
    sodium_memzero(c->pin, sizeof(c->pin));
    pthread_mutex_lock(&c->lock);
    c->right = right;
    c->done = true;
    pthread_cond_broadcast(&c->done_cv);
    pthread_mutex_unlock(&c->lock);
    /* c stays alive until staffpin_check_free, which joins this thread. */
    if (c->notify)
        c->notify(c->ctx);
    return NULL;
}

struct staffpin_check *staffpin_check_start(const char *hash, const char *pin,
                                            staffpin_notify_fn notify, void *ctx)
{
    if (strlen(hash) >= sizeof(((struct staffpin_check *)0)->hash) || strlen(pin) > STAFFPIN_MAX)
        return NULL;
    struct staffpin_check *c = calloc(1, sizeof(*c));
    if (!c)
        return NULL;
    snprintf(c->hash, sizeof(c->hash), "%s", hash);
    snprintf(c->pin, sizeof(c->pin), "%s", pin);
    c->notify = notify;
    c->ctx = ctx;
    pthread_mutex_init(&c->lock, NULL);
    pthread_cond_init(&c->done_cv, NULL);
    if (pthread_create(&c->thread, NULL, worker, c) != 0) {
        sodium_memzero(c->pin, sizeof(c->pin));
        pthread_cond_destroy(&c->done_cv);
        pthread_mutex_destroy(&c->lock);
        free(c);
        return NULL;
    }
    return c;
}

enum staffpin_result staffpin_check_poll(struct staffpin_check *c, bool wait)
{
    pthread_mutex_lock(&c->lock);
    while (wait && !c->done)
        pthread_cond_wait(&c->done_cv, &c->lock);
    enum staffpin_result r = !c->done   ? STAFFPIN_PENDING
                             : c->right ? STAFFPIN_RIGHT
                                        : STAFFPIN_WRONG;
    pthread_mutex_unlock(&c->lock);
    return r;
}

void staffpin_check_free(struct staffpin_check *c)
{
    if (!c)
        return;
    pthread_join(c->thread, NULL);
    sodium_memzero(c->pin, sizeof(c->pin));
    pthread_cond_destroy(&c->done_cv);
    pthread_mutex_destroy(&c->lock);
    free(c);
}
