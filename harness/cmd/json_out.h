/*
 * The one JSON writer of the front-ends, on cJSON. Every builder clears *ok when an allocation
 * fails, so that a command builds its whole document and checks once, in json_emit(), which
 * prints nothing of a document that could not be built whole.
 */
#ifndef FOI_JSON_OUT_H
#define FOI_JSON_OUT_H

#include <cjson/cJSON.h>

void json_str(cJSON *obj, const char *key, const char *value, int *ok); /* NULL is written as "" */
void json_str_or_null(cJSON *obj, const char *key, const char *value, int *ok);
void json_num(cJSON *obj, const char *key, double value, int *ok);
void json_bool(cJSON *obj, const char *key, int value, int *ok);
void json_null(cJSON *obj, const char *key, int *ok);
cJSON *json_obj(cJSON *parent, const char *key, int *ok); /* key NULL: appended to an array */
cJSON *json_arr(cJSON *parent, const char *key, int *ok); /* key NULL: appended to an array */
void json_push_str(cJSON *arr, const char *value, int *ok);

/* A new object or array for the top of a document; NULL clears *ok. */
cJSON *json_root_obj(int *ok);
cJSON *json_root_arr(int *ok);

/* Prints root, indented, and a line break on stdout, then deletes it (also when !ok or NULL).
 * Returns an exit code: FOI_EXIT_FAIL after "foi: WHAT: out of memory ..." when !ok. */
int json_emit(cJSON *root, int ok, const char *what);

#endif
