/* Fuzz target: a Word .docx letter through the .docx reader (libzip + libxml2, word/document.xml). */
#include "tests/fuzz/fuzz_package.h"

#include <stdint.h>

/* A zip is read as it is; other input is the package's parts, word/document.xml first
 * (fuzz_package.h). */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_read_package(data, size, DOC_DOCX, "word/document.xml");
	return 0;
}
