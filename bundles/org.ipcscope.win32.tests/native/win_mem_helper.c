/*
 * win_mem_helper: a Windows process whose memory the process-memory tests look into.
 * Prints "READY pid=N", then answers one command a line on stdin (words separated by spaces or
 * tabs) with "OK key=value..." or "ERROR why". Exits when stdin closes, on "exit", or after
 * TIMEOUT seconds (default 300).
 *
 *   marker TEXT        copies TEXT (NUL-terminated) into a HeapAlloc block of the process heap
 *                      -> OK address=0x...
 *   heap TEXT          creates a heap (HeapCreate) and copies TEXT into a block of it
 *                      -> OK heap=0x... address=0x...
 *   gap                two committed 64 KiB blocks filled with 0x5A, with a free 64 KiB hole between
 *                      -> OK first=0x... gap=0x... second=0x... (each 65536 bytes)
 *   fill MIB           commits MIB MiB and fills them with 0x11 -> OK address=0x...
 *   load PATH          LoadLibrary(PATH, the rest of the line) -> OK base=0x... shared=0x... private=0x... (addresses
 * of the DLL's exported shared_value and private_value) set NAME VALUE     writes the loaded DLL's shared_value or
 * private_value -> OK get NAME           -> OK value=N (decimal) peek ADDR LEN      -> OK bytes=HEX (LEN <= 256 bytes
 * read in this process) deny               gives this process an empty DACL: nobody may open it for more than its
 * owner's rights exit CODE          -> OK, then ExitProcess(CODE)
 */
#include <windows.h>
#include <aclapi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static volatile unsigned long long *shared_value;
static volatile unsigned long long *private_value;

static DWORD WINAPI watchdog(LPVOID seconds)
{
	Sleep((DWORD)(ULONG_PTR)seconds * 1000);
	ExitProcess(124);
	return 0;
}

static void answer(const char *format, ...)
{
	va_list args;
	va_start(args, format);
	vprintf(format, args);
	va_end(args);
	printf("\n");
	fflush(stdout);
}

static void gap(void)
{
	const SIZE_T block = 65536;
	for (int attempt = 0; attempt < 20; attempt++) {
		/* Reserve three blocks to find a free spot, give it back, then take the outer two. */
		char *base = VirtualAlloc(NULL, 3 * block, MEM_RESERVE, PAGE_NOACCESS);
		if (base == NULL) {
			break;
		}
		VirtualFree(base, 0, MEM_RELEASE);
		char *first = VirtualAlloc(base, block, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
		char *second = VirtualAlloc(base + 2 * block, block, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
		if (first == base && second == base + 2 * block) {
			memset(first, 0x5A, block);
			memset(second, 0x5A, block);
			answer("OK first=0x%llx gap=0x%llx second=0x%llx", (unsigned long long)(ULONG_PTR)first,
			        (unsigned long long)(ULONG_PTR)(base + block), (unsigned long long)(ULONG_PTR)second);
			return;
		}
		/* another thread took part of the spot: try again elsewhere */
		if (first)
			VirtualFree(first, 0, MEM_RELEASE);
		if (second)
			VirtualFree(second, 0, MEM_RELEASE);
	}
	answer("ERROR no room for a gap");
}

static volatile unsigned long long *variable(const char *name)
{
	return strcmp(name, "shared") == 0 ? shared_value : strcmp(name, "private") == 0 ? private_value : NULL;
}

static void deny(void)
{
	ACL empty;
	InitializeAcl(&empty, sizeof empty, ACL_REVISION);
	DWORD error =
	        SetSecurityInfo(GetCurrentProcess(), SE_KERNEL_OBJECT, DACL_SECURITY_INFORMATION, NULL, NULL, &empty, NULL);
	if (error != ERROR_SUCCESS) {
		answer("ERROR SetSecurityInfo %lu", error);
	} else {
		answer("OK");
	}
}

int wmain(int argc, wchar_t **argv)
{
	unsigned long timeout = argc > 1 ? wcstoul(argv[1], NULL, 10) : 300;
	CreateThread(NULL, 0, watchdog, (LPVOID)(ULONG_PTR)timeout, 0, NULL);
	answer("READY pid=%lu", GetCurrentProcessId());

	char line[4096];
	while (fgets(line, sizeof line, stdin) != NULL) {
		line[strcspn(line, "\r\n")] = 0;
		char whole[sizeof line];
		memcpy(whole, line, sizeof line);
		char *command = strtok(line, " \t");
		char *first = strtok(NULL, " \t");
		char *second = strtok(NULL, "\t");
		if (command == NULL) {
			continue;
		}
		if (strcmp(command, "marker") == 0 && first != NULL) {
			size_t length = strlen(first) + 1;
			char *block = HeapAlloc(GetProcessHeap(), 0, length);
			memcpy(block, first, length);
			answer("OK address=0x%llx", (unsigned long long)(ULONG_PTR)block);
		} else if (strcmp(command, "heap") == 0 && first != NULL) {
			HANDLE heap = HeapCreate(0, 0, 0);
			size_t length = strlen(first) + 1;
			char *block = HeapAlloc(heap, 0, length);
			memcpy(block, first, length);
			answer("OK heap=0x%llx address=0x%llx", (unsigned long long)(ULONG_PTR)heap,
			        (unsigned long long)(ULONG_PTR)block);
		} else if (strcmp(command, "gap") == 0) {
			gap();
		} else if (strcmp(command, "fill") == 0 && first != NULL) {
			SIZE_T size = (SIZE_T)strtoul(first, NULL, 10) << 20;
			char *block = VirtualAlloc(NULL, size, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE);
			if (block == NULL) {
				answer("ERROR VirtualAlloc %lu", GetLastError());
			} else {
				memset(block, 0x11, size);
				answer("OK address=0x%llx", (unsigned long long)(ULONG_PTR)block);
			}
		} else if (strcmp(command, "load") == 0 && first != NULL) {
			/* the path is the rest of the line after "load" and one space or tab: it may hold spaces */
			HMODULE module = LoadLibraryA(whole + strlen("load") + 1);
			if (module == NULL) {
				answer("ERROR LoadLibrary %lu", GetLastError());
				continue;
			}
			shared_value = (volatile unsigned long long *)GetProcAddress(module, "shared_value");
			private_value = (volatile unsigned long long *)GetProcAddress(module, "private_value");
			answer("OK base=0x%llx shared=0x%llx private=0x%llx", (unsigned long long)(ULONG_PTR)module,
			        (unsigned long long)(ULONG_PTR)shared_value, (unsigned long long)(ULONG_PTR)private_value);
		} else if (strcmp(command, "set") == 0 && first != NULL && second != NULL && variable(first) != NULL) {
			*variable(first) = strtoull(second, NULL, 0);
			answer("OK");
		} else if (strcmp(command, "get") == 0 && first != NULL && variable(first) != NULL) {
			answer("OK value=%llu", *variable(first));
		} else if (strcmp(command, "peek") == 0 && first != NULL && second != NULL) {
			unsigned char *address = (unsigned char *)(ULONG_PTR)strtoull(first, NULL, 0);
			unsigned long length = strtoul(second, NULL, 0);
			char hex[513] = "";
			for (unsigned long i = 0; i < length && i < 256; i++) {
				sprintf(hex + 2 * i, "%02x", address[i]);
			}
			answer("OK bytes=%s", hex);
		} else if (strcmp(command, "deny") == 0) {
			deny();
		} else if (strcmp(command, "exit") == 0) {
			answer("OK");
			ExitProcess(first != NULL ? (UINT)strtoul(first, NULL, 10) : 0);
		} else {
			answer("ERROR unknown command %s", command);
		}
	}
	return 0;
}
