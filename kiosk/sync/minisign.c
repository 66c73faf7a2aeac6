/* minisign: reading and writing minisign key and signature files, signing
 * and verifying with libsodium. Parsing is strict: exactly the lines the
 * format has, canonical base64, no trailing data, printable comments. */
#include "sync/minisign.h"

#include "base/utf8.h"
#include "base/xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define UNTRUSTED_PREFIX "untrusted comment: "
#define TRUSTED_PREFIX   "trusted comment: "
#define ALG_LEGACY       "Ed"
#define ALG_HASHED       "ED"
#define KDF_SCRYPT       "Sc"
#define KDF_NONE         "\0\0"
#define CHK_BLAKE2B      "B2"

#define PUBKEY_BYTES    (2 + MINISIGN_KEYID_BYTES + crypto_sign_PUBLICKEYBYTES)
#define SIG_BYTES       (2 + MINISIGN_KEYID_BYTES + crypto_sign_BYTES)
#define KEYNUM_SK_BYTES (MINISIGN_KEYID_BYTES + crypto_sign_SECRETKEYBYTES + 32)
#define SECKEY_BYTES    (2 + 2 + 2 + 32 + 8 + 8 + KEYNUM_SK_BYTES)
#define MAX_LINES       8

struct lines {
    const char *p[MAX_LINES];
    size_t n[MAX_LINES];
    int count; /* lines stored (at most MAX_LINES) */
    bool more; /* there were more than MAX_LINES */
};

bool minisign_init(void)
{
    return sodium_init() >= 0;
}

void minisign_hash_init(struct minisign_hash *h)
{
    crypto_generichash_init(&h->st, NULL, 0, MINISIGN_HASH_BYTES);
}

void minisign_hash_update(struct minisign_hash *h, const void *p, size_t n)
{
    crypto_generichash_update(&h->st, p, n);
}

void minisign_hash_final(struct minisign_hash *h, uint8_t out[MINISIGN_HASH_BYTES])
{
    crypto_generichash_final(&h->st, out, MINISIGN_HASH_BYTES);
}

bool minisign_hash_file(const char *path, uint8_t out[MINISIGN_HASH_BYTES], char *err,
                        size_t errcap)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, errcap, "%s: cannot read: %s", path, strerror(errno));
        return false;
    }
    struct minisign_hash h;
    minisign_hash_init(&h);
    enum { CHUNK = 1 << 20 };
    uint8_t *buf = xmalloc(CHUNK);
    bool ok = true;
    for (;;) {
        ssize_t n = read(fd, buf, CHUNK);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            snprintf(err, errcap, "%s: cannot read: %s", path, strerror(errno));
            ok = false;
            break;
        }
        if (n == 0)
            break;
        minisign_hash_update(&h, buf, (size_t)n);
    }
    free(buf);
    close(fd);
    if (ok)
        minisign_hash_final(&h, out);
    return ok;
}

static uint64_t le64_load(const uint8_t *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = (v << 8) | p[i];
    return v;
}

static void le64_store(uint8_t *p, uint64_t v)
{
    for (int i = 0; i < 8; i++, v >>= 8)
        p[i] = (uint8_t)(v & 0xff);
}

void minisign_keyid_hex(const uint8_t keyid[MINISIGN_KEYID_BYTES], char out[17])
{
    /* As minisign writes it in its comments: hexadecimal without leading zeros. */
    snprintf(out, 17, "%" PRIX64, le64_load(keyid));
}

void minisign_keygen(struct minisign_pubkey *pub, struct minisign_seckey *sec)
{
    randombytes_buf(sec->keyid, sizeof(sec->keyid));
    crypto_sign_keypair(pub->pk, sec->sk);
    memcpy(pub->keyid, sec->keyid, sizeof(pub->keyid));
}

void minisign_seckey_public(const struct minisign_seckey *sec, struct minisign_pubkey *pub)
{
    memcpy(pub->keyid, sec->keyid, sizeof(pub->keyid));
    crypto_sign_ed25519_sk_to_pk(pub->pk, sec->sk);
}

/* Splits text into lines ending in "\n" (a final line may lack it); a "\r"
 * before the "\n" is dropped. Refuses NUL bytes and stray carriage returns. */
static bool split_lines(const char *text, size_t len, const char *name, struct lines *l, char *err,
                        size_t errcap)
{
    memset(l, 0, sizeof(*l));
    size_t pos = 0;
    int lineno = 0;
    while (pos < len) {
        lineno++;
        const char *start = text + pos;
        const char *nl = memchr(start, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - start) : len - pos;
        pos += n + (nl ? 1 : 0);
        if (n > 0 && start[n - 1] == '\r')
            n--;
        if (memchr(start, '\0', n)) {
            snprintf(err, errcap, "%s:%d: contains a NUL byte; this is not a minisign file", name,
                     lineno);
            return false;
        }
        if (memchr(start, '\r', n)) {
            snprintf(err, errcap, "%s:%d: stray carriage return inside a line", name, lineno);
            return false;
        }
        if (l->count == MAX_LINES) {
            l->more = true;
            break;
        }
        l->p[l->count] = start;
        l->n[l->count] = n;
        l->count++;
    }
    return true;
}

static bool has_prefix(const char *p, size_t n, const char *prefix)
{
    size_t k = strlen(prefix);
    return n >= k && memcmp(p, prefix, k) == 0;
}

/* Decodes canonical, padded base64. Returns the decoded length, or -1 when
 * the text is not base64. */
static long b64_decode(const char *s, size_t n, uint8_t *out, size_t cap)
{
    size_t tmpcap = n / 4 * 3 + 3;
    uint8_t *tmp = xmalloc(tmpcap);
    size_t got = 0;
    const char *end = NULL;
    long rc = -1;
    if (n > 0 && n % 4 == 0 &&
        sodium_base642bin(tmp, tmpcap, s, n, NULL, &got, &end, sodium_base64_VARIANT_ORIGINAL) ==
            0 &&
        end == s + n) {
        memcpy(out, tmp, got < cap ? got : cap);
        rc = (long)got;
    }
    sodium_memzero(tmp, tmpcap);
    free(tmp);
    return rc;
}

static void b64_append(struct strbuf *out, const uint8_t *p, size_t n)
{
    size_t cap = sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_ORIGINAL);
    char *s = xmalloc(cap);
    sodium_bin2base64(s, cap, p, n, sodium_base64_VARIANT_ORIGINAL);
    strbuf_puts(out, s);
    free(s);
}

/* A comment is printable: valid UTF-8, tabs allowed, no other controls. */
static bool printable(const char *s, size_t n)
{
    if (!utf8_valid(s, n, NULL))
        return false;
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        i += (size_t)utf8_decode(s + i, &cp);
        if ((cp < 0x20 && cp != '\t') || (cp >= 0x7f && cp <= 0x9f))
            return false;
    }
    return true;
}

static bool check_untrusted(const struct lines *l, const char *name, const char *what, char *err,
                            size_t errcap)
{
    if (l->count == 0) {
        snprintf(err, errcap, "%s: empty file; expected a minisign %s", name, what);
        return false;
    }
    if (!has_prefix(l->p[0], l->n[0], UNTRUSTED_PREFIX)) {
        snprintf(err, errcap,
                 "%s:1: not a minisign %s: the first line must start with \"" UNTRUSTED_PREFIX "\"",
                 name, what);
        return false;
    }
    if (l->n[0] >= MINISIGN_COMMENT_MAX) {
        snprintf(err, errcap, "%s:1: untrusted comment longer than %d bytes", name,
                 MINISIGN_COMMENT_MAX - 1);
        return false;
    }
    return true;
}

static bool check_line_count(const struct lines *l, int want, const char *name, const char *what,
                             char *err, size_t errcap)
{
    if (l->count < want) {
        snprintf(err, errcap, "%s: truncated %s: %d of %d lines", name, what, l->count, want);
        return false;
    }
    if (l->count > want || l->more) {
        snprintf(err, errcap, "%s:%d: unexpected data after the %s (trailing garbage)", name,
                 want + 1, what);
        return false;
    }
    return true;
}

bool minisign_pubkey_parse(const char *text, size_t len, const char *name,
                           struct minisign_pubkey *out, char *err, size_t errcap)
{
    struct lines l;
    const char *what = "public key";
    if (!split_lines(text, len, name, &l, err, errcap) ||
        !check_untrusted(&l, name, what, err, errcap) ||
        !check_line_count(&l, 2, name, what, err, errcap))
        return false;
    uint8_t raw[PUBKEY_BYTES];
    long n = b64_decode(l.p[1], l.n[1], raw, sizeof(raw));
    if (n < 0) {
        snprintf(err, errcap, "%s:2: public key is not valid base64", name);
        return false;
    }
    if (n != PUBKEY_BYTES) {
        snprintf(err, errcap,
                 "%s:2: public key has %ld bytes, expected %d (truncated or not a "
                 "minisign public key)",
                 name, n, PUBKEY_BYTES);
        return false;
    }
    if (memcmp(raw, ALG_LEGACY, 2) != 0) {
        snprintf(err, errcap,
                 "%s:2: unsupported key algorithm 0x%02X%02X (only Ed25519, \"Ed\", is known)",
                 name, raw[0], raw[1]);
        return false;
    }
    memcpy(out->keyid, raw + 2, MINISIGN_KEYID_BYTES);
    memcpy(out->pk, raw + 2 + MINISIGN_KEYID_BYTES, sizeof(out->pk));
    return true;
}

static void seckey_chk(const uint8_t *sig_alg, const uint8_t *keyid, const uint8_t *sk,
                       uint8_t chk[32])
{
    crypto_generichash_state hs;
    crypto_generichash_init(&hs, NULL, 0, 32);
    crypto_generichash_update(&hs, sig_alg, 2);
    crypto_generichash_update(&hs, keyid, MINISIGN_KEYID_BYTES);
    crypto_generichash_update(&hs, sk, crypto_sign_SECRETKEYBYTES);
    crypto_generichash_final(&hs, chk, 32);
}

static bool scrypt_stream(uint8_t *stream, const char *password, const uint8_t *salt, uint64_t ops,
                          uint64_t mem)
{
    return crypto_pwhash_scryptsalsa208sha256(stream, KEYNUM_SK_BYTES, password, strlen(password),
                                              salt, (unsigned long long)ops, (size_t)mem) == 0;
}

bool minisign_seckey_parse(const char *text, size_t len, const char *name, const char *password,
                           struct minisign_seckey *out, char *err, size_t errcap)
{
    struct lines l;
    const char *what = "secret key";
    if (!split_lines(text, len, name, &l, err, errcap) ||
        !check_untrusted(&l, name, what, err, errcap) ||
        !check_line_count(&l, 2, name, what, err, errcap))
        return false;
    uint8_t raw[SECKEY_BYTES];
    bool ok = false;
    long n = b64_decode(l.p[1], l.n[1], raw, sizeof(raw));
    if (n < 0) {
        snprintf(err, errcap, "%s:2: secret key is not valid base64", name);
        goto done;
    }
    if (n != SECKEY_BYTES) {
        snprintf(err, errcap,
                 "%s:2: secret key has %ld bytes, expected %d (truncated or not a "
                 "minisign secret key)",
                 name, n, SECKEY_BYTES);
        goto done;
    }
    if (memcmp(raw, ALG_LEGACY, 2) != 0) {
        snprintf(err, errcap, "%s:2: unsupported key algorithm (only Ed25519 is known)", name);
        goto done;
    }
    if (memcmp(raw + 4, CHK_BLAKE2B, 2) != 0) {
        snprintf(err, errcap, "%s:2: unsupported checksum algorithm", name);
        goto done;
    }
    uint8_t *salt = raw + 6, *keynum = raw + 6 + 32 + 16;
    uint8_t *keyid = keynum, *sk = keynum + MINISIGN_KEYID_BYTES,
            *chk = keynum + MINISIGN_KEYID_BYTES + crypto_sign_SECRETKEYBYTES;
    bool encrypted = memcmp(raw + 2, KDF_SCRYPT, 2) == 0;
    if (!encrypted && memcmp(raw + 2, KDF_NONE, 2) != 0) {
        snprintf(err, errcap, "%s:2: unsupported key derivation function", name);
        goto done;
    }
    if (encrypted) {
        uint64_t ops = le64_load(raw + 6 + 32), mem = le64_load(raw + 6 + 32 + 8);
        if (!password || !*password) {
            snprintf(err, errcap,
                     "%s: the secret key is encrypted; give its password in the "
                     "AULA_KEY_PASSWORD environment variable",
                     name);
            goto done;
        }
        if (mem > 4 * MINISIGN_KDF_MEMLIMIT || ops > 4 * MINISIGN_KDF_OPSLIMIT) {
            snprintf(err, errcap, "%s: key derivation limits are unreasonably large", name);
            goto done;
        }
        uint8_t stream[KEYNUM_SK_BYTES];
        if (!scrypt_stream(stream, password, salt, ops, mem)) {
            snprintf(err, errcap, "%s: cannot derive the key from the password (out of memory?)",
                     name);
            goto done;
        }
        for (size_t i = 0; i < KEYNUM_SK_BYTES; i++)
            keynum[i] ^= stream[i];
        sodium_memzero(stream, sizeof(stream));
    }
    uint8_t want[32], zero[32] = {0};
    seckey_chk(raw, keyid, sk, want);
    /* minisign -W leaves the checksum of unencrypted keys zero. */
    if (sodium_memcmp(want, chk, 32) != 0 && (encrypted || sodium_memcmp(chk, zero, 32) != 0)) {
        snprintf(err, errcap,
                 encrypted ? "%s: wrong password for this secret key"
                           : "%s: secret key checksum does not match (damaged file)",
                 name);
        goto done;
    }
    /* The second half of an Ed25519 secret key is its public key. */
    uint8_t pk[crypto_sign_PUBLICKEYBYTES], sk2[crypto_sign_SECRETKEYBYTES];
    crypto_sign_seed_keypair(pk, sk2, sk);
    bool same = sodium_memcmp(sk2, sk, sizeof(sk2)) == 0;
    sodium_memzero(sk2, sizeof(sk2));
    if (!same) {
        snprintf(err, errcap, "%s: secret key is damaged (its halves do not match)", name);
        goto done;
    }
    memcpy(out->keyid, keyid, MINISIGN_KEYID_BYTES);
    memcpy(out->sk, sk, sizeof(out->sk));
    ok = true;
done:
    sodium_memzero(raw, sizeof(raw));
    return ok;
}

bool minisign_sig_parse(const char *text, size_t len, const char *name, struct minisign_sig *out,
                        char *err, size_t errcap)
{
    struct lines l;
    const char *what = "signature";
    if (!split_lines(text, len, name, &l, err, errcap) ||
        !check_untrusted(&l, name, what, err, errcap))
        return false;
    if (l.count < 4) {
        snprintf(err, errcap, "%s: truncated signature: %d of 4 lines", name, l.count);
        return false;
    }
    uint8_t raw[SIG_BYTES];
    long n = b64_decode(l.p[1], l.n[1], raw, sizeof(raw));
    if (n < 0) {
        snprintf(err, errcap, "%s:2: signature is not valid base64", name);
        return false;
    }
    if (n != SIG_BYTES) {
        snprintf(err, errcap,
                 "%s:2: signature has %ld bytes, expected %d (truncated or not a minisign "
                 "signature)",
                 name, n, SIG_BYTES);
        return false;
    }
    if (memcmp(raw, ALG_LEGACY, 2) == 0) {
        snprintf(err, errcap,
                 "%s: legacy (non-prehashed) signature, which is not accepted; re-sign the file "
                 "with aula-pack sign, or with minisign 0.11 or later without -l",
                 name);
        return false;
    }
    if (memcmp(raw, ALG_HASHED, 2) != 0) {
        snprintf(err, errcap, "%s:2: unknown signature algorithm 0x%02X%02X", name, raw[0], raw[1]);
        return false;
    }
    if (!has_prefix(l.p[2], l.n[2], TRUSTED_PREFIX)) {
        snprintf(err, errcap, "%s:3: the third line must start with \"" TRUSTED_PREFIX "\"", name);
        return false;
    }
    const char *tc = l.p[2] + strlen(TRUSTED_PREFIX);
    size_t tclen = l.n[2] - strlen(TRUSTED_PREFIX);
    if (tclen >= MINISIGN_TRUSTED_MAX - strlen(TRUSTED_PREFIX)) {
        snprintf(err, errcap, "%s:3: trusted comment longer than %zu bytes", name,
                 MINISIGN_TRUSTED_MAX - strlen(TRUSTED_PREFIX) - 1);
        return false;
    }
    if (!printable(tc, tclen)) {
        snprintf(err, errcap, "%s:3: trusted comment has control characters or invalid UTF-8",
                 name);
        return false;
    }
    n = b64_decode(l.p[3], l.n[3], out->global_sig, sizeof(out->global_sig));
    if (n < 0) {
        snprintf(err, errcap, "%s:4: comment signature is not valid base64", name);
        return false;
    }
    if (n != crypto_sign_BYTES) {
        snprintf(err, errcap,
                 "%s:4: comment signature has %ld bytes, expected %d (truncated signature)", name,
                 n, crypto_sign_BYTES);
        return false;
    }
    if (!check_line_count(&l, 4, name, what, err, errcap))
        return false;
    memcpy(out->keyid, raw + 2, MINISIGN_KEYID_BYTES);
    memcpy(out->sig, raw + 2 + MINISIGN_KEYID_BYTES, sizeof(out->sig));
    memcpy(out->trusted_comment, tc, tclen);
    out->trusted_comment[tclen] = '\0';
    return true;
}

char *minisign_read_small(const char *path, size_t cap, size_t *len, char *err, size_t errcap)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, errcap, "%s: cannot read: %s", path, strerror(errno));
        return NULL;
    }
    char *buf = xmalloc(cap + 2);
    size_t got = 0;
    for (;;) {
        ssize_t n = read(fd, buf + got, cap + 1 - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            snprintf(err, errcap, "%s: cannot read: %s", path, strerror(errno));
            goto fail;
        }
        if (n == 0)
            break;
        got += (size_t)n;
        if (got > cap) {
            snprintf(err, errcap, "%s: file is too large (over %zu bytes) to be a minisign file",
                     path, cap);
            goto fail;
        }
    }
    close(fd);
    buf[got] = '\0';
    *len = got;
    return buf;
fail:
    close(fd);
    free(buf);
    return NULL;
}

bool minisign_pubkey_load(const char *path, struct minisign_pubkey *out, char *err, size_t errcap)
{
    size_t len;
    char *text = minisign_read_small(path, MINISIGN_KEYFILE_MAX, &len, err, errcap);
    if (!text)
        return false;
    bool ok = minisign_pubkey_parse(text, len, path, out, err, errcap);
    free(text);
    return ok;
}

bool minisign_seckey_load(const char *path, const char *password, struct minisign_seckey *out,
                          char *err, size_t errcap)
{
    size_t len;
    char *text = minisign_read_small(path, MINISIGN_KEYFILE_MAX, &len, err, errcap);
    if (!text)
        return false;
    bool ok = minisign_seckey_parse(text, len, path, password, out, err, errcap);
    sodium_memzero(text, len);
    free(text);
    return ok;
}

bool minisign_sig_load(const char *path, struct minisign_sig *out, char *err, size_t errcap)
{
    size_t len;
    char *text = minisign_read_small(path, MINISIGN_SIGFILE_MAX, &len, err, errcap);
    if (!text)
        return false;
    bool ok = minisign_sig_parse(text, len, path, out, err, errcap);
    free(text);
    return ok;
}

void minisign_pubkey_format(const struct minisign_pubkey *pub, struct strbuf *out)
{
    char hex[17];
    minisign_keyid_hex(pub->keyid, hex);
    uint8_t raw[PUBKEY_BYTES];
    memcpy(raw, ALG_LEGACY, 2);
    memcpy(raw + 2, pub->keyid, MINISIGN_KEYID_BYTES);
    memcpy(raw + 2 + MINISIGN_KEYID_BYTES, pub->pk, sizeof(pub->pk));
    strbuf_printf(out, UNTRUSTED_PREFIX "minisign public key %s\n", hex);
    b64_append(out, raw, sizeof(raw));
    strbuf_putc(out, '\n');
}

bool minisign_seckey_format(const struct minisign_seckey *sec, const char *password,
                            uint64_t opslimit, uint64_t memlimit, struct strbuf *out)
{
    uint8_t raw[SECKEY_BYTES] = {0};
    bool encrypt = password && *password;
    memcpy(raw, ALG_LEGACY, 2);
    memcpy(raw + 2, encrypt ? KDF_SCRYPT : KDF_NONE, 2);
    memcpy(raw + 4, CHK_BLAKE2B, 2);
    uint8_t *salt = raw + 6, *keynum = raw + 6 + 32 + 16;
    memcpy(keynum, sec->keyid, MINISIGN_KEYID_BYTES);
    memcpy(keynum + MINISIGN_KEYID_BYTES, sec->sk, sizeof(sec->sk));
    seckey_chk(raw, sec->keyid, sec->sk, keynum + MINISIGN_KEYID_BYTES + sizeof(sec->sk));
    if (encrypt) {
        randombytes_buf(salt, 32);
        le64_store(raw + 6 + 32, opslimit);
        le64_store(raw + 6 + 32 + 8, memlimit);
        uint8_t stream[KEYNUM_SK_BYTES];
        if (!scrypt_stream(stream, password, salt, opslimit, memlimit)) {
            sodium_memzero(raw, sizeof(raw));
            return false;
        }
        for (size_t i = 0; i < KEYNUM_SK_BYTES; i++)
            keynum[i] ^= stream[i];
        sodium_memzero(stream, sizeof(stream));
    }
    strbuf_puts(out, UNTRUSTED_PREFIX "minisign encrypted secret key\n");
    b64_append(out, raw, sizeof(raw));
    strbuf_putc(out, '\n');
    sodium_memzero(raw, sizeof(raw));
    return true;
}

bool minisign_sign(const struct minisign_seckey *sec, const uint8_t hash[MINISIGN_HASH_BYTES],
                   const char *untrusted_comment, const char *trusted_comment, struct strbuf *out)
{
    size_t tclen = strlen(trusted_comment);
    if (!printable(trusted_comment, tclen) ||
        tclen >= MINISIGN_TRUSTED_MAX - strlen(TRUSTED_PREFIX) ||
        !printable(untrusted_comment, strlen(untrusted_comment)) ||
        strlen(untrusted_comment) + strlen(UNTRUSTED_PREFIX) >= MINISIGN_COMMENT_MAX)
        return false;
    uint8_t raw[SIG_BYTES];
    memcpy(raw, ALG_HASHED, 2);
    memcpy(raw + 2, sec->keyid, MINISIGN_KEYID_BYTES);
    uint8_t *sig = raw + 2 + MINISIGN_KEYID_BYTES;
    crypto_sign_detached(sig, NULL, hash, MINISIGN_HASH_BYTES, sec->sk);
    uint8_t *msg = xmalloc(crypto_sign_BYTES + tclen);
    memcpy(msg, sig, crypto_sign_BYTES);
    memcpy(msg + crypto_sign_BYTES, trusted_comment, tclen);
    uint8_t global[crypto_sign_BYTES];
    crypto_sign_detached(global, NULL, msg, crypto_sign_BYTES + tclen, sec->sk);
    free(msg);
    strbuf_printf(out, UNTRUSTED_PREFIX "%s\n", untrusted_comment);
    b64_append(out, raw, sizeof(raw));
    strbuf_printf(out, "\n" TRUSTED_PREFIX "%s\n", trusted_comment);
    b64_append(out, global, sizeof(global));
    strbuf_putc(out, '\n');
    return true;
}

bool minisign_verify(const struct minisign_sig *sig, const char *sig_name,
                     const struct minisign_pubkey *keys, size_t nkeys,
                     const uint8_t hash[MINISIGN_HASH_BYTES], const char *file_name, char *err,
                     size_t errcap)
{
    const struct minisign_pubkey *key = NULL;
    for (size_t i = 0; i < nkeys && !key; i++)
        if (memcmp(keys[i].keyid, sig->keyid, MINISIGN_KEYID_BYTES) == 0)
            key = &keys[i];
    if (!key) {
        char hex[17];
        minisign_keyid_hex(sig->keyid, hex);
        snprintf(err, errcap,
                 "%s: signed with key ID %s, not a trusted key; add its public key to the "
                 "trusted keys or re-sign with a trusted key",
                 sig_name, hex);
        return false;
    }
    if (crypto_sign_verify_detached(sig->sig, hash, MINISIGN_HASH_BYTES, key->pk) != 0) {
        snprintf(err, errcap,
                 "%s: signature does not match %s (the file was changed or damaged after "
                 "signing, or the signature belongs to another file)",
                 sig_name, file_name);
        return false;
    }
    size_t tclen = strlen(sig->trusted_comment);
    uint8_t *msg = xmalloc(crypto_sign_BYTES + tclen);
    memcpy(msg, sig->sig, crypto_sign_BYTES);
    memcpy(msg + crypto_sign_BYTES, sig->trusted_comment, tclen);
    bool ok =
        crypto_sign_verify_detached(sig->global_sig, msg, crypto_sign_BYTES + tclen, key->pk) == 0;
    free(msg);
    if (!ok)
        snprintf(err, errcap,
                 "%s: trusted comment signature does not match (the signature file was altered)",
                 sig_name);
    return ok;
}
