/* `--format pdf`: the HTML statement printed by headless Chromium.
 *
 * Chromium is found on PATH (chromium, chromium-browser, google-chrome) or
 * named by REPARATIONS_CHROMIUM. It runs on a private temporary directory
 * (the page and a fresh profile), with networking, updates and sync
 * off, and is killed after a time limit; nothing is downloaded. */
#define _XOPEN_SOURCE 700
#define _DEFAULT_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

#define PDF_TIMEOUT_S 120

static bool executable_at(const char *path)
{
	return access(path, X_OK) == 0;
}

/* The Chromium binary, or NULL. */
static const char *find_chromium(char *buf, size_t size)
{
	const char *env = getenv("REPARATIONS_CHROMIUM");
	if (env && *env)
		return executable_at(env) ? env : NULL;
	static const char *const names[] = {"chromium", "chromium-browser", "google-chrome", "chrome"};
	const char *path = getenv("PATH");
	if (!path || !*path)
		path = "/usr/local/bin:/usr/bin:/bin";
	for (size_t n = 0; n < sizeof names / sizeof names[0]; n++) {
		const char *p = path;
		while (*p) {
			const char *colon = strchr(p, ':');
			size_t dl = colon ? (size_t)(colon - p) : strlen(p);
			if (dl && snprintf(buf, size, "%.*s/%s", (int)dl, p, names[n]) < (int)size && executable_at(buf))
				return buf;
			p = colon ? colon + 1 : p + dl;
		}
	}
	return NULL;
}

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

static int write_all(const char *path, const char *text, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
	if (fd < 0)
		return -1;
	size_t off = 0;
	while (off < len) {
		ssize_t w = write(fd, text + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			close(fd);
			return -1;
		}
		off += (size_t)w;
	}
	return close(fd);
}

/* The last non-empty line of Chromium's log, for the error message. */
static void last_line(const char *path, char *out, size_t size)
{
	out[0] = '\0';
	FILE *f = fopen(path, "r");
	if (!f)
		return;
	char line[512];
	while (fgets(line, sizeof line, f)) {
		size_t n = strcspn(line, "\r\n");
		line[n] = '\0';
		if (n)
			snprintf(out, size, "%s", line);
	}
	fclose(f);
}

int cli_html_to_pdf(const char *html, size_t len, char **pdf, size_t *pdf_len, char *msg, size_t msgsize)
{
	*pdf = NULL;
	*pdf_len = 0;
	char bin[4096];
	const char *chromium = find_chromium(bin, sizeof bin);
	if (!chromium) {
		snprintf(msg, msgsize,
			 "--format pdf needs headless Chromium, which is not installed: install the Debian package "
			 "\"chromium\" (apt-get install chromium), or set REPARATIONS_CHROMIUM; --format html writes the same statement");
		return EXIT_INTERNAL;
	}
	const char *tmp = getenv("TMPDIR");
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/reparations-pdf-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		snprintf(msg, msgsize, "cannot make a temporary directory: %s", strerror(errno));
		return EXIT_INTERNAL;
	}
	char page[4200], out[4200], profile[4200], logp[4200];
	snprintf(page, sizeof page, "%s/statement.html", dir);
	snprintf(out, sizeof out, "%s/statement.pdf", dir);
	snprintf(profile, sizeof profile, "%s/profile", dir);
	snprintf(logp, sizeof logp, "%s/chromium.log", dir);
	int rc = EXIT_INTERNAL;
	if (write_all(page, html, len) != 0) {
		snprintf(msg, msgsize, "cannot write %s: %s", page, strerror(errno));
		goto done;
	}
	char a_profile[4300], a_pdf[4300], a_url[4300];
	snprintf(a_profile, sizeof a_profile, "--user-data-dir=%s", profile);
	snprintf(a_pdf, sizeof a_pdf, "--print-to-pdf=%s", out);
	snprintf(a_url, sizeof a_url, "file://%s", page);
	const char *argv[24];
	int k = 0;
	argv[k++] = chromium;
	argv[k++] = "--headless";
	if (geteuid() == 0)
		argv[k++] = "--no-sandbox"; /* Chromium refuses to run as root with its sandbox */
	argv[k++] = "--disable-gpu";
	argv[k++] = "--no-first-run";
	argv[k++] = "--disable-background-networking";
	argv[k++] = "--disable-component-update";
	argv[k++] = "--disable-sync";
	argv[k++] = "--disable-dev-shm-usage";
	argv[k++] = "--no-pdf-header-footer";
	argv[k++] = a_profile;
	argv[k++] = a_pdf;
	argv[k++] = a_url;
	argv[k] = NULL;
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		snprintf(msg, msgsize, "cannot start %s: %s", chromium, strerror(errno));
		goto done;
	}
	if (pid == 0) {
		int fd = open(logp, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		int nul = open("/dev/null", O_RDONLY);
		if (fd >= 0) {
			dup2(fd, 1);
			dup2(fd, 2);
		}
		if (nul >= 0)
			dup2(nul, 0);
		setpgid(0, 0);
		execv(chromium, (char *const *)argv);
		_exit(127);
	}
	int status = 0;
	time_t start = time(NULL);
	for (;;) {
		pid_t w = waitpid(pid, &status, WNOHANG);
		if (w == pid)
			break;
		if (w < 0 && errno != EINTR) {
			status = -1;
			break;
		}
		if (time(NULL) - start > PDF_TIMEOUT_S) {
			kill(-pid, SIGKILL);
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			snprintf(msg, msgsize, "%s did not finish the PDF within %d s", chromium, PDF_TIMEOUT_S);
			goto done;
		}
		struct timespec ts = {0, 50 * 1000 * 1000};
		nanosleep(&ts, NULL);
	}
	/* Chromium may leave helpers behind in its process group */
	kill(-pid, SIGKILL);
	rep_error err;
	rep_error_clear(&err);
	char *data = NULL;
	size_t n = 0;
	if (!(WIFEXITED(status) && WEXITSTATUS(status) == 0) || cli_read_file(out, &data, &n, &err) != REP_OK || n < 5 ||
	    memcmp(data, "%PDF-", 5) != 0) {
		char last[512];
		last_line(logp, last, sizeof last);
		snprintf(msg, msgsize, "%s could not print the statement to PDF (exit %d)%s%s", chromium,
			 WIFEXITED(status) ? WEXITSTATUS(status) : -1, last[0] ? ": " : "", last);
		free(data);
		goto done;
	}
	*pdf = data;
	*pdf_len = n;
	rc = 0;
done:
	nftw(dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	return rc;
}
