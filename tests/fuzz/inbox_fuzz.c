/* Fuzz target: an incoming message through the inbox's reader (envelope, attachments, bounce
 * and auto-reply recognition: harness/mail/mail_envelope.h). */
#include "harness/mail/mail_envelope.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mail_envelope e;
	char err[256];
	if (mail_envelope_read((const char *)data, size, &e, err, sizeof err) != 0)
		return 0;
	/* What the inbox relies on: every string there, the attachments' bytes readable. */
	size_t sum = strlen(e.message_id) + strlen(e.from_addr) + strlen(e.subject) + strlen(e.problems);
	for (size_t i = 0; i < e.nrefs; i++)
		sum += strlen(e.refs[i]);
	for (size_t i = 0; i < e.nrecipients; i++)
		sum += strlen(e.recipients[i]);
	if (e.dsn.bounce)
		sum += strlen(e.dsn.reason) + strlen(e.dsn.original_id);
	for (size_t i = 0; i < e.natt; i++)
		sum += strlen(e.att[i].name) + (e.att[i].len ? e.att[i].data[e.att[i].len - 1] : 0);
	mail_envelope_free(&e);
	return sum == (size_t)-1;
}
