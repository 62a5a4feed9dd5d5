/*
 * Test helper: creates real IPC objects the way native programs do, reports each, and keeps them
 * until told to go. Always exits: on stdin EOF, on the parent's death, or after a timeout.
 *
 *   posix NAME SIZE     shm_open + ftruncate + mmap        READY posix NAME
 *   sysv KEY SIZE       shmget + shmat                     READY sysv SHMID
 *   sem KEY NSEMS       semget                             READY sem SEMID
 *   msg KEY BYTES       msgget + one message of BYTES      READY msg MSQID
 *   mq NAME BYTES       mq_open + one message of BYTES     READY mq NAME
 *   fifo PATH           mkfifo, opened for reading and writing   READY fifo PATH
 *   pipe                pipe(); a child keeps the read end READY pipe INODE CHILDPID
 *   unix NAME           listening socket + a connected pair (NAME starting with @ is abstract)
 *                                                          READY unix NAME
 *   tcp                 127.0.0.1 listener + a connection  READY tcp PORT
 *   udp                 127.0.0.1 bound datagram socket    READY udp PORT
 *   many PREFIX COUNT   COUNT POSIX segments PREFIX-0...    READY many COUNT
 *   marker TEXT         TEXT copied into heap memory         READY marker 0xADDRESS
 *   ticker TEXT         TEXT in heap memory, followed (4-byte aligned) by a uint32 that a thread
 *                       of this process adds 1 to every 100 ms   READY ticker 0xTEXT 0xCOUNTER
 *   pointer TEXT        TEXT copied into heap memory, and a page mapped on its own holding, 64 bytes
 *                       in, struct { uint32_t tag = 0x50545221; char *text; } pointing at that copy
 *                                                          READY pointer 0xSTRUCT 0xTEXT
 *   gap                 three pages mapped, the middle one unmapped again   READY gap 0xFIRSTPAGE
 *   churn PREFIX        a child creates and removes segments, FIFOs, pipes and sockets
 *                       named PREFIX... in a loop until the helper ends   READY churn CHILDPID
 *   counter NAME SIZE   POSIX segment; a child adds 1 to the uint32 at offset 16 every 100 ms
 *                       (native byte order) and writes its decimal text at offset 32
 *                                                          READY counter NAME CHILDPID
 *   observe posix NAME OFFSET LENGTH | observe sysv SHMID OFFSET LENGTH
 *                       maps an existing segment read-only; a child polls the LENGTH bytes at
 *                       OFFSET every 5 ms and prints them whenever they change
 *                                                          READY observe NAME, then SEEN HEX...
 *   watch TEXT          TEXT copied into heap memory; a thread of this process prints the bytes there
 *                       (hex) at once and whenever they change (polled every 5 ms)
 *                                                          READY watch 0xADDRESS, then SEEN HEX...
 *   plant TEXT INT32 INT64   one heap block holding TEXT (UTF-8), TEXT as UTF-16LE (ASCII only),
 *                       INT32 big-endian and INT64 little-endian, each at its own address
 *                                                          READY plant 0xTEXT 0xUTF16 0xINT32BE 0xINT64
 *   haystack MIB NEEDLE VALUE   MIB MiB of private memory, every page written with varied content
 *                       (random bytes, text, zeros with small integers, pointer-like words), decoys
 *                       (NEEDLE and VALUE with their last byte changed) every 16 MiB, NEEDLE 4 KiB
 *                       and VALUE (int64, little-endian) 2 KiB before the end; the timeout becomes 15 min
 *                                                          READY haystack 0xSTART 0xEND 0xNEEDLE 0xVALUE
 *   livestruct NAME     POSIX segment holding a zeroed struct live_state (live_state.h); each line
 *                       "step" on stdin writes the next step (counter, text, value, phase, level)
 *                       and prints what it wrote      READY livestruct NAME, then WROTE counter=N ...
 *
 * On stdin EOF it removes what it created and exits 0.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "live_state.h"

#define MAX_OBJECTS 128
#define TIMEOUT_SECONDS 120

enum kind { POSIX_SHM, SYSV_SHM, SYSV_SEM, SYSV_MSG, MQ, FIFO, UNIX_PATH };
static struct created_object {
	enum kind kind;
	char *name;
	int id;
} * created;
static int created_count;
static int created_capacity;
static pid_t children[MAX_OBJECTS];
static int child_count;

static void remember(enum kind kind, const char *name, int id)
{
	if (created_count == created_capacity) {
		created_capacity = created_capacity ? created_capacity * 2 : 64;
		created = realloc(created, (size_t)created_capacity * sizeof *created);
	}
	{
		created[created_count].kind = kind;
		created[created_count].name = name ? strdup(name) : NULL;
		created[created_count].id = id;
		created_count++;
	}
}

static void cleanup(void)
{
	/* children first: a churning child could otherwise recreate what is removed below */
	for (int i = 0; i < child_count; i++) {
		kill(children[i], SIGTERM);
		waitpid(children[i], NULL, 0);
	}
	for (int i = 0; i < created_count; i++) {
		switch (created[i].kind) {
		case POSIX_SHM:
			shm_unlink(created[i].name);
			break;
		case SYSV_SHM:
			shmctl(created[i].id, IPC_RMID, NULL);
			break;
		case SYSV_SEM:
			semctl(created[i].id, 0, IPC_RMID);
			break;
		case SYSV_MSG:
			msgctl(created[i].id, IPC_RMID, NULL);
			break;
		case MQ:
			mq_unlink(created[i].name);
			break;
		case FIFO:
		case UNIX_PATH:
			unlink(created[i].name);
			break;
		}
	}
}

static void on_signal(int sig)
{
	cleanup();
	_exit(128 + sig);
}

static int fail(const char *what, const char *name)
{
	fprintf(stderr, "%s %s: %s\n", what, name, strerror(errno));
	return -1;
}

static int create_posix_quiet(const char *name, size_t size)
{
	int fd = shm_open(name, O_CREAT | O_EXCL | O_RDWR, 0600);
	if (fd < 0)
		return fail("shm_open", name);
	remember(POSIX_SHM, name, 0);
	if (ftruncate(fd, (off_t)size) != 0)
		return fail("ftruncate", name);
	close(fd);
	return 0;
}

static int create_posix(const char *name, size_t size)
{
	int fd = shm_open(name, O_CREAT | O_EXCL | O_RDWR, 0600);
	if (fd < 0)
		return fail("shm_open", name);
	remember(POSIX_SHM, name, 0);
	if (ftruncate(fd, (off_t)size) != 0)
		return fail("ftruncate", name);
	if (size > 0) {
		unsigned char *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
		if (p == MAP_FAILED)
			return fail("mmap", name);
		p[0] = 0x42;
	}
	close(fd);
	printf("READY posix %s\n", name);
	return 0;
}

static int create_sysv(const char *key_text, size_t size)
{
	int id = shmget((key_t)strtol(key_text, NULL, 0), size, IPC_CREAT | IPC_EXCL | 0640);
	if (id < 0)
		return fail("shmget", key_text);
	remember(SYSV_SHM, NULL, id);
	if (shmat(id, NULL, 0) == (void *)-1)
		return fail("shmat", key_text);
	printf("READY sysv %d\n", id);
	return 0;
}

static int create_sem(const char *key_text, const char *count)
{
	int id = semget((key_t)strtol(key_text, NULL, 0), atoi(count), IPC_CREAT | IPC_EXCL | 0600);
	if (id < 0)
		return fail("semget", key_text);
	remember(SYSV_SEM, NULL, id);
	printf("READY sem %d\n", id);
	return 0;
}

static int create_msg(const char *key_text, const char *bytes_text)
{
	int id = msgget((key_t)strtol(key_text, NULL, 0), IPC_CREAT | IPC_EXCL | 0600);
	if (id < 0)
		return fail("msgget", key_text);
	remember(SYSV_MSG, NULL, id);
	size_t bytes = (size_t)atol(bytes_text);
	struct {
		long type;
		char text[4096];
	} message = {1, {0}};
	if (bytes > sizeof message.text)
		bytes = sizeof message.text;
	memset(message.text, 'm', bytes);
	if (msgsnd(id, &message, bytes, IPC_NOWAIT) != 0)
		return fail("msgsnd", key_text);
	printf("READY msg %d\n", id);
	return 0;
}

static int create_mq(const char *name, const char *bytes_text)
{
	struct mq_attr attr = {0};
	attr.mq_maxmsg = 4;
	attr.mq_msgsize = 1024;
	mqd_t q = mq_open(name, O_CREAT | O_EXCL | O_RDWR, 0600, &attr);
	if (q == (mqd_t)-1)
		return fail("mq_open", name);
	remember(MQ, name, 0);
	char message[1024];
	size_t bytes = (size_t)atol(bytes_text);
	if (bytes > sizeof message)
		bytes = sizeof message;
	memset(message, 'q', bytes);
	if (mq_send(q, message, bytes, 0) != 0)
		return fail("mq_send", name);
	printf("READY mq %s\n", name);
	return 0;
}

static int create_fifo(const char *path)
{
	if (mkfifo(path, 0640) != 0)
		return fail("mkfifo", path);
	remember(FIFO, path, 0);
	if (open(path, O_RDONLY | O_NONBLOCK) < 0)
		return fail("open for reading", path);
	if (open(path, O_WRONLY | O_NONBLOCK) < 0)
		return fail("open for writing", path);
	printf("READY fifo %s\n", path);
	return 0;
}

static int create_pipe(void)
{
	int ends[2];
	if (pipe(ends) != 0)
		return fail("pipe", "");
	pid_t child = fork();
	if (child < 0)
		return fail("fork", "");
	if (child == 0) {
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		/* hold the read end only, not the objects created before it */
		for (int fd = 3; fd < 1024; fd++)
			if (fd != ends[0])
				close(fd);
		for (;;)
			pause();
	}
	children[child_count++] = child;
	close(ends[0]);
	struct stat st;
	fstat(ends[1], &st);
	printf("READY pipe %lu %d\n", (unsigned long)st.st_ino, (int)child);
	return 0;
}

static socklen_t unix_address(const char *name, struct sockaddr_un *address)
{
	memset(address, 0, sizeof *address);
	address->sun_family = AF_UNIX;
	size_t length = strlen(name);
	if (length >= sizeof address->sun_path)
		length = sizeof address->sun_path - 1;
	memcpy(address->sun_path, name, length);
	if (name[0] == '@')
		address->sun_path[0] = '\0';
	return (socklen_t)(offsetof(struct sockaddr_un, sun_path) + length + (name[0] == '@' ? 0 : 1));
}

static int create_unix(const char *name)
{
	struct sockaddr_un address;
	socklen_t length = unix_address(name, &address);
	int server = socket(AF_UNIX, SOCK_STREAM, 0);
	if (server < 0 || bind(server, (struct sockaddr *)&address, length) != 0)
		return fail("bind", name);
	if (name[0] != '@')
		remember(UNIX_PATH, name, 0);
	if (listen(server, 4) != 0)
		return fail("listen", name);
	int client = socket(AF_UNIX, SOCK_STREAM, 0);
	if (client < 0 || connect(client, (struct sockaddr *)&address, length) != 0)
		return fail("connect", name);
	if (accept(server, NULL, NULL) < 0)
		return fail("accept", name);
	printf("READY unix %s\n", name);
	return 0;
}

static int create_inet(int type)
{
	struct sockaddr_in address = {0};
	address.sin_family = AF_INET;
	address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	socklen_t length = sizeof address;
	int server = socket(AF_INET, type, 0);
	if (server < 0 || bind(server, (struct sockaddr *)&address, length) != 0)
		return fail("bind", "127.0.0.1");
	getsockname(server, (struct sockaddr *)&address, &length);
	if (type == SOCK_STREAM) {
		if (listen(server, 4) != 0)
			return fail("listen", "127.0.0.1");
		int client = socket(AF_INET, SOCK_STREAM, 0);
		if (client < 0 || connect(client, (struct sockaddr *)&address, length) != 0)
			return fail("connect", "127.0.0.1");
		if (accept(server, NULL, NULL) < 0)
			return fail("accept", "127.0.0.1");
	}
	printf("READY %s %d\n", type == SOCK_STREAM ? "tcp" : "udp", ntohs(address.sin_port));
	return 0;
}

static int create_many(const char *prefix, const char *count_text)
{
	int count = atoi(count_text);
	char name[256];
	for (int i = 0; i < count; i++) {
		snprintf(name, sizeof name, "%s-%d", prefix, i);
		int fd = shm_open(name, O_CREAT | O_EXCL | O_RDWR, 0600);
		if (fd < 0)
			return fail("shm_open", name);
		remember(POSIX_SHM, name, 0);
		if (ftruncate(fd, 4096 + i) != 0)
			return fail("ftruncate", name);
		close(fd);
	}
	printf("READY many %d\n", count);
	return 0;
}

/* Objects that appear and vanish all the time, to race the inventory against. */
static void churn_forever(const char *prefix)
{
	char shm[200], fifo[200], sock[200];
	snprintf(shm, sizeof shm, "%s-churn-shm", prefix);
	snprintf(fifo, sizeof fifo, "/tmp%s-churn-fifo", prefix);
	snprintf(sock, sizeof sock, "/tmp%s-churn-sock", prefix);
	for (;;) {
		int fd = shm_open(shm, O_CREAT | O_RDWR, 0600);
		if (fd >= 0) {
			if (ftruncate(fd, 8192) == 0) {
				void *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
				if (p != MAP_FAILED)
					munmap(p, 8192);
			}
			close(fd);
			shm_unlink(shm);
		}
		if (mkfifo(fifo, 0600) == 0) {
			int r = open(fifo, O_RDONLY | O_NONBLOCK);
			if (r >= 0)
				close(r);
			unlink(fifo);
		}
		int ends[2];
		if (pipe(ends) == 0) {
			close(ends[0]);
			close(ends[1]);
		}
		struct sockaddr_un address;
		socklen_t length = unix_address(sock, &address);
		int s = socket(AF_UNIX, SOCK_STREAM, 0);
		if (s >= 0) {
			if (bind(s, (struct sockaddr *)&address, length) == 0)
				unlink(sock);
			close(s);
		}
	}
}

static int create_churn(const char *prefix)
{
	pid_t child = fork();
	if (child < 0)
		return fail("fork", prefix);
	if (child == 0) {
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		churn_forever(prefix);
	}
	children[child_count++] = child;
	char name[200];
	snprintf(name, sizeof name, "%s-churn-shm", prefix);
	remember(POSIX_SHM, name, 0);
	snprintf(name, sizeof name, "/tmp%s-churn-fifo", prefix);
	remember(FIFO, name, 0);
	snprintf(name, sizeof name, "/tmp%s-churn-sock", prefix);
	remember(UNIX_PATH, name, 0);
	printf("READY churn %d\n", (int)child);
	return 0;
}

static int create_counter(const char *name, size_t size)
{
	if (size < 48) {
		fprintf(stderr, "counter needs at least 48 bytes\n");
		return -1;
	}
	if (create_posix_quiet(name, size) != 0)
		return -1;
	int fd = shm_open(name, O_RDWR, 0);
	unsigned char *p = fd < 0 ? MAP_FAILED : mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED)
		return fail("mmap", name);
	close(fd);
	memcpy(p + 4, "counter", 7);
	fflush(stdout);
	pid_t child = fork();
	if (child < 0)
		return fail("fork", name);
	if (child == 0) {
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		for (uint32_t value = 1;; value++) {
			memcpy(p + 16, &value, sizeof value);
			snprintf((char *)p + 32, 16, "%u", value);
			usleep(100 * 1000);
		}
	}
	children[child_count++] = child;
	printf("READY counter %s %d\n", name, (int)child);
	return 0;
}

static void print_seen(const unsigned char *bytes, size_t length)
{
	printf("SEEN ");
	for (size_t i = 0; i < length; i++)
		printf("%02x", bytes[i]);
	printf("\n");
	fflush(stdout);
}

static int observe(const char *kind, const char *name, const char *offset_text, const char *length_text)
{
	size_t offset = strtoull(offset_text, NULL, 0);
	size_t length = strtoull(length_text, NULL, 0);
	const unsigned char *p;
	if (strcmp(kind, "posix") == 0) {
		int fd = shm_open(name, O_RDONLY, 0);
		if (fd < 0)
			return fail("shm_open", name);
		p = mmap(NULL, offset + length, PROT_READ, MAP_SHARED, fd, 0);
		close(fd);
		if (p == MAP_FAILED)
			return fail("mmap", name);
	} else {
		p = shmat(atoi(name), NULL, SHM_RDONLY);
		if (p == (void *)-1)
			return fail("shmat", name);
	}
	/* READY first: the child's SEEN lines must come after it */
	printf("READY observe %s\n", name);
	fflush(stdout);
	pid_t child = fork();
	if (child < 0)
		return fail("fork", name);
	if (child == 0) {
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		unsigned char *last = malloc(length);
		memcpy(last, p + offset, length);
		print_seen(last, length);
		for (;;) {
			usleep(5 * 1000);
			if (memcmp(last, p + offset, length) != 0) {
				memcpy(last, p + offset, length);
				print_seen(last, length);
			}
		}
	}
	children[child_count++] = child;
	return 0;
}

static int create_marker(const char *text)
{
	/* a heap block bigger than the text: malloc keeps it in [heap], not in a mapping of its own */
	char *copy = malloc(strlen(text) + 64);
	if (copy == NULL)
		return fail("malloc", text);
	strcpy(copy, text);
	printf("READY marker %p\n", (void *)copy);
	return 0;
}

static void *tick(void *counter)
{
	for (;;) {
		(*(volatile uint32_t *)counter)++;
		usleep(100 * 1000);
	}
	return NULL;
}

static int create_ticker(const char *text)
{
	/* the change comes from this process itself, in its heap: what a debugger user watches */
	size_t length = strlen(text);
	char *block = malloc(length + 64);
	if (block == NULL)
		return fail("malloc", text);
	strcpy(block, text);
	uint32_t *counter = (uint32_t *)(block + ((length + 4) & ~(size_t)3));
	*counter = 0;
	pthread_t thread;
	if (pthread_create(&thread, NULL, tick, counter) != 0)
		return fail("pthread_create", text);
	printf("READY ticker %p %p\n", (void *)block, (void *)counter);
	return 0;
}

/* The struct sits in a mapping apart from [heap]: following its pointer leaves the region it is in. */
static int create_pointer(const char *text)
{
	char *copy = malloc(strlen(text) + 64);
	if (copy == NULL)
		return fail("malloc", text);
	strcpy(copy, text);
	long page = sysconf(_SC_PAGESIZE);
	unsigned char *mapped = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (mapped == MAP_FAILED)
		return fail("mmap", "pointer");
	struct holder {
		uint32_t tag;
		char *text;
	} *holder = (struct holder *)(mapped + 64);
	holder->tag = 0x50545221;
	holder->text = copy;
	printf("READY pointer %p %p\n", (void *)holder, (void *)copy);
	return 0;
}

static int create_gap(void)
{
	long page = sysconf(_SC_PAGESIZE);
	unsigned char *pages = mmap(NULL, 3 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (pages == MAP_FAILED)
		return fail("mmap", "gap");
	memset(pages, 0x11, page);
	memset(pages + 2 * page, 0x33, page);
	munmap(pages + page, page);
	printf("READY gap %p\n", (void *)pages);
	return 0;
}

struct watched {
	const unsigned char *bytes;
	size_t length;
};

static void *watch_loop(void *argument)
{
	const struct watched *watched = argument;
	unsigned char *last = malloc(watched->length);
	memcpy(last, watched->bytes, watched->length);
	print_seen(last, watched->length);
	for (;;) {
		usleep(5 * 1000);
		if (memcmp(last, watched->bytes, watched->length) != 0) {
			memcpy(last, watched->bytes, watched->length);
			print_seen(last, watched->length);
		}
	}
	return NULL;
}

/* Unlike observe, the watcher is a thread: a forked child would not see writes into its parent's memory. */
static int create_watch(const char *text)
{
	static struct watched watched;
	watched.length = strlen(text);
	char *copy = malloc(watched.length + 64);
	if (copy == NULL)
		return fail("malloc", text);
	strcpy(copy, text);
	watched.bytes = (const unsigned char *)copy;
	printf("READY watch %p\n", (void *)copy);
	fflush(stdout);
	pthread_t thread;
	errno = pthread_create(&thread, NULL, watch_loop, &watched);
	if (errno != 0)
		return fail("pthread_create", text);
	return 0;
}

static int create_plant(const char *text, const char *int32_text, const char *int64_text)
{
	size_t length = strlen(text);
	unsigned char *block = malloc(4 * length + 1024);
	if (block == NULL)
		return fail("malloc", text);
	unsigned char *utf8 = block, *utf16 = block + length + 256;
	unsigned char *int32 = utf16 + 2 * length + 256, *int64 = int32 + 256;
	memcpy(utf8, text, length);
	for (size_t i = 0; i < length; i++) {
		utf16[2 * i] = (unsigned char)text[i];
		utf16[2 * i + 1] = 0;
	}
	uint32_t big = htonl((uint32_t)strtol(int32_text, NULL, 0));
	memcpy(int32, &big, sizeof big);
	int64_t value = strtoll(int64_text, NULL, 0);
	memcpy(int64, &value, sizeof value);
	printf("READY plant %p %p %p %p\n", (void *)utf8, (void *)utf16, (void *)int32, (void *)int64);
	return 0;
}

static uint64_t next_random(uint64_t *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 7;
	*state ^= *state << 17;
	return *state;
}

/* One page of a kind real heaps are made of, so that a scanner meets every byte value, not just zeros. */
static void fill_page(unsigned char *page, size_t size, uint64_t *state)
{
	static const char words[] = "the quick brown fox jumps over the lazy dog; IPC Scope searches memory. ";
	uint64_t r = next_random(state);
	switch (r % 4) {
	case 0:
		for (size_t i = 0; i < size; i += 8) {
			uint64_t word = next_random(state);
			memcpy(page + i, &word, 8);
		}
		break;
	case 1:
		for (size_t i = 0; i < size; i++)
			page[i] = (unsigned char)words[(i + r) % (sizeof words - 1)];
		break;
	case 2:
		memset(page, 0, size);
		for (size_t i = 0; i < size; i += 64) {
			uint32_t small = (uint32_t)(next_random(state) % 1000);
			memcpy(page + i, &small, sizeof small);
		}
		break;
	default:
		for (size_t i = 0; i < size; i += 8) {
			uint64_t pointer = 0x00007f0000000000u | (next_random(state) & 0xfffffffff8u);
			memcpy(page + i, &pointer, 8);
		}
	}
}

static int create_haystack(const char *mib_text, const char *needle, const char *value_text)
{
	size_t size = (size_t)strtoull(mib_text, NULL, 0) << 20;
	size_t length = strlen(needle);
	int64_t value = strtoll(value_text, NULL, 0);
	if (size < (16u << 20) || length == 0 || length > 1024) {
		fprintf(stderr, "haystack needs at least 16 MiB and a needle of 1 to 1024 bytes\n");
		return -1;
	}
	unsigned char *start = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (start == MAP_FAILED)
		return fail("mmap", "haystack");
	uint64_t state = 0x9E3779B97F4A7C15u;
	for (size_t at = 0; at < size; at += 4096)
		fill_page(start + at, 4096, &state);
	for (size_t at = (1u << 20) + 100; at + (16u << 20) < size; at += 16u << 20) {
		memcpy(start + at, needle, length);
		start[at + length - 1] ^= 0x20;
		int64_t decoy = value ^ ((int64_t)1 << 62);
		memcpy(start + at + length + 16, &decoy, sizeof decoy);
	}
	unsigned char *found = start + size - 4096, *number = start + size - 2048;
	memcpy(found, needle, length);
	memcpy(number, &value, sizeof value);
	/* benchmarks run several tools over it in turn */
	alarm(15 * 60);
	printf("READY haystack %p %p %p %p\n", (void *)start, (void *)(start + size), (void *)found, (void *)number);
	return 0;
}

/* Returns how many arguments the kind took, or -1 on failure. */
static struct live_state *live;
static uint32_t live_step;

static int create_livestruct(const char *name)
{
	if (create_posix_quiet(name, sizeof *live) != 0)
		return -1;
	int fd = shm_open(name, O_RDWR, 0);
	void *p = fd < 0 ? MAP_FAILED : mmap(NULL, sizeof *live, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED)
		return fail("mmap", name);
	close(fd);
	live = p;
	printf("READY livestruct %s\n", name);
	return 0;
}

static const char *const PHASES[] = {"PHASE_IDLE", "PHASE_RUNNING", "PHASE_DONE"};

/* One step: the text and the double change with the counter; the phase only every third step. */
static void live_write_step(void)
{
	uint32_t n = ++live_step;
	live->counter = n;
	snprintf(live->text, sizeof live->text, "step %u", n);
	live->value = n * 1.25;
	live->phase = (enum live_phase)(n / 3 % 3);
	live->level = n & 31;
	printf("WROTE counter=%u text=step %u value=%.17g phase=%s level=%u\n", n, n, live->value, PHASES[live->phase],
	        (unsigned)live->level);
	fflush(stdout);
}

static int create(int argc, char **argv, int i)
{
	const char *kind = argv[i];
	int left = argc - i - 1;
#define NEED(n) \
	do { \
		if (left < (n)) { \
			fprintf(stderr, "%s needs %d arguments\n", kind, (n)); \
			return -1; \
		} \
	} while (0)
	if (strcmp(kind, "posix") == 0) {
		NEED(2);
		return create_posix(argv[i + 1], strtoull(argv[i + 2], NULL, 0)) ? -1 : 2;
	}
	if (strcmp(kind, "sysv") == 0) {
		NEED(2);
		return create_sysv(argv[i + 1], strtoull(argv[i + 2], NULL, 0)) ? -1 : 2;
	}
	if (strcmp(kind, "sem") == 0) {
		NEED(2);
		return create_sem(argv[i + 1], argv[i + 2]) ? -1 : 2;
	}
	if (strcmp(kind, "msg") == 0) {
		NEED(2);
		return create_msg(argv[i + 1], argv[i + 2]) ? -1 : 2;
	}
	if (strcmp(kind, "mq") == 0) {
		NEED(2);
		return create_mq(argv[i + 1], argv[i + 2]) ? -1 : 2;
	}
	if (strcmp(kind, "fifo") == 0) {
		NEED(1);
		return create_fifo(argv[i + 1]) ? -1 : 1;
	}
	if (strcmp(kind, "unix") == 0) {
		NEED(1);
		return create_unix(argv[i + 1]) ? -1 : 1;
	}
	if (strcmp(kind, "many") == 0) {
		NEED(2);
		return create_many(argv[i + 1], argv[i + 2]) ? -1 : 2;
	}
	if (strcmp(kind, "churn") == 0) {
		NEED(1);
		return create_churn(argv[i + 1]) ? -1 : 1;
	}
	if (strcmp(kind, "counter") == 0) {
		NEED(2);
		return create_counter(argv[i + 1], strtoull(argv[i + 2], NULL, 0)) ? -1 : 2;
	}
	if (strcmp(kind, "observe") == 0) {
		NEED(4);
		return observe(argv[i + 1], argv[i + 2], argv[i + 3], argv[i + 4]) ? -1 : 4;
	}
	if (strcmp(kind, "marker") == 0) {
		NEED(1);
		return create_marker(argv[i + 1]) ? -1 : 1;
	}
	if (strcmp(kind, "pointer") == 0) {
		NEED(1);
		return create_pointer(argv[i + 1]) ? -1 : 1;
	}
	if (strcmp(kind, "ticker") == 0) {
		NEED(1);
		return create_ticker(argv[i + 1]) ? -1 : 1;
	}
	if (strcmp(kind, "watch") == 0) {
		NEED(1);
		return create_watch(argv[i + 1]) ? -1 : 1;
	}
	if (strcmp(kind, "plant") == 0) {
		NEED(3);
		return create_plant(argv[i + 1], argv[i + 2], argv[i + 3]) ? -1 : 3;
	}
	if (strcmp(kind, "haystack") == 0) {
		NEED(3);
		return create_haystack(argv[i + 1], argv[i + 2], argv[i + 3]) ? -1 : 3;
	}
	if (strcmp(kind, "livestruct") == 0) {
		NEED(1);
		return create_livestruct(argv[i + 1]) ? -1 : 1;
	}
	if (strcmp(kind, "gap") == 0)
		return create_gap() ? -1 : 0;
	if (strcmp(kind, "pipe") == 0)
		return create_pipe() ? -1 : 0;
	if (strcmp(kind, "tcp") == 0)
		return create_inet(SOCK_STREAM) ? -1 : 0;
	if (strcmp(kind, "udp") == 0)
		return create_inet(SOCK_DGRAM) ? -1 : 0;
	fprintf(stderr, "unknown kind %s\n", kind);
	return -1;
#undef NEED
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: %s KIND ARGS... [KIND ARGS...]... (see the source)\n", argv[0]);
		return 2;
	}
	prctl(PR_SET_PDEATHSIG, SIGTERM);
	signal(SIGTERM, on_signal);
	signal(SIGALRM, on_signal);
	signal(SIGINT, on_signal);
	signal(SIGPIPE, SIG_IGN);
	alarm(TIMEOUT_SECONDS);
	/* many objects mean many descriptors */
	struct rlimit files;
	if (getrlimit(RLIMIT_NOFILE, &files) == 0) {
		files.rlim_cur = files.rlim_max;
		setrlimit(RLIMIT_NOFILE, &files);
	}
	for (int i = 1; i < argc;) {
		int taken = create(argc, argv, i);
		if (taken < 0) {
			cleanup();
			return 1;
		}
		i += 1 + taken;
	}
	fflush(stdout);
	char buffer[256];
	while (fgets(buffer, sizeof buffer, stdin) != NULL) {
		/* stdin open: keep the objects */
		if (live != NULL && strcmp(buffer, "step\n") == 0)
			live_write_step();
	}
	cleanup();
	return 0;
}
