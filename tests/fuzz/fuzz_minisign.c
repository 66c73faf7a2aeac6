/* fuzz_minisign: any bytes as a public key, an (unencrypted) secret key and
 * a signature file, the three formats aula-sync and aula-pack read. */
#include "fuzz.h"
#include "sync/minisign.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static bool ready;
    if (!ready)
        ready = minisign_init();
    const char *text = (const char *)data;
    char err[512];
    struct minisign_pubkey pub;
    struct minisign_seckey sec;
    struct minisign_sig sig;
    minisign_pubkey_parse(text, size, "fuzz.pub", &pub, err, sizeof(err));
    minisign_sig_parse(text, size, "fuzz.minisig", &sig, err, sizeof(err));
    /* No password: encrypted keys are refused before any costly scrypt. */
    minisign_seckey_parse(text, size, "fuzz.key", NULL, &sec, err, sizeof(err));
    return 0;
}
