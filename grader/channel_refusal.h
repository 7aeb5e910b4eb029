/*
 * Refusing the two channels that may never be refused: a body must accept applications in
 * person and by post (国办公开办函〔2017〕19号, reply-norms.md "Channels"; 条例 §29 lets an
 * applicant apply in writing, by letter or in person). A guide or a reply that says it does not
 * accept them (本机关不受理当面申请, 暂停接收邮寄申请), or that it accepts applications only
 * online (仅受理网上申请), refuses them. Shared by the guide check (channel.no_refusal) and
 * the letter check (no_channel_refusal); pure, on UTF-8 text folded to ASCII punctuation.
 */
#ifndef FOI_GRADER_CHANNEL_REFUSAL_H
#define FOI_GRADER_CHANNEL_REFUSAL_H

#include <stddef.h>

/* 1 when t[from..to) refuses applications in person or by post: [*s, *e) is the sentence
 * that does. 0 when it refuses neither. */
int channel_refusal_find(const char *t, size_t from, size_t to, size_t *s, size_t *e);

#endif
