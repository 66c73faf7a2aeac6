/* keyring: the public keys a screen trusts, one minisign .pub file each in
 * a folder (/etc/aula/keys by default). A snapshot is installed only if
 * its signature was made by one of them. */
#ifndef AULA_SYNC_KEYRING_H
#define AULA_SYNC_KEYRING_H

#include "sync/minisign.h"

#include <stdbool.h>
#include <stddef.h>

struct keyring {
    struct minisign_pubkey *keys;
    size_t n, cap;
};

/* Loads every *.pub in dir. A damaged key file is reported on stderr and
 * skipped; no usable key at all is an error. */
bool keyring_load(struct keyring *k, const char *dir, char *err, size_t errcap);
void keyring_free(struct keyring *k);

#endif
