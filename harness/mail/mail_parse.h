/*
 * One way of handing a message to GMime 3, shared by the readers of harness/mail/: the loose
 * compliance modes real mail needs (RFC 2047 words in the wrong places, raw 8-bit headers,
 * unquoted parameters) and UTF-8 then GB18030 as the charsets tried for unlabelled 8-bit text,
 * since units in China send GBK headers without saying so.
 */
#ifndef FOI_HARNESS_MAIL_PARSE_H
#define FOI_HARNESS_MAIL_PARSE_H

#include <gmime/gmime.h>
#include <stddef.h>

/* Parser options as above; the caller frees them with g_mime_parser_options_free(). When
 * on_warning is not NULL, GMime reports each problem it meets to it (with ctx). */
GMimeParserOptions *mail_parse_options(GMimeParserWarningFunc on_warning, void *ctx);

/* The message in data[0..len), or NULL when GMime finds no message there. */
GMimeMessage *mail_parse_message(const char *data, size_t len, GMimeParserOptions *opts);

/* The transfer-decoded bytes of a part (base64, quoted-printable undone), held by the memory
 * stream put in *keep, which the caller unrefs; NULL when the part has no content. */
GByteArray *mail_part_bytes(GMimePart *part, GMimeStream **keep);

#endif
