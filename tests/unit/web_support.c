/* Support for the web-form tests: workspaces on the simulator, its records, a one-page site. */
#include "tests/unit/web_support.h"

#include <arpa/inet.h>
#include <criterion/criterion.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tests/unit/run_foi.h"

char *web_workspace(const struct sim *s)
{
	char *dir = make_temp_dir();
	struct foi_run r = run_foi(NULL, "init %s", dir);
	cr_assert_eq(r.status, 0, "init: %s", r.err);
	run_free(&r);
	r = run_shell("cd '%s' && sed -i 's|127.0.0.1:18480|127.0.0.1:%u|g' units.csv && "
		      "awk -F, 'BEGIN { OFS = \",\" } NR > 1 { $8 = \"\" } { print }' units.csv >web-units.csv && "
		      "sed -i -e 's|^host_gap_seconds =.*|host_gap_seconds = 0|' -e 's|^per_minute =.*|per_minute = 0|' foi.ini",
		      dir, s->port);
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	r = run_foi(dir, "units import %s/web-units.csv", dir);
	cr_assert_eq(r.status, 0, "units import: %s", r.err);
	run_free(&r);
	r = run_foi(dir, "--now '2023-09-18 08:00' round create r --seed 7 --start 2023-09-18");
	cr_assert_eq(r.status, 0, "%s", r.err);
	run_free(&r);
	return dir;
}

cJSON *sim_json(struct sim *s, const char *path)
{
	struct browser b;
	browser_open(&b);
	char url[64];
	snprintf(url, sizeof url, "/_sim/%s", path);
	struct http h = sim_get(s, &b, url);
	cr_assert_eq(h.status, 200, "%s", url);
	cJSON *doc = cJSON_Parse(h.body);
	cr_assert_not_null(doc, "%s", h.body);
	http_free(&h);
	browser_close(&b);
	return doc;
}

const char *form_unit(const char *address)
{
	static char code[32];
	const char *p = strstr(address, "://");
	p = p ? strchr(p + 3, '/') : NULL;
	cr_assert_not_null(p, "%s", address);
	snprintf(code, sizeof code, "%.*s", (int)strcspn(p + 1, "/"), p + 1);
	return code;
}

static const struct test_persona personas[] = {
	{"li", "李明华", "居民身份证", "421302199003154515", "13971234567", "湖北省随州市曾都区青年路18号", "441300"},
	{"wang", "王秀兰", "居民身份证", "42138119851120062X", "15872345678", "湖北省广水市应山街道永阳大道66号", "432700"},
	{"zhao", "赵建国", "居民身份证", "421321197807084313", "18627123456", "湖北省随州市随县厉山镇神农大道9号", "441309"},
};

const struct test_persona *test_persona(const char *key)
{
	for (size_t i = 0; i < sizeof personas / sizeof personas[0]; i++)
		if (!strcmp(personas[i].key, key))
			return &personas[i];
	cr_assert_fail("no persona %s in config.example.ini's set", key);
	return NULL;
}

static const char *str(const cJSON *o, const char *key)
{
	const char *v = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, key));
	return v ? v : "";
}

void assert_form_received(const cJSON *record, const cJSON *request)
{
	const cJSON *form = cJSON_GetObjectItemCaseSensitive(record, "form");
	cr_assert(cJSON_IsObject(form), "the sim recorded no form");
	const struct test_persona *p = test_persona(str(request, "persona"));
	const char *id = str(request, "token");
	struct {
		const char *label, *want;
	} foi[] = {{"姓名/名称", p->name}, {"证件类型", p->id_type}, {"证件号码", p->id_number}, {"联系电话", p->phone},
		   {"电子邮箱", str(request, "reply_to")}, {"通信地址", p->address}, {"邮政编码", p->postcode},
		   {"所需信息内容描述", str(request, "body")}, {"获取信息方式", "电子邮件"}},
	  consult[] = {{"姓名", p->name}, {"联系电话", p->phone}, {"电子邮箱", str(request, "reply_to")},
		       {"留言标题", str(request, "subject")}, {"留言内容", str(request, "body")}, {"是否公开", "否"}};
	int is_foi = !strcmp(str(request, "kind"), "foi");
	size_t n = is_foi ? sizeof foi / sizeof foi[0] : sizeof consult / sizeof consult[0];
	for (size_t i = 0; i < n; i++) {
		const char *label = is_foi ? foi[i].label : consult[i].label, *want = is_foi ? foi[i].want : consult[i].want;
		cr_assert_str_eq(str(form, label), want, "request %s (%s): %s", id, str(request, "unit"), label);
	}
	cr_assert_eq((size_t)cJSON_GetArraySize(form), n, "request %s: only the form's own fields", id);
}

const cJSON *sim_record(const cJSON *state, const char *code)
{
	const cJSON *r;
	cJSON_ArrayForEach(r, cJSON_GetObjectItem(state, "requests"))
		if (!strcmp(str(r, "query_code"), code))
			return r;
	return NULL;
}

/* Reads one HTTP request (headers, then Content-Length bytes); 1 for a POST. */
static int read_request(int c)
{
	char buf[65536];
	size_t len = 0;
	char *end = NULL;
	while (!end && len < sizeof buf - 1) {
		ssize_t n = read(c, buf + len, sizeof buf - 1 - len);
		if (n <= 0)
			return -1;
		len += (size_t)n;
		buf[len] = '\0';
		end = strstr(buf, "\r\n\r\n");
	}
	if (!end)
		return -1;
	const char *cl = strcasestr(buf, "Content-Length:");
	size_t want = cl ? (size_t)atol(cl + 15) : 0, have = len - (size_t)(end + 4 - buf);
	while (have < want) {
		ssize_t n = read(c, buf, sizeof buf);
		if (n <= 0)
			break;
		have += (size_t)n;
	}
	return !strncmp(buf, "POST ", 5);
}

static void serve(int fd, const char *page, const char *posts)
{
	static const char done[] = "<html><body><h2>提交成功</h2><p>查询码：<b>FAKE1234</b></p></body></html>";
	for (;;) {
		int c = accept(fd, NULL, NULL);
		if (c < 0)
			continue;
		int post = read_request(c);
		if (post == 1) {
			FILE *f = fopen(posts, "a");
			if (f) {
				fputs("POST\n", f);
				fclose(f);
			}
		}
		const char *body = post == 1 ? done : page;
		char head[200];
		int n = snprintf(head, sizeof head, "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
						    "Content-Length: %zu\r\nConnection: close\r\n\r\n", strlen(body));
		if (write(c, head, (size_t)n) < 0 || write(c, body, strlen(body)) < 0)
			perror("page site");
		close(c);
	}
}

void page_site_start(struct page_site *p, const char *page_path)
{
	char *page = read_file(page_path);
	cr_assert_not_null(page, "%s", page_path);
	char *dir = make_temp_dir();
	cr_assert(asprintf(&p->posts, "%s/posts", dir) > 0);
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t alen = sizeof a;
	cr_assert(fd >= 0 && bind(fd, (struct sockaddr *)&a, sizeof a) == 0 && listen(fd, 8) == 0 &&
		  getsockname(fd, (struct sockaddr *)&a, &alen) == 0);
	p->port = ntohs(a.sin_port);
	p->pid = fork();
	cr_assert(p->pid >= 0);
	if (p->pid == 0) {
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		serve(fd, page, p->posts);
		_exit(0);
	}
	close(fd);
	free(page);
}

void page_site_stop(struct page_site *p)
{
	kill(p->pid, SIGKILL);
	waitpid(p->pid, NULL, 0);
	free(p->posts);
}

int page_site_posts(const struct page_site *p)
{
	char *text = read_file(p->posts);
	int n = 0;
	for (const char *t = text; t && (t = strstr(t, "POST\n")) != NULL; t++)
		n++;
	free(text);
	return n;
}
