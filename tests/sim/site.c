/* The look of a simulated unit's website: header, menu and footer (see site.h). */
#include "tests/sim/site.h"

#include <string.h>

void site_open(struct strbuf *sb, const struct sim_profiles *p, const struct sim_unit *u,
	       const char *title, const char *meta_charset)
{
	const char *org = u ? u->name : p->portal;
	sb_add(sb, "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" "
		   "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n"
		   "<html xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n");
	sb_addf(sb, "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=%s\" />\n", meta_charset);
	sb_add(sb, "<meta name=\"SiteName\" content=\"");
	sb_add_html(sb, org);
	sb_add(sb, "\" />\n<title>");
	sb_add_html(sb, title);
	sb_add(sb, "_");
	sb_add_html(sb, org);
	sb_add(sb, "</title>\n<style type=\"text/css\">\n"
		   "body{margin:0;font:14px/1.8 \"Microsoft YaHei\",SimSun,sans-serif;color:#333;background:#f4f4f4}\n"
		   ".head{background:#b71c1c;color:#fff;padding:18px 0}.head h1{width:1000px;margin:0 auto;font-size:28px}\n"
		   ".nav{background:#8e0000}.nav ul{width:1000px;margin:0 auto;padding:0;list-style:none;overflow:hidden}\n"
		   ".nav li{float:left}.nav a{display:block;padding:8px 22px;color:#fff;text-decoration:none}\n"
		   ".main{width:960px;margin:16px auto;background:#fff;padding:20px;min-height:400px}\n"
		   ".position{color:#888;border-bottom:1px solid #ddd;margin-bottom:16px}\n"
		   ".foot{text-align:center;color:#666;font-size:12px;padding:16px}\n"
		   "table.form td{padding:6px}.required{color:#c00}\n"
		   "</style>\n</head>\n<body>\n<div class=\"head\"><h1>");
	sb_add_html(sb, org);
	sb_add(sb, "</h1></div>\n<div class=\"nav\"><ul>");
	if (u) {
		sb_addf(sb, "<li><a href=\"/%s/\">首页</a></li>", u->code);
		sb_addf(sb, "<li><a href=\"/%s/guide.html\">政府信息公开</a></li>", u->code);
		sb_addf(sb, "<li><a href=\"/%s/letters\">互动交流</a></li>", u->code);
	} else
		sb_add(sb, "<li><a href=\"/\">首页</a></li>");
	sb_add(sb, "</ul></div>\n<div class=\"main\">\n<div class=\"position\">当前位置：首页 &gt; ");
	sb_add_html(sb, title);
	sb_add(sb, "</div>\n");
}

void site_close(struct strbuf *sb, const struct sim_profiles *p, const struct sim_unit *u)
{
	sb_add(sb, "</div>\n<div class=\"foot\">主办单位：");
	sb_add_html(sb, u ? u->name : p->portal);
	/* No address or telephone here: a guide that leaves them out must not show them at all. */
	sb_add(sb, "<br />鄂ICP备05003399号&nbsp;&nbsp;政府网站标识码：4213000099<br />"
		   "本网站为测试模拟站点，仅在本机回环地址提供服务</div>\n</body>\n</html>\n");
}

char *site_not_found(const struct sim_profiles *p, const struct sim_unit *u, const char *url)
{
	struct strbuf sb;
	sb_init(&sb);
	site_open(&sb, p, u, "页面不存在", "utf-8");
	sb_add(&sb, "<div class=\"error404\"><h2>404 抱歉，您访问的页面不存在或已被删除！</h2>\n<p>请求地址：");
	sb_add_html(&sb, url);
	sb_add(&sb, "</p>\n<p>您可以：<a href=\"/\">返回首页</a></p></div>\n");
	site_close(&sb, p, u);
	return sb_take(&sb);
}

char *site_server_error(const char *url)
{
	struct strbuf sb;
	sb_init(&sb);
	sb_add(&sb, "<!doctype html><html lang=\"en\"><head><title>HTTP Status 500 – Internal Server Error</title>"
		    "<style type=\"text/css\">body {font-family:Tahoma,Arial,sans-serif;} h1 {font-size:22px;} "
		    "pre {font-size:12px;}</style></head><body><h1>HTTP Status 500 – Internal Server Error</h1><hr class=\"line\" />"
		    "<p><b>Type</b> Exception Report</p><p><b>Message</b> Request processing failed; nested exception is "
		    "java.lang.NullPointerException</p><p><b>Description</b> The server encountered an unexpected condition "
		    "that prevented it from fulfilling the request.</p><p><b>Exception</b></p><pre>"
		    "org.springframework.web.util.NestedServletException: Request processing failed; nested exception is java.lang.NullPointerException\n"
		    "\tcom.hanweb.jcms.ysqgk.controller.ApplyController.submit(ApplyController.java:212)\n"
		    "\tjavax.servlet.http.HttpServlet.service(HttpServlet.java:661)\n</pre><p><b>Request</b> ");
	sb_add_html(&sb, url);
	sb_add(&sb, "</p><hr class=\"line\" /><h3>Apache Tomcat/8.5.57</h3></body></html>\n");
	return sb_take(&sb);
}

char *site_message(const struct sim_profiles *p, const struct sim_unit *u, const char *title,
		   const char *const *paras)
{
	struct strbuf sb;
	sb_init(&sb);
	site_open(&sb, p, u, title, "utf-8");
	sb_add(&sb, "<div class=\"message\"><h2>");
	sb_add_html(&sb, title);
	sb_add(&sb, "</h2>\n");
	for (size_t i = 0; paras && paras[i]; i++) {
		sb_add(&sb, "<p>");
		sb_add_html(&sb, paras[i]);
		sb_add(&sb, "</p>\n");
	}
	sb_add(&sb, "</div>\n");
	site_close(&sb, p, u);
	return sb_take(&sb);
}
