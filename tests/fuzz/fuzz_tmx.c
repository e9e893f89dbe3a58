/*
 * libFuzzer target: the TMX reader (fl__read_tmx) and a whole check of
 * its input (fl_check_input_buffer, --input tmx). Input and promises:
 * input_fuzz.h.
 */
#include "input_fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fl_fuzz_input_init("fuzz_tmx");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fl_fuzz_input(data, size, FL_INPUT_TMX, fl__read_tmx,
	                     "fuzz.tmx");
}
