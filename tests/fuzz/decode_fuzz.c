/* Fuzz target: the charset decoder (labels, byte-order marks, trust modes, binary sniffing). */
#include "grader/text_decode.h"
#include "grader/utf8.h"
#include "tests/fuzz/fuzz_input.h"

#include <stdint.h>
#include <stdlib.h>

/* Labels as MIME parts and HTTP headers carry them; index 0 is an unlabelled file. */
static const char *const labels[8] = {NULL, "utf-8", "gb2312", "GBK", "gb18030", "big5",
				      "windows-1252", "utf-16le"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned opt = fuzz_option_byte(data, size);
	const char *bytes = (const char *)data;
	struct decode_opts opts = {
		.label = labels[(opt >> 4) & 7],
		.trust = opt & 0x80 ? DECODE_TRUST_DECLARATION : DECODE_TRUST_BYTES,
		.flags = opt & 0x0f,
	};
	struct decoded_text t;
	char err[256];
	if (text_decode_with(bytes, size, &opts, &t, err, sizeof err) == 0) {
		/* The promise every reader relies on: whatever came in, UTF-8 comes out. */
		if (!utf8_valid(t.text, t.len))
			abort();
		decoded_text_free(&t);
	}
	const char *name;
	text_sniff_binary(bytes, size, TEXT_SNIFF_PAGE, opt & 1, &name);
	text_looks_binary(bytes, size);
	return 0;
}
