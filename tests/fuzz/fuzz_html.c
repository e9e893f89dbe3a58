/*
 * libFuzzer target: an HTML document (--input html: libxml2's HTML
 * parser, texts placed in the file), with the promises and the input
 * layout of document.h.
 */
#include "document.h"

static fl_checker *checker;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	checker = fl_fuzz_checker("fuzz_html");
	fl_fuzz_document_init(checker, "fuzz_html");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fl_fuzz_document(checker, FL_INPUT_HTML, fl__read_html, data, size);
	return 0;
}
