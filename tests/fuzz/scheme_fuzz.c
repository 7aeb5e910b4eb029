/* Fuzz target: an indicator scheme file through the scheme reader, and what it reads through the score composition. */
#include "grader/scheme.h"
#include "grader/score.h"
#include "tests/fuzz/fuzz_input.h"

#include <stdint.h>

/* A unit with a bit of everything, so that any scheme the reader takes is also scored. */
static const struct item_outcome guide[] = {
	{"guide.present", ITEM_PASS, 1, "r", "指南"}, {"channel.online", ITEM_FAIL, 0, NULL, "404"},
	{"channel.phone", ITEM_UNKNOWN, 0, NULL, ""}, {"channel.accepted", ITEM_NA, 1, "r", NULL},
};
static const struct item_outcome letter[] = {
	{"form.title", ITEM_PASS, 0, NULL, "答复书"}, {"form.seal", ITEM_NA, 1, "r", NULL},
	{"remedy.periods", ITEM_FAIL, 1, "r", "3个月"}, {"basis.article", ITEM_UNKNOWN, 0, NULL, NULL},
};
static const struct request_outcome requests[] = {
	{.id = "1", .kind = REQUEST_FOI, .replied = 1, .late = 1, .doc_kind = "final", .working_days = 22,
	 .items = letter, .nitems = 4},
	{.id = "2", .kind = REQUEST_FOI, .doc_kind = "extension", .replied = 1, .items = letter, .nitems = 4},
	{.id = "3", .kind = REQUEST_FOI, .pending = 1, .working_days = -1},
	{.id = "4", .kind = REQUEST_CONSULT, .replied = 1, .band = BAND_5, .working_days = 3,
	 .accuracy = {"accurate", ITEM_PASS, 0, NULL, NULL}},
	{.id = "5", .kind = REQUEST_CONSULT, .working_days = -1},
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int fd;
	const char *path = fuzz_file(data, size, &fd);
	struct scheme s;
	char err[512];
	if (scheme_load(path, &s, err, sizeof err) == 0) {
		for (size_t t = 0; t < s.ntables; t++) {
			struct manual_entry entry = {.part = "consult.publication", .points = 0.25, .note = "n", .by = "b"};
			struct unit_outcome u = {.code = "U", .name = "单位", .level = s.tables[t].level,
						 .channel_items = guide, .nchannel = 4, .requests = requests, .nrequests = 5,
						 .manual = &entry, .nmanual = 1};
			struct unit_score us;
			if (score_unit(&s, &u, &us, err, sizeof err) == 0)
				unit_score_free(&us);
		}
		scheme_free(&s);
	}
	fuzz_file_close(fd);
	return 0;
}
