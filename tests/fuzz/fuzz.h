/* fuzz: the libFuzzer entry point every fuzz target defines. Built with
 * -fsanitize=fuzzer under clang (AULA_FUZZ=ON), or linked with replay.c,
 * which runs it once over each file of a corpus. */
#ifndef AULA_TESTS_FUZZ_H
#define AULA_TESTS_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
