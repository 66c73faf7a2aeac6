/* writer: turns a loaded, checked content folder into a snapshot file. */
#ifndef AULA_PACK_WRITER_H
#define AULA_PACK_WRITER_H

#include "pack/content.h"

#include <stdbool.h>
#include <stddef.h>

/* Writes c to out_path atomically (temporary file, fsync, rename). On
 * failure out_path is untouched and err says why. */
bool writer_write(const struct content *c, const char *out_path, char *err, size_t errcap);

#endif
