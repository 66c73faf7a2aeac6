/* staffpin: the staff PIN of the kiosk. The PIN itself is never stored: the
 * configuration holds a libsodium crypto_pwhash string (argon2id with the
 * "interactive" limits, made by `aula --hash-pin`). Checking a PIN against it
 * costs a few tenths of a second and 64 MiB, so it runs on a worker thread
 * while the screen keeps drawing (struct staffpin_check). After too many
 * wrong PINs in a row the pad is locked for a while (struct staffpin_lock);
 * the lock takes the time as an argument, so tests drive it with any clock.
 * Plain C with libsodium and POSIX threads; no SDL. Copies of a PIN are
 * wiped from memory as soon as they are no longer needed. */
#ifndef AULA_UI_STAFFPIN_H
#define AULA_UI_STAFFPIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define STAFFPIN_MIN          4   /* digits */
#define STAFFPIN_MAX          12  /* digits */
#define STAFFPIN_TRIES        5   /* wrong PINs in a row before the lock */
#define STAFFPIN_LOCK_SECONDS 300 /* how long the lock lasts */
#define STAFFPIN_HASH_MAX     128 /* crypto_pwhash_STRBYTES */

/* Starts libsodium; false if it cannot (then nothing here works). */
bool staffpin_init(void);

/* A PIN as the pad can type it: STAFFPIN_MIN..MAX digits. False with err
 * saying what is wrong. */
bool staffpin_valid(const char *pin, char *err, size_t cap);
/* Hashes pin into out (an argon2id string, NUL-terminated). */
bool staffpin_hash(const char *pin, char out[STAFFPIN_HASH_MAX], char *err, size_t cap);
/* True when hash is a crypto_pwhash argon2id string this build can check;
 * else err says what is wrong with it. */
bool staffpin_hash_ok(const char *hash, char *err, size_t cap);
/* Checks pin against hash on the calling thread (slow: see above). */
bool staffpin_verify(const char *hash, const char *pin);

/* The lock-out after wrong PINs; zero-initialised is open. */
struct staffpin_lock {
    int fails;     /* wrong PINs in a row since the last lock or success */
    int64_t until; /* locked while now < until (seconds of the caller's clock) */
};

/* Seconds the pad stays locked (0: open). A clock that went back more
 * than the lock's length does not make the lock longer. */
int staffpin_locked(struct staffpin_lock *l, int64_t now);
/* Records a wrong PIN at now; returns the tries left before the lock, or 0
 * when this one locked the pad. */
int staffpin_failed(struct staffpin_lock *l, int64_t now);
/* A right PIN: the count starts again. */
void staffpin_passed(struct staffpin_lock *l);

/* A PIN being checked on a worker thread. */
enum staffpin_result { STAFFPIN_PENDING, STAFFPIN_RIGHT, STAFFPIN_WRONG };
struct staffpin_check;
typedef void (*staffpin_notify_fn)(void *ctx);

/* Starts checking pin against hash; notify (may be NULL) is called from the
 * worker thread when the answer is there. NULL if no thread can be started
 * (then the caller may use staffpin_verify). */
struct staffpin_check *staffpin_check_start(const char *hash, const char *pin,
                                            staffpin_notify_fn notify, void *ctx);
/* The answer, or STAFFPIN_PENDING; with wait, blocks until there is one. */
enum staffpin_result staffpin_check_poll(struct staffpin_check *c, bool wait);
/* Waits for the worker and frees everything (NULL is fine). */
void staffpin_check_free(struct staffpin_check *c);

#endif
