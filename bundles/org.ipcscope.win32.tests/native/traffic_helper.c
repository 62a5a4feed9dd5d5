/*
 * Test helper for traffic capture: servers and clients of a named pipe, a mailslot and TCP on
 * 127.0.0.1, modelled on the seeds' programs. Message k of a client has SIZE bytes of
 * pattern(i) = (i * 31 + SIZE + 7) & 0xff.
 *
 * traffic_helper pipe-server NAME ack|noack [overlapped]
 *     creates \\.\pipe\NAME (PIPE_ACCESS_DUPLEX, message mode), prints "READY pid=N", waits for a
 *     client (ConnectNamedPipe), then for each message prints "MSG n size fnv" (noack: only
 *     "COUNT n" for messages 1, 1001, 2001...) and, with ack, answers "ack n". overlapped: the pipe is opened
 *     with FILE_FLAG_OVERLAPPED and every read waits in GetOverlappedResult. echo (instead of
 *     overlapped): answers each message with its own bytes and prints nothing.
 * traffic_helper mailslot-server NAME     creates \\.\mailslot\NAME, prints READY, then MSG lines.
 * traffic_helper tcp-server               listens on 127.0.0.1, prints "READY pid=N port=P", accepts
 *     one client and reads messages framed by a 4-byte little-endian length; MSG lines; ack.
 * traffic_helper pipe-client NAME | mailslot-client NAME | tcp-client PORT
 *     connects (a mailslot client opens, writes and closes for each message), prints "READY pid=N",
 *     then obeys stdin:
 *       send SIZE          sends one message, reads the ack if there is one, prints "SENT size fnv"
 *       flood COUNT SIZE   sends COUNT messages without reading, prints "FLOODED n=COUNT"
 *       bench COUNT SIZE   pipe only: COUNT round trips of SIZE bytes (server echoes them with the
 *                          ack), prints "BENCH n=N median_us=X mean_us=Y"
 *       exit               ends the process at once (ExitProcess 3)
 * traffic_helper sleep                    prints READY and waits for stdin to close.
 * Servers end when stdin closes; everything ends after 10 minutes.
 */
#define WIN32_LEAN_AND_MEAN
#include <winsock2.h>
#include <ws2tcpip.h>
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define TIMEOUT_MS 600000
#define BUFFER (2u << 20)

static unsigned char *buffer;
static int acking;
static int echo;

static unsigned long long fnv1a(const unsigned char *bytes, DWORD size)
{
	unsigned long long hash = 0xcbf29ce484222325ULL;
	for (DWORD i = 0; i < size; i++) {
		hash = (hash ^ bytes[i]) * 0x100000001b3ULL;
	}
	return hash;
}

static void fill(unsigned char *out, DWORD size)
{
	for (DWORD i = 0; i < size; i++) {
		out[i] = (unsigned char)((i * 31u + size + 7u) & 0xff);
	}
}

static DWORD WINAPI timeout(LPVOID unused)
{
	(void)unused;
	Sleep(TIMEOUT_MS);
	ExitProcess(2);
	return 0;
}

/* Servers: the main thread waits for stdin to close, the I/O runs on this thread. */
static DWORD WINAPI stdin_watch(LPVOID unused)
{
	(void)unused;
	char line[64];
	while (fgets(line, sizeof line, stdin) != NULL) {
	}
	ExitProcess(0);
	return 0;
}

static void message(unsigned long n, DWORD size, const unsigned char *data)
{
	if (echo) {
		return; /* a benchmark's echo server: nobody reads its lines */
	}
	if (acking) {
		printf("MSG %lu %lu %016llx\n", n, (unsigned long)size, fnv1a(data, size));
	} else if (n % 1000 == 1) {
		printf("COUNT %lu\n", n);
	}
	fflush(stdout);
}

static int pipe_server(const wchar_t *name, int overlapped)
{
	wchar_t path[512];
	swprintf(path, 512, L"\\\\.\\pipe\\%ls", name);
	HANDLE pipe = CreateNamedPipeW(path, PIPE_ACCESS_DUPLEX | (overlapped ? FILE_FLAG_OVERLAPPED : 0),
	        PIPE_TYPE_MESSAGE | PIPE_READMODE_MESSAGE | PIPE_WAIT, 1, BUFFER, BUFFER, 0, NULL);
	if (pipe == INVALID_HANDLE_VALUE) {
		printf("ERROR CreateNamedPipe %lu\n", GetLastError());
		return 1;
	}
	printf("READY pid=%lu\n", GetCurrentProcessId());
	fflush(stdout);
	OVERLAPPED ov = {0};
	ov.hEvent = CreateEventW(NULL, TRUE, FALSE, NULL);
	BOOL connected = ConnectNamedPipe(pipe, overlapped ? &ov : NULL);
	if (!connected && GetLastError() == ERROR_IO_PENDING) {
		DWORD ignored;
		connected = GetOverlappedResult(pipe, &ov, &ignored, TRUE);
	}
	if (!connected && GetLastError() != ERROR_PIPE_CONNECTED) {
		printf("ERROR ConnectNamedPipe %lu\n", GetLastError());
		return 1;
	}
	for (unsigned long n = 1;; n++) {
		DWORD got = 0;
		BOOL ok;
		if (overlapped) {
			ResetEvent(ov.hEvent);
			ok = ReadFile(pipe, buffer, BUFFER, NULL, &ov);
			if (!ok && GetLastError() == ERROR_IO_PENDING) {
				ok = GetOverlappedResult(pipe, &ov, &got, TRUE);
			} else if (ok) {
				GetOverlappedResult(pipe, &ov, &got, FALSE);
			}
		} else {
			ok = ReadFile(pipe, buffer, BUFFER, &got, NULL);
		}
		if (!ok) {
			printf("END %lu error=%lu\n", n - 1, GetLastError());
			fflush(stdout);
			Sleep(INFINITE); /* the test closes stdin */
		}
		message(n, got, buffer);
		if (acking) {
			char ack[32];
			DWORD length = (DWORD)sprintf(ack, "ack %lu", n);
			DWORD written = 0;
			const void *reply = echo ? (const void *)buffer : ack;
			DWORD size = echo ? got : length;
			if (overlapped) {
				ResetEvent(ov.hEvent);
				if (!WriteFile(pipe, reply, size, NULL, &ov) && GetLastError() == ERROR_IO_PENDING) {
					GetOverlappedResult(pipe, &ov, &written, TRUE);
				}
			} else {
				WriteFile(pipe, reply, size, &written, NULL);
			}
		}
	}
}

static int mailslot_server(const wchar_t *name)
{
	wchar_t path[512];
	swprintf(path, 512, L"\\\\.\\mailslot\\%ls", name);
	HANDLE slot = CreateMailslotW(path, 0, MAILSLOT_WAIT_FOREVER, NULL);
	if (slot == INVALID_HANDLE_VALUE) {
		printf("ERROR CreateMailslot %lu\n", GetLastError());
		return 1;
	}
	printf("READY pid=%lu\n", GetCurrentProcessId());
	fflush(stdout);
	for (unsigned long n = 1;; n++) {
		DWORD got = 0;
		if (!ReadFile(slot, buffer, BUFFER, &got, NULL)) {
			printf("END %lu error=%lu\n", n - 1, GetLastError());
			fflush(stdout);
			Sleep(INFINITE);
		}
		message(n, got, buffer);
	}
}

static int receive_all(SOCKET s, unsigned char *into, DWORD size)
{
	DWORD have = 0;
	while (have < size) {
		int got = recv(s, (char *)into + have, (int)(size - have), 0);
		if (got <= 0) {
			return 0;
		}
		have += (DWORD)got;
	}
	return 1;
}

static int tcp_server(void)
{
	SOCKET listener = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
	struct sockaddr_in address = {0};
	address.sin_family = AF_INET;
	address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	int length = sizeof address;
	if (bind(listener, (struct sockaddr *)&address, sizeof address) != 0 || listen(listener, 1) != 0 ||
	        getsockname(listener, (struct sockaddr *)&address, &length) != 0) {
		printf("ERROR listen %d\n", WSAGetLastError());
		return 1;
	}
	printf("READY pid=%lu port=%u\n", GetCurrentProcessId(), ntohs(address.sin_port));
	fflush(stdout);
	SOCKET s = accept(listener, NULL, NULL);
	for (unsigned long n = 1;; n++) {
		unsigned char header[4];
		if (!receive_all(s, header, 4)) {
			printf("END %lu\n", n - 1);
			fflush(stdout);
			Sleep(INFINITE);
		}
		DWORD size = header[0] | header[1] << 8 | header[2] << 16 | (DWORD)header[3] << 24;
		if (size > BUFFER || !receive_all(s, buffer, size)) {
			printf("END %lu bad\n", n - 1);
			fflush(stdout);
			Sleep(INFINITE);
		}
		message(n, size, buffer);
		if (acking) {
			char ack[32];
			int ack_length = sprintf(ack, "ack %lu", n);
			send(s, ack, ack_length, 0);
		}
	}
}

enum channel { PIPE, MAILSLOT, TCP };

static HANDLE file;
static SOCKET sock;
static wchar_t slot_path[512];

static int send_message(enum channel channel, DWORD size, int read_ack)
{
	fill(buffer, size);
	if (channel == TCP) {
		unsigned char *framed = buffer - 4;
		framed[0] = (unsigned char)size;
		framed[1] = (unsigned char)(size >> 8);
		framed[2] = (unsigned char)(size >> 16);
		framed[3] = (unsigned char)(size >> 24);
		if (send(sock, (const char *)framed, (int)size + 4, 0) != (int)size + 4) {
			return 0;
		}
		if (read_ack) {
			char ack[32];
			if (recv(sock, ack, sizeof ack, 0) <= 0) {
				return 0;
			}
		}
		return 1;
	}
	DWORD written = 0;
	if (channel == MAILSLOT) {
		/* as mailslot clients do: open, write, close for each message */
		file = CreateFileW(slot_path, GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
		if (file == INVALID_HANDLE_VALUE) {
			return 0;
		}
	}
	BOOL ok = WriteFile(file, buffer, size, &written, NULL);
	if (channel == MAILSLOT) {
		CloseHandle(file);
	}
	if (!ok || written != size) {
		return 0;
	}
	if (read_ack && channel == PIPE) {
		static unsigned char ack[BUFFER];
		DWORD got = 0;
		if (!ReadFile(file, ack, sizeof ack, &got, NULL)) {
			return 0;
		}
	}
	return 1;
}

static int compare(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static int client(enum channel channel, const wchar_t *target)
{
	wchar_t path[512];
	if (channel == TCP) {
		sock = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
		struct sockaddr_in address = {0};
		address.sin_family = AF_INET;
		address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		address.sin_port = htons((u_short)_wtoi(target));
		if (connect(sock, (struct sockaddr *)&address, sizeof address) != 0) {
			printf("ERROR connect %d\n", WSAGetLastError());
			return 1;
		}
	} else {
		swprintf(path, 512, channel == PIPE ? L"\\\\.\\pipe\\%ls" : L"\\\\.\\mailslot\\%ls", target);
		file = CreateFileW(path, channel == PIPE ? GENERIC_READ | GENERIC_WRITE : GENERIC_WRITE,
		        FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING, 0, NULL);
		if (file == INVALID_HANDLE_VALUE) {
			printf("ERROR CreateFile %lu\n", GetLastError());
			return 1;
		}
		if (channel == MAILSLOT) {
			wcscpy(slot_path, path);
			CloseHandle(file);
		}
		if (channel == PIPE) {
			DWORD mode = PIPE_READMODE_MESSAGE;
			SetNamedPipeHandleState(file, &mode, NULL, NULL);
		}
	}
	printf("READY pid=%lu\n", GetCurrentProcessId());
	fflush(stdout);
	char line[128];
	while (fgets(line, sizeof line, stdin) != NULL) {
		unsigned long a = 0, b = 0;
		if (sscanf(line, "send %lu", &a) == 1) {
			if (!send_message(channel, (DWORD)a, channel != MAILSLOT)) {
				printf("ERROR send %lu\n", GetLastError());
			} else {
				printf("SENT %lu %016llx\n", a, fnv1a(buffer, (DWORD)a));
			}
		} else if (sscanf(line, "flood %lu %lu", &a, &b) == 2) {
			unsigned long sent = 0;
			while (sent < a && send_message(channel, (DWORD)b, 0)) {
				sent++;
			}
			printf("FLOODED n=%lu\n", sent);
		} else if (sscanf(line, "bench %lu %lu", &a, &b) == 2 && channel == PIPE && a > 0) {
			double *times = malloc(a * sizeof *times);
			double sum = 0;
			LARGE_INTEGER frequency, start, end;
			QueryPerformanceFrequency(&frequency);
			for (unsigned long i = 0; i < a; i++) {
				QueryPerformanceCounter(&start);
				send_message(channel, (DWORD)b, 1);
				QueryPerformanceCounter(&end);
				times[i] = (double)(end.QuadPart - start.QuadPart) * 1e6 / (double)frequency.QuadPart;
				sum += times[i];
			}
			qsort(times, a, sizeof *times, compare);
			printf("BENCH n=%lu median_us=%.1f mean_us=%.1f\n", a, times[a / 2], sum / (double)a);
			free(times);
		} else if (strncmp(line, "exit", 4) == 0) {
			fflush(stdout);
			ExitProcess(3);
		} else {
			printf("ERROR unknown command\n");
		}
		fflush(stdout);
	}
	return 0;
}

int wmain(int argc, wchar_t **argv)
{
	CreateThread(NULL, 0, timeout, NULL, 0, NULL);
	WSADATA wsa;
	WSAStartup(MAKEWORD(2, 2), &wsa);
	/* 4 bytes in front for the TCP length prefix */
	unsigned char *allocation = malloc(BUFFER + 8);
	buffer = allocation + 8;
	if (argc < 2) {
		return 1;
	}
	const wchar_t *mode = argv[1];
	int server = wcsstr(mode, L"-server") != NULL;
	if (server) {
		acking = argc < 4 || wcscmp(argv[3], L"noack") != 0;
		echo = argc >= 5 && wcscmp(argv[4], L"echo") == 0;
		if (wcscmp(mode, L"tcp-server") == 0) {
			acking = argc < 3 || wcscmp(argv[2], L"noack") != 0;
		}
		CreateThread(NULL, 0, stdin_watch, NULL, 0, NULL);
	}
	if (wcscmp(mode, L"pipe-server") == 0 && argc >= 3) {
		return pipe_server(argv[2], argc >= 5 && wcscmp(argv[4], L"overlapped") == 0);
	}
	if (wcscmp(mode, L"mailslot-server") == 0 && argc >= 3) {
		acking = 1;
		return mailslot_server(argv[2]);
	}
	if (wcscmp(mode, L"tcp-server") == 0) {
		return tcp_server();
	}
	if (wcscmp(mode, L"pipe-client") == 0 && argc >= 3) {
		return client(PIPE, argv[2]);
	}
	if (wcscmp(mode, L"mailslot-client") == 0 && argc >= 3) {
		return client(MAILSLOT, argv[2]);
	}
	if (wcscmp(mode, L"tcp-client") == 0 && argc >= 3) {
		return client(TCP, argv[2]);
	}
	if (wcscmp(mode, L"sleep") == 0) {
		printf("READY pid=%lu\n", GetCurrentProcessId());
		fflush(stdout);
		char line[64];
		while (fgets(line, sizeof line, stdin) != NULL) {
		}
		return 0;
	}
	return 1;
}
