/*
 * libFuzzer target: the XLIFF reader (fl__read_xliff) and a whole check of
 * its input (fl_check_input_buffer, --input xliff). Input and promises:
 * input_fuzz.h.
 */
#include "input_fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fl_fuzz_input_init("fuzz_xliff");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fl_fuzz_input(data, size, FL_INPUT_XLIFF, fl__read_xliff,
	                     "fuzz.xlf");
}
