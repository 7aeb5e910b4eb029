/* Handing message bytes to GMime 3 with the options real (and Chinese) mail needs. */
#include "harness/mail/mail_parse.h"

GMimeParserOptions *mail_parse_options(GMimeParserWarningFunc on_warning, void *ctx)
{
	g_mime_init();
	GMimeParserOptions *opts = g_mime_parser_options_new();
	const char *fallback[] = {"UTF-8", "GB18030", NULL};
	g_mime_parser_options_set_fallback_charsets(opts, fallback);
	g_mime_parser_options_set_rfc2047_compliance_mode(opts, GMIME_RFC_COMPLIANCE_LOOSE);
	g_mime_parser_options_set_address_compliance_mode(opts, GMIME_RFC_COMPLIANCE_LOOSE);
	g_mime_parser_options_set_parameter_compliance_mode(opts, GMIME_RFC_COMPLIANCE_LOOSE);
	if (on_warning)
		g_mime_parser_options_set_warning_callback(opts, on_warning, ctx);
	return opts;
}

GMimeMessage *mail_parse_message(const char *data, size_t len, GMimeParserOptions *opts)
{
	GMimeStream *stream = g_mime_stream_mem_new_with_buffer(data, len);
	GMimeParser *parser = g_mime_parser_new_with_stream(stream);
	GMimeMessage *msg = g_mime_parser_construct_message(parser, opts);
	g_object_unref(parser);
	g_object_unref(stream);
	return msg;
}

GByteArray *mail_part_bytes(GMimePart *part, GMimeStream **keep)
{
	GMimeDataWrapper *content = g_mime_part_get_content(part);
	if (!content)
		return NULL;
	GMimeStream *mem = g_mime_stream_mem_new();
	if (g_mime_data_wrapper_write_to_stream(content, mem) < 0) {
		g_object_unref(mem);
		return NULL;
	}
	*keep = mem;
	return g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem));
}
