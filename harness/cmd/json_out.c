/* The front-ends' JSON writer (see json_out.h). */
#include "harness/cmd/json_out.h"

#include <stdio.h>

#include "harness/app.h"

void json_str(cJSON *obj, const char *key, const char *value, int *ok)
{
	if (!cJSON_AddStringToObject(obj, key, value ? value : ""))
		*ok = 0;
}

void json_str_or_null(cJSON *obj, const char *key, const char *value, int *ok)
{
	if (!(value ? cJSON_AddStringToObject(obj, key, value) : cJSON_AddNullToObject(obj, key)))
		*ok = 0;
}

void json_num(cJSON *obj, const char *key, double value, int *ok)
{
	if (!cJSON_AddNumberToObject(obj, key, value))
		*ok = 0;
}

void json_bool(cJSON *obj, const char *key, int value, int *ok)
{
	if (!cJSON_AddBoolToObject(obj, key, value))
		*ok = 0;
}

void json_null(cJSON *obj, const char *key, int *ok)
{
	if (!cJSON_AddNullToObject(obj, key))
		*ok = 0;
}

cJSON *json_obj(cJSON *parent, const char *key, int *ok)
{
	cJSON *o = cJSON_CreateObject();
	if (!o || !(key ? cJSON_AddItemToObject(parent, key, o) : cJSON_AddItemToArray(parent, o))) {
		cJSON_Delete(o);
		*ok = 0;
		return NULL;
	}
	return o;
}

cJSON *json_arr(cJSON *parent, const char *key, int *ok)
{
	cJSON *a = cJSON_CreateArray();
	if (!a || !(key ? cJSON_AddItemToObject(parent, key, a) : cJSON_AddItemToArray(parent, a))) {
		cJSON_Delete(a);
		*ok = 0;
		return NULL;
	}
	return a;
}

cJSON *json_root_obj(int *ok)
{
	cJSON *o = cJSON_CreateObject();
	if (!o)
		*ok = 0;
	return o;
}

cJSON *json_root_arr(int *ok)
{
	cJSON *a = cJSON_CreateArray();
	if (!a)
		*ok = 0;
	return a;
}

void json_push_str(cJSON *arr, const char *value, int *ok)
{
	cJSON *s = cJSON_CreateString(value);
	if (!s || !cJSON_AddItemToArray(arr, s)) {
		cJSON_Delete(s);
		*ok = 0;
	}
}

int json_emit(cJSON *root, int ok, const char *what)
{
	char *text = ok && root ? cJSON_Print(root) : NULL;
	cJSON_Delete(root);
	if (!text) {
		foi_error(what, "out of memory while writing JSON");
		return FOI_EXIT_FAIL;
	}
	puts(text);
	cJSON_free(text);
	return FOI_EXIT_OK;
}
