/*
 * libFuzzer target: a Markdown document (--input markdown: cmark, the
 * front matter, texts placed in the file), with the promises and the input
 * layout of document.h.
 */
#include "document.h"

static fl_checker *checker;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	checker = fl_fuzz_checker("fuzz_markdown");
	fl_fuzz_document_init(checker, "fuzz_markdown");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fl_fuzz_document(checker, FL_INPUT_MARKDOWN, fl__read_markdown, data,
	                 size);
	return 0;
}
