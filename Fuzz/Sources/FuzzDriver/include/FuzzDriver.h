// libFuzzer's driver, called from each fuzzer's entry point (SwiftPM renames an executable's
// `main` to `<Module>_main`, so libFuzzer's own `main` is not the one linked).
#include <stddef.h>
#include <stdint.h>

typedef int (*FuzzTarget)(const uint8_t *data, size_t size);
int fuzz_driver_run(int argc, char **argv, FuzzTarget target);
