/* signcmd: the aula-pack commands for signing (keygen, sign, verify,
 * publish). Each takes the command's own argc/argv (argv[0] is the command
 * name), prints to out and err, and returns the process exit status, so
 * that aula-pack only dispatches and tests need no processes. */
#ifndef AULA_SYNC_SIGNCMD_H
#define AULA_SYNC_SIGNCMD_H

#include <stdbool.h>
#include <stdio.h>

/* Exit statuses (the same as aula-pack's other commands). */
enum { SIGNCMD_OK = 0, SIGNCMD_REFUSED = 1, SIGNCMD_USAGE = 2, SIGNCMD_IO = 3 };

/* True if cmd is one of the commands below. */
bool signcmd_handles(const char *cmd);
/* Runs argv[0] ("keygen", "sign", "verify" or "publish"). */
int signcmd_main(int argc, char **argv, FILE *out, FILE *err);

int signcmd_keygen(int argc, char **argv, FILE *out, FILE *err);
int signcmd_sign(int argc, char **argv, FILE *out, FILE *err);
int signcmd_verify(int argc, char **argv, FILE *out, FILE *err);
int signcmd_publish(int argc, char **argv, FILE *out, FILE *err);

/* The usage lines for aula-pack's help text. */
extern const char signcmd_usage[];

#endif
