/*
 * One pass over /proc for the Linux inventory, run by ProcessTable (in the workbench's refresh and
 * in the command line alike). It does only what costs system calls, so that the JVM neither pays
 * a Path and a String per call nor loads JNA for netlink; every decision about what a fact means
 * stays in Java. Output on stdout, every field ended by a NUL byte, records in /proc's order:
 *
 *   p PID HIDDEN COMM          a process (HIDDEN 1: its descriptors could not be read)
 *   f FD LINKMODE MODE DEV TARGET
 *                              an open descriptor of the last process; LINKMODE is the st_mode of
 *                              the /proc/PID/fd/FD link (its permission bits are the open mode),
 *                              MODE and DEV what the link points to; -1 where not asked
 *   m PERMS LENGTH INODE PATH  a mapping of /dev/shm/... or /SYSV... (PERMS as maps spells them)
 *   u INODE PEER               a connected Unix socket's peer, from sock_diag (as ss -x)
 *   e MESSAGE                  why the peers could not be read
 *
 * Usage: ipcscope-proc [PROC] [maps|textmaps] [peers]. Mappings come from the PROCMAP_QUERY ioctl
 * (Linux 6.11) or, without it or with textmaps, from the text of /proc/PID/maps. A process that
 * exits meanwhile is left out or cut short; none of its failures stops the others. Exit code 0
 * unless PROC cannot be listed.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#define MQUEUE_MAGIC 0x19800202 /* not in <linux/magic.h> */
#include <unistd.h>

struct buffer {
	char *data;
	size_t length, capacity;
};

/* Every allocation goes through here: out of memory ends the scan (exit 1), and Java scans instead. */
static void *checked(void *allocated)
{
	if (!allocated) {
		perror("ipcscope-proc");
		exit(1);
	}
	return allocated;
}

static void reserve(struct buffer *b, size_t more)
{
	if (more > SIZE_MAX / 4 || b->length > SIZE_MAX / 4 - more) {
		errno = ENOMEM;
		checked(NULL);
	}
	if (b->length + more > b->capacity) {
		size_t capacity = b->capacity ? b->capacity : 4096;
		while (capacity < b->length + more)
			capacity *= 2;
		b->data = checked(realloc(b->data, capacity));
		b->capacity = capacity;
	}
}

/* A field, ended by NUL: a NUL inside would end it early and shift every field after it. */
static void put_bytes(struct buffer *b, const char *bytes, size_t length)
{
	length = strnlen(bytes, length);
	reserve(b, length + 1);
	memcpy(b->data + b->length, bytes, length);
	b->length += length;
	b->data[b->length++] = '\0';
}

static void put_text(struct buffer *b, const char *text)
{
	put_bytes(b, text, strlen(text));
}

static void put_number(struct buffer *b, long long number)
{
	char text[24];
	put_bytes(b, text, (size_t)snprintf(text, sizeof text, "%lld", number));
}

static int starts_with(const char *text, size_t length, const char *prefix)
{
	size_t n = strlen(prefix);
	return length >= n && memcmp(text, prefix, n) == 0;
}

/* Link texts under these never name a FIFO or a message queue: no stat of what they point to. */
static int follow_worth(const char *target, size_t length)
{
	return !starts_with(target, length, "/dev/") && !starts_with(target, length, "/proc/") &&
	        !starts_with(target, length, "/sys/") && !starts_with(target, length, "/memfd:");
}

/* The device of the mqueue file system, whose regular files are message queues; 0 when unknown. */
static dev_t mqueue_device;

/*
 * Whose open mode an owner row shows (the permissions of the /proc link): pipes, shared memory,
 * FIFOs and message queues. Of other files nobody asks; the Java side stats any it does need.
 */
static int mode_worth(const char *target, size_t length, const struct stat *followed)
{
	if (starts_with(target, length, "pipe:") || starts_with(target, length, "/dev/shm/"))
		return 1;
	if (!followed)
		return 0;
	return !(S_ISREG(followed->st_mode) || S_ISDIR(followed->st_mode) || S_ISCHR(followed->st_mode) ||
	               S_ISBLK(followed->st_mode) || S_ISSOCK(followed->st_mode)) ||
	        mqueue_device == 0 || followed->st_dev == mqueue_device;
}

/* Returns 0, HIDDEN when the descriptors may not be read, or GONE when the process exited. */
enum { HIDDEN = 1, GONE = 2 };

struct linux_dirent64 {
	ino64_t d_ino;
	off64_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

static int descriptors(int proc, const char *pid, struct buffer *out)
{
	char path[64];
	snprintf(path, sizeof path, "%s/fd", pid);
	int dir = openat(proc, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dir < 0)
		return errno == EACCES || errno == EPERM ? HIDDEN : GONE;
	size_t capacity = 4096;
	char *target = checked(malloc(capacity));
	/* getdents64 itself: a DIR stream costs a heap buffer and an fcntl per process */
	char entries[8192] __attribute__((aligned(8)));
	long got;
	while ((got = syscall(SYS_getdents64, dir, entries, sizeof entries)) > 0) {
		for (long at = 0; at < got;) {
			struct linux_dirent64 *entry = (struct linux_dirent64 *)(entries + at);
			at += entry->d_reclen;
			if (entry->d_name[0] < '0' || entry->d_name[0] > '9')
				continue;
			ssize_t length;
			while ((length = readlinkat(dir, entry->d_name, target, capacity)) == (ssize_t)capacity) {
				capacity *= 2;
				target = checked(realloc(target, capacity));
			}
			if (length < 0)
				continue; /* closed between listing and reading */
			long long link_mode = -1, mode = -1, dev = -1;
			struct stat st, *followed = NULL;
			if (target[0] == '/' && follow_worth(target, (size_t)length) && fstatat(dir, entry->d_name, &st, 0) == 0) {
				mode = st.st_mode;
				dev = (long long)st.st_dev;
				followed = &st;
			}
			struct stat link;
			if (mode_worth(target, (size_t)length, followed) &&
			        fstatat(dir, entry->d_name, &link, AT_SYMLINK_NOFOLLOW) == 0)
				link_mode = link.st_mode;
			put_text(out, "f");
			put_text(out, entry->d_name);
			put_number(out, link_mode);
			put_number(out, mode);
			put_number(out, dev);
			put_bytes(out, target, (size_t)length);
		}
	}
	free(target);
	close(dir);
	return 0; /* a listing cut short by an exit keeps what was read */
}

static int shared_memory_path(const char *path, size_t length)
{
	return starts_with(path, length, "/dev/shm/") || starts_with(path, length, "/SYSV");
}

static void put_mapping(struct buffer *out, const char perms[4], unsigned long long length, unsigned long long inode,
        const char *path, size_t path_length)
{
	put_text(out, "m");
	put_bytes(out, perms, 4);
	put_number(out, (long long)length);
	put_number(out, (long long)inode);
	put_bytes(out, path, path_length);
}

/* The kernel's PROCMAP_QUERY (Linux 6.11, <linux/fs.h>), declared here for older headers. */
struct procmap_query {
	uint64_t size, query_flags, query_addr, vma_start, vma_end, vma_flags, vma_page_size, vma_offset, inode;
	uint32_t dev_major, dev_minor, vma_name_size, build_id_size;
	uint64_t vma_name_addr, build_id_addr;
};
#define PROCMAP_QUERY _IOWR('f', 17, struct procmap_query)
enum {
	VMA_READABLE = 1,
	VMA_WRITABLE = 2,
	VMA_EXECUTABLE = 4,
	VMA_SHARED = 8,
	COVERING_OR_NEXT = 0x10,
	FILE_BACKED = 0x20
};

/* The device of /dev/shm, whose files may also be mapped privately; 0 when unknown. */
static dev_t shm_device;

/*
 * Asks the kernel for the file-backed mappings one by one instead of having it print every line of
 * maps (a JVM has thousands). Names cost the kernel most: they are asked only of mappings that can
 * be shared memory (shared ones on a device without a disk, or any on /dev/shm's). Returns 0, or
 * -1 when the kernel has no PROCMAP_QUERY.
 */
static int query_mappings(int maps, struct buffer *out)
{
	char name[4096];
	for (uint64_t address = 0;;) {
		struct procmap_query q = {
		        .size = sizeof q, .query_flags = COVERING_OR_NEXT | FILE_BACKED, .query_addr = address};
		if (ioctl(maps, PROCMAP_QUERY, &q) < 0)
			return errno == ENOTTY || errno == EINVAL || errno == EOPNOTSUPP ? -1 : 0;
		address = q.vma_end;
		dev_t device = makedev(q.dev_major, q.dev_minor);
		if (!((q.vma_flags & VMA_SHARED && q.dev_major == 0) || (shm_device != 0 && device == shm_device)))
			continue;
		struct procmap_query named = {.size = sizeof named,
		        .query_flags = 0,
		        .query_addr = q.vma_start,
		        .vma_name_addr = (uint64_t)(uintptr_t)name,
		        .vma_name_size = sizeof name};
		if (ioctl(maps, PROCMAP_QUERY, &named) < 0 || named.vma_start != q.vma_start)
			continue; /* unmapped meanwhile */
		size_t length = named.vma_name_size ? strnlen(name, named.vma_name_size - 1) : 0;
		if (shared_memory_path(name, length)) {
			char perms[4] = {named.vma_flags & VMA_READABLE ? 'r' : '-', named.vma_flags & VMA_WRITABLE ? 'w' : '-',
			        named.vma_flags & VMA_EXECUTABLE ? 'x' : '-', named.vma_flags & VMA_SHARED ? 's' : 'p'};
			put_mapping(out, perms, named.vma_end - named.vma_start, named.inode, name, length);
		}
	}
}

/*
 * The same from the text of maps: "start-end perms offset dev inode path". Each line is parsed
 * within its own bounds (sscanf would read on into the next line, and past the end of the last);
 * a line that is not of this form, or whose path holds a NUL, is no mapping.
 */
static void read_mappings(int maps, struct buffer *out, struct buffer *scratch)
{
	scratch->length = 0;
	for (;;) {
		reserve(scratch, 65536);
		ssize_t n = read(maps, scratch->data + scratch->length, scratch->capacity - scratch->length - 1);
		if (n <= 0)
			break;
		scratch->length += (size_t)n;
	}
	scratch->data[scratch->length] = '\0'; /* reserve left room for it */
	char *line = scratch->data, *end = scratch->data + scratch->length;
	while (line < end) {
		char *newline = memchr(line, '\n', (size_t)(end - line));
		char *line_end = newline ? newline : end;
		*line_end = '\0';
		char *slash = memchr(line, '/', (size_t)(line_end - line));
		size_t path_length = slash ? (size_t)(line_end - slash) : 0;
		unsigned long long start, stop, inode;
		char perms[5];
		int fields_end = 0;
		if (slash && strnlen(slash, path_length) == path_length && shared_memory_path(slash, path_length) &&
		        sscanf(line, "%llx-%llx %4s %*s %*s %llu %n", &start, &stop, perms, &inode, &fields_end) == 4 &&
		        line + fields_end == slash && strlen(perms) == 4 && stop >= start)
			put_mapping(out, perms, stop - start, inode, slash, path_length);
		line = line_end + 1;
	}
}

static int has_procmap_query = 1;

/* Shared memory mappings only: a JVM's maps has thousands of lines and none of them matters. */
static void mappings(int proc, const char *pid, struct buffer *out, struct buffer *scratch)
{
	char path[64];
	snprintf(path, sizeof path, "%s/maps", pid);
	int maps = openat(proc, path, O_RDONLY | O_CLOEXEC);
	if (maps < 0)
		return;
	if (!__atomic_load_n(&has_procmap_query, __ATOMIC_RELAXED) || query_mappings(maps, out) < 0) {
		__atomic_store_n(&has_procmap_query, 0, __ATOMIC_RELAXED);
		read_mappings(maps, out, scratch);
	}
	close(maps);
}

static void process(int proc, const char *pid, int with_maps, struct buffer *out, struct buffer *scratch)
{
	char path[64];
	snprintf(path, sizeof path, "%s/comm", pid);
	/* one read: a name is at most 16 bytes (TASK_COMM_LEN) and comes whole */
	char comm[64];
	int comm_file = openat(proc, path, O_RDONLY | O_CLOEXEC);
	ssize_t comm_read = comm_file < 0 ? -1 : read(comm_file, comm, sizeof comm);
	if (comm_file >= 0)
		close(comm_file);
	if (comm_read < 0)
		return; /* exited since the listing */
	size_t comm_length = strnlen(comm, (size_t)comm_read);
	if (comm_length > 0 && comm[comm_length - 1] == '\n')
		comm_length--;
	struct buffer held = {0};
	int state = descriptors(proc, pid, &held);
	if (state == GONE) {
		free(held.data);
		return; /* exited between reading its name and its descriptors */
	}
	int hidden = state == HIDDEN;
	put_text(out, "p");
	put_text(out, pid);
	put_number(out, hidden);
	put_bytes(out, comm, comm_length);
	if (held.length) {
		reserve(out, held.length);
		memcpy(out->data + out->length, held.data, held.length);
		out->length += held.length;
	}
	free(held.data);
	if (with_maps && !hidden)
		mappings(proc, pid, out, scratch);
}

/*
 * The work, shared out a chunk at a time: processes differ a lot in cost (a JVM has hundreds of
 * descriptors), so fixed halves would leave a thread idle. Each chunk has its own output, written
 * in /proc's order at the end.
 */
enum { CHUNK = 8 };

struct work {
	int proc, with_maps;
	char **pids;
	size_t count, chunks;
	struct buffer *outputs;
	size_t next; /* the next chunk to take, atomically */
};

static void *work(void *argument)
{
	struct work *w = argument;
	struct buffer scratch = {0};
	for (;;) {
		size_t chunk = __atomic_fetch_add(&w->next, 1, __ATOMIC_RELAXED);
		if (chunk >= w->chunks)
			break;
		size_t end = (chunk + 1) * CHUNK < w->count ? (chunk + 1) * CHUNK : w->count;
		for (size_t i = chunk * CHUNK; i < end; i++)
			process(w->proc, w->pids[i], w->with_maps, &w->outputs[chunk], &scratch);
	}
	free(scratch.data);
	return NULL;
}

static void peers(struct buffer *out)
{
	int fd = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
	if (fd < 0) {
		put_text(out, "e");
		put_text(out, "netlink sock_diag unavailable");
		return;
	}
	struct {
		struct nlmsghdr header;
		struct unix_diag_req request;
	} message = {
	        .header = {.nlmsg_len = sizeof message,
	                .nlmsg_type = SOCK_DIAG_BY_FAMILY,
	                .nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP,
	                .nlmsg_seq = 1},
	        .request = {.sdiag_family = AF_UNIX, .udiag_states = -1, .udiag_show = UDIAG_SHOW_PEER},
	};
	struct sockaddr_nl kernel = {.nl_family = AF_NETLINK};
	if (sendto(fd, &message, sizeof message, 0, (struct sockaddr *)&kernel, sizeof kernel) < 0) {
		put_text(out, "e");
		put_text(out, "netlink request refused");
		close(fd);
		return;
	}
	static char reply[65536] __attribute__((aligned(NLMSG_ALIGNTO)));
	for (;;) {
		ssize_t n = recv(fd, reply, sizeof reply, 0);
		if (n <= 0) {
			put_text(out, "e");
			put_text(out, "netlink reply ended early");
			break;
		}
		for (struct nlmsghdr *h = (struct nlmsghdr *)reply; NLMSG_OK(h, (size_t)n); h = NLMSG_NEXT(h, n)) {
			if (h->nlmsg_type == NLMSG_DONE) {
				close(fd);
				return;
			}
			if (h->nlmsg_type == NLMSG_ERROR) {
				put_text(out, "e");
				put_text(out, "netlink error");
				close(fd);
				return;
			}
			if (h->nlmsg_type != SOCK_DIAG_BY_FAMILY)
				continue;
			struct unix_diag_msg *socket_message = NLMSG_DATA(h);
			int remaining = (int)(h->nlmsg_len - NLMSG_LENGTH(sizeof *socket_message));
			for (struct rtattr *a = (struct rtattr *)(socket_message + 1); RTA_OK(a, remaining);
			        a = RTA_NEXT(a, remaining)) {
				if (a->rta_type == UNIX_DIAG_PEER && RTA_PAYLOAD(a) >= 4) {
					put_text(out, "u");
					put_number(out, socket_message->udiag_ino);
					put_number(out, *(unsigned int *)RTA_DATA(a));
				}
			}
		}
	}
	close(fd);
}

int main(int argc, char **argv)
{
	const char *root = argc > 1 ? argv[1] : "/proc";
	int with_maps = 0, with_peers = 0;
	for (int i = 2; i < argc; i++) {
		with_maps |= strcmp(argv[i], "maps") == 0;
		if (strcmp(argv[i], "textmaps") == 0) { /* the older kernels' way, for the tests */
			with_maps = 1;
			has_procmap_query = 0;
		}
		with_peers |= strcmp(argv[i], "peers") == 0;
	}
	struct statfs mqueue;
	struct stat mqueue_root;
	if (statfs("/dev/mqueue", &mqueue) == 0 && mqueue.f_type == MQUEUE_MAGIC && stat("/dev/mqueue", &mqueue_root) == 0)
		mqueue_device = mqueue_root.st_dev;
	struct stat shm_root;
	if (stat("/dev/shm", &shm_root) == 0)
		shm_device = shm_root.st_dev;
	int proc = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *listing = proc < 0 ? NULL : fdopendir(dup(proc));
	if (!listing) {
		fprintf(stderr, "%s: %s\n", root, strerror(errno));
		return 1;
	}
	size_t count = 0, capacity = 1024;
	char **pids = checked(malloc(capacity * sizeof *pids));
	struct dirent *entry;
	while ((entry = readdir(listing)) != NULL) {
		/* processes only: a name of digits, short enough for the paths built from it */
		size_t digits = strspn(entry->d_name, "0123456789");
		if (digits == 0 || entry->d_name[digits] != '\0' || digits > 10)
			continue;
		if (count == capacity)
			pids = checked(realloc(pids, (capacity *= 2) * sizeof *pids));
		pids[count++] = checked(strdup(entry->d_name));
	}
	closedir(listing);
	/* /proc is read a process at a time, each in a few system calls: spread them over the cores */
	struct work shared = {
	        .proc = proc, .with_maps = with_maps, .pids = pids, .count = count, .chunks = (count + CHUNK - 1) / CHUNK};
	shared.outputs = checked(calloc(shared.chunks ? shared.chunks : 1, sizeof *shared.outputs));
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	size_t threads = cores < 1 ? 1 : cores > 4 ? 4 : (size_t)cores;
	pthread_t helpers[4];
	int started[4] = {0};
	for (size_t t = 1; t < threads; t++)
		started[t] = pthread_create(&helpers[t], NULL, work, &shared) == 0;
	/* the peers are one query the kernel answers at once: asked while the other threads read /proc */
	struct buffer socket_peers = {0};
	if (with_peers)
		peers(&socket_peers);
	work(&shared);
	for (size_t t = 1; t < threads; t++)
		if (started[t])
			pthread_join(helpers[t], NULL);
	/* an empty buffer has no data at all: fwrite(NULL, ...) is undefined even for 0 bytes */
	for (size_t c = 0; c < shared.chunks; c++)
		if (shared.outputs[c].length)
			fwrite(shared.outputs[c].data, 1, shared.outputs[c].length, stdout);
	if (socket_peers.length)
		fwrite(socket_peers.data, 1, socket_peers.length, stdout);
	/* freed, though the exit would do it: so that a leak checker (the sanitized test build) sees real leaks */
	for (size_t c = 0; c < shared.chunks; c++)
		free(shared.outputs[c].data);
	for (size_t i = 0; i < count; i++)
		free(pids[i]);
	free(shared.outputs);
	free(pids);
	free(socket_peers.data);
	close(proc);
	return fflush(stdout) == 0 ? 0 : 1;
}
