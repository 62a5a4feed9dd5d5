/*
 * Two processes that talk over one channel, for the traffic capture tests: a writer (this
 * process) and a reader (its child). Usage: traffic_helper CHANNEL [PATH]
 *   CHANNEL: pipe (write/read), fifo PATH (write/readv), unix-stream (sendmsg/recvmsg),
 *            unix-dgram (sendto/recvfrom), tcp (send/recv on 127.0.0.1, the writer accepted)
 * Prints "READY writer PID", "READY reader PID", "READY wname NAME", "READY rname NAME" (each
 * end's name as `list` shows it), then takes commands on stdin:
 *   send N           one message of N bytes (byte i of message K is (K + 7*i + i/251) & 255), "SENT K"
 *   flood COUNT N    COUNT messages of N bytes at full speed, then "SENT K" for the last
 *   exit             the writer exits at once (the reader sees its end)
 * The reader prints "GOT TOTAL HASH" after each read (bytes so far, their FNV-1a 64 in hex),
 * "EOF" at the end. Both end when stdin closes, after 300 s, or when their parent dies.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *channel;
static int is_dgram;

static void name_of(int fd, char *out, size_t size)
{
	char link[64];
	snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
	ssize_t n = readlink(link, out, size - 1);
	out[n < 0 ? 0 : n] = 0;
}

static void inet_name(int fd, char *out, size_t size)
{
	struct sockaddr_in local, remote;
	socklen_t l = sizeof local, r = sizeof remote;
	getsockname(fd, (struct sockaddr *)&local, &l);
	getpeername(fd, (struct sockaddr *)&remote, &r);
	snprintf(out, size, "127.0.0.1:%d -> 127.0.0.1:%d", ntohs(local.sin_port), ntohs(remote.sin_port));
}

static void reader(int fd)
{
	static unsigned char buffer[1 << 17];
	uint64_t hash = 0xcbf29ce484222325ull, total = 0;
	for (;;) {
		ssize_t n;
		if (strcmp(channel, "fifo") == 0) {
			struct iovec iov[2] = { { buffer, 100 }, { buffer + 100, sizeof buffer - 100 } };
			n = readv(fd, iov, 2);
		} else if (strcmp(channel, "unix-stream") == 0) {
			struct iovec iov = { buffer, sizeof buffer };
			struct msghdr m = { 0 };
			m.msg_iov = &iov;
			m.msg_iovlen = 1;
			n = recvmsg(fd, &m, 0);
		} else if (strcmp(channel, "unix-dgram") == 0) {
			n = recvfrom(fd, buffer, sizeof buffer, 0, NULL, NULL);
		} else if (strcmp(channel, "tcp") == 0) {
			n = recv(fd, buffer, sizeof buffer, 0);
		} else {
			n = read(fd, buffer, sizeof buffer);
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 || (n == 0 && !is_dgram)) {
			printf("EOF\n");
			fflush(stdout);
			_exit(0);
		}
		for (ssize_t i = 0; i < n; i++) {
			hash ^= buffer[i];
			hash *= 0x100000001b3ull;
		}
		total += (uint64_t)n;
		printf("GOT %llu %016llx\n", (unsigned long long)total, (unsigned long long)hash);
		fflush(stdout);
	}
}

static int send_message(int fd, unsigned long k, size_t size)
{
	unsigned char *data = malloc(size ? size : 1);
	for (size_t i = 0; i < size; i++)
		data[i] = (unsigned char)((k + 7 * i + i / 251) & 255);
	ssize_t n;
	if (strcmp(channel, "unix-stream") == 0) {
		struct iovec iov[2] = { { data, size / 2 }, { data + size / 2, size - size / 2 } };
		struct msghdr m = { 0 };
		m.msg_iov = iov;
		m.msg_iovlen = 2;
		n = sendmsg(fd, &m, 0);
	} else if (strcmp(channel, "unix-dgram") == 0) {
		n = sendto(fd, data, size, 0, NULL, 0);
	} else if (strcmp(channel, "tcp") == 0) {
		n = send(fd, data, size, 0);
	} else {
		n = write(fd, data, size);
	}
	free(data);
	return n == (ssize_t)size ? 0 : -1;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: traffic_helper pipe|fifo PATH|unix-stream|unix-dgram|tcp\n");
		return 2;
	}
	channel = argv[1];
	is_dgram = strcmp(channel, "unix-dgram") == 0;
	signal(SIGPIPE, SIG_IGN);
	alarm(300);
	int fds[2] = { -1, -1 };
	int listener = -1;
	struct sockaddr_in address = { 0 };
	if (strcmp(channel, "pipe") == 0) {
		if (pipe(fds) != 0)
			return 1;
		int t = fds[0];
		fds[0] = fds[1];
		fds[1] = t; /* fds[0] writes, fds[1] reads */
	} else if (strcmp(channel, "fifo") == 0 && argc > 2) {
		unlink(argv[2]);
		if (mkfifo(argv[2], 0600) != 0)
			return 1;
	} else if (strcmp(channel, "unix-stream") == 0 || is_dgram) {
		if (socketpair(AF_UNIX, is_dgram ? SOCK_DGRAM : SOCK_STREAM, 0, fds) != 0)
			return 1;
	} else if (strcmp(channel, "tcp") == 0) {
		listener = socket(AF_INET, SOCK_STREAM, 0);
		address.sin_family = AF_INET;
		address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		socklen_t length = sizeof address;
		if (bind(listener, (struct sockaddr *)&address, sizeof address) != 0 || listen(listener, 1) != 0 ||
		    getsockname(listener, (struct sockaddr *)&address, &length) != 0)
			return 1;
	} else {
		fprintf(stderr, "unknown channel %s\n", channel);
		return 2;
	}
	fflush(stdout);
	pid_t writer_pid = getpid();
	pid_t child = fork();
	if (child == 0) {
		prctl(PR_SET_PDEATHSIG, SIGTERM);
		if (getppid() != writer_pid)
			_exit(1);
		int fd;
		if (strcmp(channel, "fifo") == 0) {
			fd = open(argv[2], O_RDONLY);
		} else if (listener >= 0) {
			close(listener);
			fd = socket(AF_INET, SOCK_STREAM, 0);
			if (connect(fd, (struct sockaddr *)&address, sizeof address) != 0)
				_exit(1);
		} else {
			close(fds[0]);
			fd = fds[1];
		}
		char name[512];
		if (listener >= 0)
			inet_name(fd, name, sizeof name);
		else
			name_of(fd, name, sizeof name);
		printf("READY reader %d\nREADY rname %s\n", getpid(), name);
		fflush(stdout);
		reader(fd);
	}
	int fd;
	if (strcmp(channel, "fifo") == 0) {
		fd = open(argv[2], O_WRONLY);
	} else if (listener >= 0) {
		fd = accept(listener, NULL, NULL);
	} else {
		close(fds[1]);
		fd = fds[0];
	}
	if (fd < 0)
		return 1;
	char name[512];
	if (listener >= 0)
		inet_name(fd, name, sizeof name);
	else
		name_of(fd, name, sizeof name);
	printf("READY writer %d\nREADY wname %s\n", getpid(), name);
	fflush(stdout);
	char line[256];
	unsigned long k = 0;
	while (fgets(line, sizeof line, stdin)) {
		unsigned long count, size;
		if (sscanf(line, "send %lu", &size) == 1) {
			int failed = send_message(fd, ++k, size);
			printf(failed ? "FAILED %lu %d\n" : "SENT %lu\n", k, errno);
		} else if (sscanf(line, "flood %lu %lu", &count, &size) == 2) {
			for (unsigned long i = 0; i < count; i++)
				send_message(fd, ++k, size);
			printf("SENT %lu\n", k);
		} else if (strncmp(line, "exit", 4) == 0) {
			_exit(0);
		}
		fflush(stdout);
	}
	close(fd);
	if (strcmp(channel, "fifo") == 0)
		unlink(argv[2]);
	kill(child, SIGTERM);
	waitpid(child, NULL, 0);
	return 0;
}
