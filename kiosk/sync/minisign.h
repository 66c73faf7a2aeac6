/* minisign: Ed25519 signatures in the file format of minisign (and so of
 * OpenBSD signify's public keys), implemented with libsodium. aula only
 * makes and accepts prehashed signatures ("ED": the BLAKE2b-512 hash of the
 * file is signed); legacy "Ed" signatures of the whole file are rejected.
 *
 * Files (every line ends in "\n"; "\r\n" is accepted when reading):
 *   public key   "untrusted comment: ..." / base64("Ed" keyid[8] pk[32])
 *   secret key   "untrusted comment: ..." / base64("Ed" kdf[2] "B2" salt[32]
 *                opslimit[8] memlimit[8] (keyid[8] sk[64] chk[32]) xor scrypt)
 *   signature    "untrusted comment: ..." / base64("ED" keyid[8] sig[64]) /
 *                "trusted comment: ..."   / base64(sig over sig||comment)
 *
 * Every parser takes the name to show in messages and reports exactly one
 * line saying what is wrong and what to do. */
#ifndef AULA_SYNC_MINISIGN_H
#define AULA_SYNC_MINISIGN_H

#include "base/strbuf.h"

#include <sodium.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MINISIGN_KEYID_BYTES 8
#define MINISIGN_HASH_BYTES  64 /* BLAKE2b-512 */
#define MINISIGN_COMMENT_MAX 1024
#define MINISIGN_TRUSTED_MAX 8192
#define MINISIGN_SIG_SUFFIX  ".minisig"
#define MINISIGN_SIGFILE_MAX (MINISIGN_TRUSTED_MAX + 2 * MINISIGN_COMMENT_MAX)
#define MINISIGN_KEYFILE_MAX 4096
/* scrypt limits minisign uses for new encrypted keys. */
#define MINISIGN_KDF_OPSLIMIT 33554432ull
#define MINISIGN_KDF_MEMLIMIT 1073741824ull

struct minisign_pubkey {
    uint8_t keyid[MINISIGN_KEYID_BYTES];
    uint8_t pk[crypto_sign_PUBLICKEYBYTES];
};

struct minisign_seckey {
    uint8_t keyid[MINISIGN_KEYID_BYTES];
    uint8_t sk[crypto_sign_SECRETKEYBYTES];
};

struct minisign_sig {
    uint8_t keyid[MINISIGN_KEYID_BYTES];
    uint8_t sig[crypto_sign_BYTES];
    uint8_t global_sig[crypto_sign_BYTES];
    char trusted_comment[MINISIGN_TRUSTED_MAX];
};

/* Streaming BLAKE2b-512 of a file's bytes, as the "ED" algorithm signs. */
struct minisign_hash {
    crypto_generichash_state st;
};

/* Must be called once before anything else (initialises libsodium). */
bool minisign_init(void);

void minisign_hash_init(struct minisign_hash *h);
void minisign_hash_update(struct minisign_hash *h, const void *p, size_t n);
void minisign_hash_final(struct minisign_hash *h, uint8_t out[MINISIGN_HASH_BYTES]);
/* Hashes a whole file; false with err ("PATH: cannot read: ...") on failure. */
bool minisign_hash_file(const char *path, uint8_t out[MINISIGN_HASH_BYTES], char *err,
                        size_t errcap);

/* The key id in hexadecimal as minisign shows it (no leading zeros). */
void minisign_keyid_hex(const uint8_t keyid[MINISIGN_KEYID_BYTES], char out[17]);

/* A fresh key pair with a random key id. */
void minisign_keygen(struct minisign_pubkey *pub, struct minisign_seckey *sec);
void minisign_seckey_public(const struct minisign_seckey *sec, struct minisign_pubkey *pub);

/* Parsers: text[0..len) is the whole file; name is used in messages. */
bool minisign_pubkey_parse(const char *text, size_t len, const char *name,
                           struct minisign_pubkey *out, char *err, size_t errcap);
/* password may be NULL; an encrypted key then fails with a message saying
 * how to give the password. */
bool minisign_seckey_parse(const char *text, size_t len, const char *name, const char *password,
                           struct minisign_seckey *out, char *err, size_t errcap);
bool minisign_sig_parse(const char *text, size_t len, const char *name, struct minisign_sig *out,
                        char *err, size_t errcap);

/* The same, reading path (at most the size caps above). */
bool minisign_pubkey_load(const char *path, struct minisign_pubkey *out, char *err, size_t errcap);
bool minisign_seckey_load(const char *path, const char *password, struct minisign_seckey *out,
                          char *err, size_t errcap);
bool minisign_sig_load(const char *path, struct minisign_sig *out, char *err, size_t errcap);

/* Writers append the file's text to out. */
void minisign_pubkey_format(const struct minisign_pubkey *pub, struct strbuf *out);
/* password NULL or "" writes an unencrypted key (KDF "\0\0", as
 * minisign -W); otherwise scrypt with the given limits. */
bool minisign_seckey_format(const struct minisign_seckey *sec, const char *password,
                            uint64_t opslimit, uint64_t memlimit, struct strbuf *out);
/* Signs a prehashed file. trusted_comment must be one printable line. */
bool minisign_sign(const struct minisign_seckey *sec, const uint8_t hash[MINISIGN_HASH_BYTES],
                   const char *untrusted_comment, const char *trusted_comment, struct strbuf *out);

/* Checks sig (read from sig_name) against the trusted keys and the file's
 * hash. The messages name file_name and say what to do. */
bool minisign_verify(const struct minisign_sig *sig, const char *sig_name,
                     const struct minisign_pubkey *keys, size_t nkeys,
                     const uint8_t hash[MINISIGN_HASH_BYTES], const char *file_name, char *err,
                     size_t errcap);

/* Reads up to cap bytes of path into a new NUL-terminated buffer. */
char *minisign_read_small(const char *path, size_t cap, size_t *len, char *err, size_t errcap);

#endif
