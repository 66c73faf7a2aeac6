/* keyring: reads the trusted-keys folder in name order. */
#include "sync/keyring.h"

#include "base/xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

static int is_pub(const struct dirent *d)
{
    size_t n = strlen(d->d_name);
    return d->d_name[0] != '.' && n > 4 && strcmp(d->d_name + n - 4, ".pub") == 0;
}

bool keyring_load(struct keyring *k, const char *dir, char *err, size_t errcap)
{
    memset(k, 0, sizeof(*k));
    struct dirent **list;
    int n = scandir(dir, &list, is_pub, by_name);
    if (n < 0) {
        snprintf(err, errcap, "%s: cannot read the trusted keys folder: %s", dir, strerror(errno));
        return false;
    }
    for (int i = 0; i < n; i++) {
        char path[2048], msg[512];
        snprintf(path, sizeof(path), "%s/%s", dir, list[i]->d_name);
        struct minisign_pubkey pk;
        if (minisign_pubkey_load(path, &pk, msg, sizeof(msg))) {
            XGROW(k->keys, k->cap, k->n + 1);
            k->keys[k->n++] = pk;
        } else {
            fprintf(stderr, "aula-sync: warning: %s (key ignored)\n", msg);
        }
        free(list[i]);
    }
    free(list);
    if (k->n == 0) {
        snprintf(err, errcap,
                 "%s: no trusted public keys (*.pub); copy the publisher's public key there", dir);
        return false;
    }
    return true;
}

void keyring_free(struct keyring *k)
{
    free(k->keys);
    memset(k, 0, sizeof(*k));
}
