/* Fuzz target: an OFD letter through the OFD reader (OFD.xml -> Document.xml -> the pages' Content.xml). */
#include "tests/fuzz/fuzz_package.h"

#include <stdint.h>

/* A zip is read as it is; other input is the package's parts, OFD.xml first (fuzz_package.h). */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_read_package(data, size, DOC_OFD, "OFD.xml");
	return 0;
}
