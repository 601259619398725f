// Runs libFuzzer (LLVMFuzzerRunDriver, in the toolchain's libclang_rt.fuzzer) on one target.
#include "FuzzDriver.h"

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));

int fuzz_driver_run(int argc, char **argv, FuzzTarget target) {
    return LLVMFuzzerRunDriver(&argc, &argv, target);
}
