/* Tests for the minisign format: bad-input tables for signatures, public
 * and secret keys (input -> exact message), sign/verify round trips,
 * unknown keys, changed files and comments, encrypted keys; and, when the
 * minisign program is installed, that it reads the encrypted keys written
 * here and that its signatures verify here. */
#include "sync/minisign.h"

#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static struct minisign_pubkey pub;
static struct minisign_seckey sec;
static uint8_t hash[MINISIGN_HASH_BYTES];
static char keyhex[17];

/* A fixed key pair, so that every text below is the same on every run. */
static int setup(void **state)
{
    (void)state;
    if (!minisign_init())
        return -1;
    uint8_t seed[32];
    for (int i = 0; i < 32; i++)
        seed[i] = (uint8_t)i;
    crypto_sign_seed_keypair(pub.pk, sec.sk, seed);
    const uint8_t id[8] = {0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef};
    memcpy(pub.keyid, id, 8);
    memcpy(sec.keyid, id, 8);
    struct minisign_hash h;
    minisign_hash_init(&h);
    minisign_hash_update(&h, "snapshot bytes", 14);
    minisign_hash_final(&h, hash);
    minisign_keyid_hex(pub.keyid, keyhex);
    return 0;
}

static char *sign_text(const char *tc)
{
    struct strbuf b;
    strbuf_init(&b);
    assert_true(minisign_sign(&sec, hash, "signature from aula-pack secret key", tc, &b));
    return strbuf_detach(&b);
}

/* The n-th line (0-based) of text, without its newline. */
static char *line_of(const char *text, int n)
{
    const char *p = text;
    for (int i = 0; i < n; i++)
        p = strchr(p, '\n') + 1;
    const char *e = strchr(p, '\n');
    char *s = malloc((size_t)(e - p) + 1);
    memcpy(s, p, (size_t)(e - p));
    s[e - p] = '\0';
    return s;
}

static void test_keyid_hex(void **state)
{
    (void)state;
    /* minisign prints the key id as a little-endian 64-bit number. */
    assert_string_equal(keyhex, "EFCDAB8967452301");
}

static void test_sign_verify_roundtrip(void **state)
{
    (void)state;
    char *text = sign_text("timestamp:1795440000\tfile:site.aula\thashed");
    struct minisign_sig sig;
    char err[512] = "";
    assert_true(minisign_sig_parse(text, strlen(text), "t.minisig", &sig, err, sizeof(err)));
    assert_string_equal(sig.trusted_comment, "timestamp:1795440000\tfile:site.aula\thashed");
    assert_true(minisign_verify(&sig, "t.minisig", &pub, 1, hash, "f.aula", err, sizeof(err)));
    /* The same text with CRLF line ends and without a final newline. */
    struct strbuf crlf;
    strbuf_init(&crlf);
    for (const char *p = text; *p; p++) {
        if (*p == '\n')
            strbuf_putc(&crlf, '\r');
        strbuf_putc(&crlf, *p);
    }
    assert_true(minisign_sig_parse(crlf.s, crlf.len, "t.minisig", &sig, err, sizeof(err)));
    assert_true(minisign_sig_parse(text, strlen(text) - 1, "t.minisig", &sig, err, sizeof(err)));
    strbuf_free(&crlf);
    free(text);
}

static void test_verify_failures(void **state)
{
    (void)state;
    char *text = sign_text("timestamp:1\tfile:f.aula\thashed");
    struct minisign_sig sig;
    char err[512] = "";
    assert_true(minisign_sig_parse(text, strlen(text), "t.minisig", &sig, err, sizeof(err)));

    struct minisign_pubkey other = pub;
    other.keyid[0] ^= 1;
    assert_false(minisign_verify(&sig, "t.minisig", &other, 1, hash, "f.aula", err, sizeof(err)));
    char want[512];
    snprintf(want, sizeof(want),
             "t.minisig: signed with key ID %s, not a trusted key; add its public key to the "
             "trusted keys or re-sign with a trusted key",
             keyhex);
    assert_string_equal(err, want);

    uint8_t changed[MINISIGN_HASH_BYTES];
    memcpy(changed, hash, sizeof(changed));
    changed[5] ^= 0x40;
    assert_false(minisign_verify(&sig, "t.minisig", &pub, 1, changed, "f.aula", err, sizeof(err)));
    assert_string_equal(err, "t.minisig: signature does not match f.aula (the file was changed or "
                             "damaged after signing, or the signature belongs to another file)");

    /* A trusted comment changed after signing. */
    struct minisign_sig edited = sig;
    memcpy(edited.trusted_comment, "timestamp:2", 11);
    assert_false(minisign_verify(&edited, "t.minisig", &pub, 1, hash, "f.aula", err, sizeof(err)));
    assert_string_equal(err, "t.minisig: trusted comment signature does not match (the "
                             "signature file was altered)");

    /* The right key among several. */
    struct minisign_pubkey ring[3] = {other, other, pub};
    ring[1].keyid[1] ^= 1;
    assert_true(minisign_verify(&sig, "t.minisig", ring, 3, hash, "f.aula", err, sizeof(err)));
    free(text);
}

/* Signature bad-input table. %1..%4 stand for the lines of a good file. */
static void test_sig_bad_inputs(void **state)
{
    (void)state;
    char *good = sign_text("timestamp:1\tfile:f.aula\thashed");
    char *l1 = line_of(good, 0), *l2 = line_of(good, 1), *l3 = line_of(good, 2),
         *l4 = line_of(good, 3);
    /* Legacy and unknown algorithms: the same bytes with another tag. */
    uint8_t raw[74];
    size_t rawlen;
    assert_int_equal(sodium_base642bin(raw, sizeof(raw), l2, strlen(l2), NULL, &rawlen, NULL,
                                       sodium_base64_VARIANT_ORIGINAL),
                     0);
    char legacy[200], unknown[200], short2[200], short4[200], bits4[200];
    raw[1] = 'd';
    sodium_bin2base64(legacy, sizeof(legacy), raw, 74, sodium_base64_VARIANT_ORIGINAL);
    raw[0] = 'X';
    raw[1] = 'X';
    sodium_bin2base64(unknown, sizeof(unknown), raw, 74, sodium_base64_VARIANT_ORIGINAL);
    sodium_bin2base64(short2, sizeof(short2), raw, 71, sodium_base64_VARIANT_ORIGINAL);
    snprintf(short4, sizeof(short4), "%.64s", l4);
    /* Non-canonical base64: the unused bits of the last character set. */
    snprintf(bits4, sizeof(bits4), "%s", l4);
    char *eq = strchr(bits4, '=');
    eq[-1] = eq[-1] == 'A' ? 'B' : (char)(eq[-1] + 1);

    struct {
        const char *l1, *l2, *l3, *l4, *extra;
        const char *want;
    } cases[] = {
        {"", NULL, NULL, NULL, NULL, "t.minisig: empty file; expected a minisign signature"},
        {"hello", NULL, NULL, NULL, NULL,
         "t.minisig:1: not a minisign signature: the first line must start with "
         "\"untrusted comment: \""},
        {l1, NULL, NULL, NULL, NULL, "t.minisig: truncated signature: 1 of 4 lines"},
        {l1, l2, NULL, NULL, NULL, "t.minisig: truncated signature: 2 of 4 lines"},
        {l1, l2, l3, NULL, NULL, "t.minisig: truncated signature: 3 of 4 lines"},
        {l1, "not base64!", l3, l4, NULL, "t.minisig:2: signature is not valid base64"},
        {l1, "", l3, l4, NULL, "t.minisig:2: signature is not valid base64"},
        {l1, short2, l3, l4, NULL,
         "t.minisig:2: signature has 71 bytes, expected 74 (truncated or not a minisign "
         "signature)"},
        {l1, legacy, l3, l4, NULL,
         "t.minisig: legacy (non-prehashed) signature, which is not accepted; re-sign the file "
         "with aula-pack sign, or with minisign 0.11 or later without -l"},
        {l1, unknown, l3, l4, NULL, "t.minisig:2: unknown signature algorithm 0x5858"},
        {l1, l2, "comment: x", l4, NULL,
         "t.minisig:3: the third line must start with \"trusted comment: \""},
        {l1, l2, "trusted comment: a\x01z", l4, NULL,
         "t.minisig:3: trusted comment has control characters or invalid UTF-8"},
        {l1, l2, "trusted comment: \xff\xfe", l4, NULL,
         "t.minisig:3: trusted comment has control characters or invalid UTF-8"},
        {l1, l2, l3, "####", NULL, "t.minisig:4: comment signature is not valid base64"},
        {l1, l2, l3, bits4, NULL, "t.minisig:4: comment signature is not valid base64"},
        {l1, l2, l3, short4, NULL,
         "t.minisig:4: comment signature has 48 bytes, expected 64 (truncated signature)"},
        {l1, l2, l3, l4, "garbage",
         "t.minisig:5: unexpected data after the signature (trailing garbage)"},
        {l1, l2, l3, l4, "", "t.minisig:5: unexpected data after the signature (trailing garbage)"},
        {"untrusted comment: a\rb", l2, l3, l4, NULL,
         "t.minisig:1: stray carriage return inside a line"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct strbuf b;
        strbuf_init(&b);
        const char *parts[] = {cases[i].l1, cases[i].l2, cases[i].l3, cases[i].l4, cases[i].extra};
        for (int k = 0; k < 5 && parts[k]; k++)
            strbuf_printf(&b, "%s\n", parts[k]);
        if (i == 0)
            strbuf_clear(&b);
        struct minisign_sig sig;
        char err[512] = "";
        bool ok = minisign_sig_parse(b.s ? b.s : "", b.len, "t.minisig", &sig, err, sizeof(err));
        if (ok || strcmp(err, cases[i].want) != 0)
            fail_msg("case %zu: got %s \"%s\"\nwant \"%s\"", i, ok ? "success" : "error", err,
                     cases[i].want);
        strbuf_free(&b);
    }
    /* A NUL byte. */
    struct minisign_sig sig;
    char err[512];
    char nul[] = "untrusted comment: a\0b\n";
    assert_false(minisign_sig_parse(nul, sizeof(nul) - 1, "t.minisig", &sig, err, sizeof(err)));
    assert_string_equal(err, "t.minisig:1: contains a NUL byte; this is not a minisign file");
    free(l1), free(l2), free(l3), free(l4), free(good);
}

static void test_pubkey(void **state)
{
    (void)state;
    struct strbuf b;
    strbuf_init(&b);
    minisign_pubkey_format(&pub, &b);
    assert_non_null(strstr(b.s, "untrusted comment: minisign public key EFCDAB8967452301\n"));
    struct minisign_pubkey back;
    char err[512];
    assert_true(minisign_pubkey_parse(b.s, b.len, "k.pub", &back, err, sizeof(err)));
    assert_memory_equal(&back, &pub, sizeof(pub));
    char *l1 = line_of(b.s, 0), *l2 = line_of(b.s, 1);
    uint8_t raw[42];
    size_t rawlen;
    assert_int_equal(sodium_base642bin(raw, sizeof(raw), l2, strlen(l2), NULL, &rawlen, NULL,
                                       sodium_base64_VARIANT_ORIGINAL),
                     0);
    char shortk[100], alg[100];
    sodium_bin2base64(shortk, sizeof(shortk), raw, 39, sodium_base64_VARIANT_ORIGINAL);
    raw[1] = 'D';
    sodium_bin2base64(alg, sizeof(alg), raw, 42, sodium_base64_VARIANT_ORIGINAL);
    struct {
        const char *text;
        const char *want;
    } cases[] = {
        {"", "k.pub: empty file; expected a minisign public key"},
        {"RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3\n",
         "k.pub:1: not a minisign public key: the first line must start with \"untrusted "
         "comment: \""},
        {"untrusted comment: x\n", "k.pub: truncated public key: 1 of 2 lines"},
        {"untrusted comment: x\nRWQ*\n", "k.pub:2: public key is not valid base64"},
        {NULL, "k.pub:2: public key has 39 bytes, expected 42 (truncated or not a minisign "
               "public key)"},
        {NULL, "k.pub:2: unsupported key algorithm 0x4544 (only Ed25519, \"Ed\", is known)"},
        {NULL, "k.pub:3: unexpected data after the public key (trailing garbage)"},
    };
    char buf[3][300];
    snprintf(buf[0], sizeof(buf[0]), "%s\n%s\n", l1, shortk);
    snprintf(buf[1], sizeof(buf[1]), "%s\n%s\n", l1, alg);
    snprintf(buf[2], sizeof(buf[2]), "%s\n%s\nmore\n", l1, l2);
    cases[4].text = buf[0];
    cases[5].text = buf[1];
    cases[6].text = buf[2];
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char e[512] = "";
        bool ok = minisign_pubkey_parse(cases[i].text, strlen(cases[i].text), "k.pub", &back, e,
                                        sizeof(e));
        if (ok || strcmp(e, cases[i].want) != 0)
            fail_msg("case %zu: got %s \"%s\"\nwant \"%s\"", i, ok ? "success" : "error", e,
                     cases[i].want);
    }
    free(l1), free(l2);
    strbuf_free(&b);
}

static void test_seckey(void **state)
{
    (void)state;
    struct strbuf plain, enc;
    strbuf_init(&plain);
    strbuf_init(&enc);
    assert_true(minisign_seckey_format(&sec, NULL, 0, 0, &plain));
    assert_true(minisign_seckey_format(&sec, "salasana",
                                       crypto_pwhash_scryptsalsa208sha256_OPSLIMIT_MIN,
                                       crypto_pwhash_scryptsalsa208sha256_MEMLIMIT_MIN, &enc));
    struct minisign_seckey back;
    char err[512] = "";
    assert_true(minisign_seckey_parse(plain.s, plain.len, "k.key", NULL, &back, err, sizeof(err)));
    assert_memory_equal(&back, &sec, sizeof(sec));
    assert_true(
        minisign_seckey_parse(enc.s, enc.len, "k.key", "salasana", &back, err, sizeof(err)));
    assert_memory_equal(&back, &sec, sizeof(sec));
    assert_false(minisign_seckey_parse(enc.s, enc.len, "k.key", NULL, &back, err, sizeof(err)));
    assert_string_equal(err, "k.key: the secret key is encrypted; give its password in the "
                             "AULA_KEY_PASSWORD environment variable");
    assert_false(minisign_seckey_parse(enc.s, enc.len, "k.key", "wrong", &back, err, sizeof(err)));
    assert_string_equal(err, "k.key: wrong password for this secret key");

    /* minisign -G -W leaves the checksum zero: accepted. A wrong non-zero
     * checksum is damage. */
    char *l2 = line_of(plain.s, 1);
    uint8_t raw[158];
    size_t rawlen;
    assert_int_equal(sodium_base642bin(raw, sizeof(raw), l2, strlen(l2), NULL, &rawlen, NULL,
                                       sodium_base64_VARIANT_ORIGINAL),
                     0);
    assert_int_equal(rawlen, 158);
    char text[400], b64[300];
    memset(raw + 158 - 32, 0, 32);
    sodium_bin2base64(b64, sizeof(b64), raw, 158, sodium_base64_VARIANT_ORIGINAL);
    snprintf(text, sizeof(text), "untrusted comment: minisign encrypted secret key\n%s\n", b64);
    assert_true(minisign_seckey_parse(text, strlen(text), "k.key", NULL, &back, err, sizeof(err)));
    raw[158 - 1] = 7;
    sodium_bin2base64(b64, sizeof(b64), raw, 158, sodium_base64_VARIANT_ORIGINAL);
    snprintf(text, sizeof(text), "untrusted comment: minisign encrypted secret key\n%s\n", b64);
    assert_false(minisign_seckey_parse(text, strlen(text), "k.key", NULL, &back, err, sizeof(err)));
    assert_string_equal(err, "k.key: secret key checksum does not match (damaged file)");
    raw[158 - 1] = 0;
    raw[2] = 'X';
    sodium_bin2base64(b64, sizeof(b64), raw, 158, sodium_base64_VARIANT_ORIGINAL);
    snprintf(text, sizeof(text), "untrusted comment: minisign encrypted secret key\n%s\n", b64);
    assert_false(minisign_seckey_parse(text, strlen(text), "k.key", NULL, &back, err, sizeof(err)));
    assert_string_equal(err, "k.key:2: unsupported key derivation function");
    assert_false(minisign_seckey_parse("untrusted comment: x\nAAAA\n", 26, "k.key", NULL, &back,
                                       err, sizeof(err)));
    assert_string_equal(err, "k.key:2: secret key has 3 bytes, expected 158 (truncated or not a "
                             "minisign secret key)");
    free(l2);
    strbuf_free(&plain);
    strbuf_free(&enc);
}

static bool have_minisign(void)
{
    return system("minisign -v >/dev/null 2>&1") == 0;
}

static void write_text(const char *path, const char *s)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(s, f);
    fclose(f);
}

/* minisign decrypts a key encrypted here and its signature verifies here. */
static void test_minisign_reads_encrypted_key(void **state)
{
    (void)state;
    if (!have_minisign()) {
        skip();
        return;
    }
    char dir[] = "/tmp/aula-minisign-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256], cmd[1024];
    struct strbuf b;
    strbuf_init(&b);
    assert_true(minisign_seckey_format(&sec, "salasana",
                                       crypto_pwhash_scryptsalsa208sha256_OPSLIMIT_MIN,
                                       crypto_pwhash_scryptsalsa208sha256_MEMLIMIT_MIN, &b));
    snprintf(path, sizeof(path), "%s/enc.key", dir);
    write_text(path, b.s);
    snprintf(path, sizeof(path), "%s/file", dir);
    write_text(path, "snapshot bytes");
    snprintf(cmd, sizeof(cmd),
             "echo salasana | minisign -S -s %s/enc.key -m %s/file -t 'made by minisign' "
             ">/dev/null 2>&1",
             dir, dir);
    assert_int_equal(system(cmd), 0);
    snprintf(path, sizeof(path), "%s/file.minisig", dir);
    struct minisign_sig sig;
    char err[512];
    assert_true(minisign_sig_load(path, &sig, err, sizeof(err)));
    assert_string_equal(sig.trusted_comment, "made by minisign");
    assert_true(minisign_verify(&sig, path, &pub, 1, hash, "file", err, sizeof(err)));
    snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
    assert_int_equal(system(cmd), 0);
    strbuf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_keyid_hex),
        cmocka_unit_test(test_sign_verify_roundtrip),
        cmocka_unit_test(test_verify_failures),
        cmocka_unit_test(test_sig_bad_inputs),
        cmocka_unit_test(test_pubkey),
        cmocka_unit_test(test_seckey),
        cmocka_unit_test(test_minisign_reads_encrypted_key),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
