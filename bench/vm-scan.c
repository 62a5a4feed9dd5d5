/*
 * What this machine can do at best when searching another process's memory: process_vm_readv in
 * 1 MiB chunks (overlapping by the needle's length - 1), then memmem. Prints every match.
 *   vm-scan PID START END NEEDLE          (START and END in hex, NEEDLE as text)
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>

#define CHUNK (1 << 20)

int main(int argc, char **argv)
{
	if (argc != 5) {
		fprintf(stderr, "usage: vm-scan PID START END NEEDLE\n");
		return 2;
	}
	pid_t pid = atoi(argv[1]);
	unsigned long start = strtoul(argv[2], NULL, 16), end = strtoul(argv[3], NULL, 16);
	const char *needle = argv[4];
	size_t length = strlen(needle);
	char *buffer = malloc(CHUNK + length);
	long found = 0;
	for (unsigned long at = start; at + length <= end; at += CHUNK) {
		size_t count = end - at < CHUNK + length - 1 ? end - at : CHUNK + length - 1;
		struct iovec local = {buffer, count}, remote = {(void *)at, count};
		ssize_t read = process_vm_readv(pid, &local, 1, &remote, 1, 0);
		if (read < (ssize_t)length)
			continue;
		for (char *p = buffer; (p = memmem(p, (size_t)read - (size_t)(p - buffer), needle, length)) != NULL; p++) {
			printf("0x%lx\n", at + (unsigned long)(p - buffer));
			found++;
		}
	}
	return found > 0 ? 0 : 1;
}
