/* The content store of raw messages and pages, named by SHA-256 (see blobs.h). */
#include "harness/blobs.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int sha256_hex(const void *data, size_t len, char out[BLOB_NAME_MAX])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0;
	if (EVP_Digest(data, len, md, &mdlen, EVP_sha256(), NULL) != 1 || mdlen != 32)
		return -1;
	for (unsigned i = 0; i < mdlen; i++)
		snprintf(out + 2 * i, 3, "%02x", md[i]);
	return 0;
}

static int blob_path(const char *store_dir, const char *name, char *dir, char *path)
{
	int n = snprintf(dir, PATH_MAX, "%s/%.2s", store_dir, name);
	int m = snprintf(path, PATH_MAX, "%s/%s", dir, name + 2);
	return n < 0 || n >= PATH_MAX || m < 0 || m >= PATH_MAX ? -1 : 0;
}

static int write_all(int fd, const char *p, size_t len)
{
	while (len > 0) {
		ssize_t w = write(fd, p, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		p += w;
		len -= (size_t)w;
	}
	return 0;
}

enum foi_status blob_put(const char *store_dir, const void *data, size_t len, char name[BLOB_NAME_MAX],
			 char *err, size_t errsz)
{
	char dir[PATH_MAX], path[PATH_MAX], tmp[PATH_MAX + 16];
	if (sha256_hex(data, len, name) != 0)
		return foi_fail(err, errsz, FOI_E_NOMEM, "store: SHA-256 failed");
	if (blob_path(store_dir, name, dir, path) != 0)
		return foi_fail(err, errsz, FOI_E_IO, "store: path too long under %s", store_dir);
	if (access(path, F_OK) == 0)
		return FOI_OK; /* the same bytes are there already */
	if (mkdir(dir, 0755) != 0 && errno != EEXIST)
		return foi_fail(err, errsz, FOI_E_IO, "store: %s: %s", dir, strerror(errno));
	snprintf(tmp, sizeof tmp, "%s.tmp%ld", path, (long)getpid());
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return foi_fail(err, errsz, FOI_E_IO, "store: %s: %s", tmp, strerror(errno));
	if (write_all(fd, data, len) != 0 || fsync(fd) != 0) {
		int e = errno;
		close(fd);
		unlink(tmp);
		return foi_fail(err, errsz, FOI_E_IO, "store: writing %s: %s", tmp, strerror(e));
	}
	if (close(fd) != 0 || rename(tmp, path) != 0) {
		int e = errno;
		unlink(tmp);
		return foi_fail(err, errsz, FOI_E_IO, "store: %s: %s", path, strerror(e));
	}
	return FOI_OK;
}

int blob_file_path(const char *store_dir, const char *name, char out[PATH_MAX])
{
	char dir[PATH_MAX];
	if (strlen(name) != BLOB_NAME_MAX - 1 || strspn(name, "0123456789abcdef") != BLOB_NAME_MAX - 1)
		return -1;
	return blob_path(store_dir, name, dir, out);
}

enum foi_status blob_get(const char *store_dir, const char *name, char **data, size_t *len, char *err, size_t errsz)
{
	char dir[PATH_MAX], path[PATH_MAX];
	*data = NULL;
	*len = 0;
	if (strlen(name) != BLOB_NAME_MAX - 1 || blob_path(store_dir, name, dir, path) != 0)
		return foi_fail(err, errsz, FOI_E_DATA, "store: '%s' is not a blob name", name);
	FILE *f = fopen(path, "rb");
	if (!f)
		return foi_fail(err, errsz, errno == ENOENT ? FOI_E_NOT_FOUND : FOI_E_IO, "store: %s: %s", path, strerror(errno));
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap);
	while (buf) {
		if (n + 1 >= cap) {
			char *nb = realloc(buf, cap * 2);
			if (!nb) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = nb;
			cap *= 2;
		}
		size_t r = fread(buf + n, 1, cap - n - 1, f);
		n += r;
		if (r == 0)
			break;
	}
	int bad = ferror(f);
	fclose(f);
	if (!buf)
		return foi_fail(err, errsz, FOI_E_NOMEM, "store: out of memory reading %s", path);
	if (bad) {
		free(buf);
		return foi_fail(err, errsz, FOI_E_IO, "store: reading %s failed", path);
	}
	buf[n] = '\0';
	*data = buf;
	*len = n;
	return FOI_OK;
}
