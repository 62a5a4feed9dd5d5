/*
 * Calls already waiting when the capture starts: a server blocked in ReadFile went in before the
 * hooks existed, so no hook sees it return. At start, each other thread that waits in a system
 * call is unwound (RtlVirtualUnwind) from its context: when the frames are NtReadFile, NtWriteFile
 * or NtFsControlFile called by kernelbase's (or kernel32's) ReadFile, WriteFile or
 * ConnectNamedPipe, called by the program, the system call's own arguments on the stack give the
 * IO_STATUS_BLOCK, the buffer and the size, and the handle is the one value in the caller's
 * saved registers and frame that is a pipe or mailslot the capture wants. The return address
 * into the program is then switched to inflight_return, which records the call's completion
 * from the IO_STATUS_BLOCK (before anything touches the stack below it) and returns where the
 * program expected. When the handle cannot be told for sure the call is left alone, as before.
 * Stop puts back the return addresses of the calls still waiting.
 */
#include "capture.h"

#define MAX_INFLIGHT 64
#define MAX_FRAMES 12

/* Field offsets are used by inflight_return below: keep them in step. */
struct inflight {
	volatile uint64_t tid; /* 0: free */
	uint64_t iosb; /* 8 */
	uint64_t status; /* 16: IO_STATUS_BLOCK.Status, copied on return */
	uint64_t information; /* 24: IO_STATUS_BLOCK.Information */
	uint64_t result; /* 32: the BOOL the call returned */
	uint64_t return_to; /* 40 */
	volatile uint64_t returned; /* 48 */
	uint64_t *slot; /* 56 */
	uint64_t handle;
	void *buffer;
	uint64_t requested;
	int op;
	int call;
	HANDLE thread;
};

struct inflight inflights[MAX_INFLIGHT];
volatile LONG inflight_waiting;

void inflight_done(struct inflight *f);
extern char inflight_return[];
extern char inflight_return_end[];

/* Finds this thread's entry (gs:0x48 is the TEB's thread id), copies what the call left, records. */
__asm__(".globl inflight_return\n"
        "inflight_return:\n"
        "\tmovq %gs:0x48, %r11\n"
        "\tleaq inflights(%rip), %r10\n"
        "\tmovl $64, %ecx\n"
        "1:\tcmpq %r11, (%r10)\n"
        "\tje 2f\n"
        "\taddq $104, %r10\n"
        "\tdecl %ecx\n"
        "\tjnz 1b\n"
        "\tud2\n"
        "2:\tmovq $1, 48(%r10)\n"
        "\tmovq 8(%r10), %rdx\n"
        "\tmovq (%rdx), %rcx\n"
        "\tmovq %rcx, 16(%r10)\n"
        "\tmovq 8(%rdx), %rcx\n"
        "\tmovq %rcx, 24(%r10)\n"
        "\tmovq %rax, 32(%r10)\n"
        "\tpushq 40(%r10)\n"
        "\tpushq %rax\n"
        "\tsubq $32, %rsp\n"
        "\tmovq %r10, %rcx\n"
        "\tcall inflight_done\n"
        "\taddq $32, %rsp\n"
        "\tpopq %rax\n"
        "\tret\n"
        ".globl inflight_return_end\n"
        "inflight_return_end:\n");

_Static_assert(sizeof(struct inflight) == 104, "inflight_return walks entries of 104 bytes");

void inflight_done(struct inflight *f)
{
	DWORD error = GetLastError();
	if (active && wanted(f->handle, 0)) {
		BOOL ok = (BOOL)f->result;
		if (f->op == OP_CONNECT) {
			record(f->handle, OP_CONNECT, f->call, 0, 0, ok || error == ERROR_PIPE_CONNECTED ? 0 : error, NULL, 0);
		} else {
			uint64_t n = ok ? f->information : 0;
			struct segment segment = {f->buffer, n};
			record(f->handle, f->op, f->call, f->requested, n, ok ? 0 : error, &segment, 1);
		}
	}
	HANDLE thread = f->thread;
	f->thread = NULL;
	__atomic_store_n(&f->tid, 0, __ATOMIC_RELEASE);
	CloseHandle(thread);
	__atomic_sub_fetch(&inflight_waiting, 1, __ATOMIC_ACQ_REL);
	SetLastError(error);
}

static HMODULE module_of(uint64_t address)
{
	HMODULE module = NULL;
	GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
	        (LPCWSTR)(uintptr_t)address, &module);
	return module;
}

static int in_system(uint64_t address)
{
	static wchar_t path[MAX_PATH];
	HMODULE module = module_of(address);
	return module != NULL && GetModuleFileNameW(module, path, MAX_PATH) > 0 && is_system(path);
}

static uint64_t export_of(const char *module, const char *name)
{
	HMODULE m = GetModuleHandleA(module);
	return m == NULL ? 0 : (uint64_t)(uintptr_t)GetProcAddress(m, name);
}

struct found {
	uint64_t *slot;
	uint64_t return_to;
	uint64_t iosb;
	void *buffer;
	uint64_t requested;
	int op;
	int call;
	uint64_t candidates[48];
	int count;
};

/* The system call a leaf thunk of ntdll makes, by where it is: 0 if none of ours. */
static int nt_call(uint64_t rip)
{
	static const char *const names[] = {"NtReadFile", "NtWriteFile", "NtFsControlFile"};
	for (int i = 0; i < 3; i++) {
		uint64_t start = export_of("ntdll.dll", names[i]);
		if (start != 0 && rip >= start && rip < start + 32) {
			return i + 1;
		}
	}
	return 0;
}

/* The Win32 call a kernelbase or kernel32 function is: its op and call, 0 if none of ours. */
static int win32_call(uint64_t begin, int nt, int *op, int *call)
{
	static const char *const names[] = {"ReadFile", "WriteFile", "ConnectNamedPipe"};
	static const char *const modules[] = {"kernelbase.dll", "kernel32.dll"};
	static const int ops[] = {OP_READ, OP_WRITE, OP_CONNECT};
	static const int calls[] = {C_READFILE, C_WRITEFILE, C_CONNECTNAMEDPIPE};
	for (int i = 0; i < 3; i++) {
		for (int m = 0; m < 2; m++) {
			if (begin != 0 && begin == export_of(modules[m], names[i]) && nt == i + 1) {
				*op = ops[i];
				*call = calls[i];
				return 1;
			}
		}
	}
	return 0;
}

/* Unwinds a thread waiting in a system call; 1 when it is a call of ours made by the program. */
static int analyse(const CONTEXT *at, struct found *out)
{
	CONTEXT unwound = *at;
	int nt = 0;
	uint64_t *nt_slot = NULL;
	if (!in_system(at->Rip)) {
		return 0;
	}
	for (int depth = 0; depth < MAX_FRAMES; depth++) {
		uint64_t rip = unwound.Rip;
		DWORD64 image = 0;
		PRUNTIME_FUNCTION function = RtlLookupFunctionEntry(rip, &image, NULL);
		uint64_t begin = function == NULL ? 0 : image + function->BeginAddress;
		if (function != NULL) {
			PVOID data;
			DWORD64 frame;
			RtlVirtualUnwind(UNW_FLAG_NHANDLER, image, rip, function, &unwound, &data, &frame, NULL);
		} else {
			unwound.Rip = *(uint64_t *)(uintptr_t)unwound.Rsp;
			unwound.Rsp += 8;
		}
		uint64_t *slot = (uint64_t *)(uintptr_t)(unwound.Rsp - 8);
		if (depth == 0) {
			nt = nt_call(rip);
			if (nt == 0) {
				return 0;
			}
			nt_slot = slot;
			/* the caller's own registers: where it keeps the handle for after the call */
			DWORD64 saved[] = {unwound.Rbx, unwound.Rbp, unwound.Rsi, unwound.Rdi, unwound.R12, unwound.R13,
			        unwound.R14, unwound.R15};
			for (unsigned i = 0; i < sizeof saved / sizeof saved[0]; i++) {
				out->candidates[out->count++] = saved[i];
			}
			continue;
		}
		if (!win32_call(begin, nt, &out->op, &out->call)) {
			if (!in_system(unwound.Rip)) {
				return 0;
			}
			continue; /* a helper inside kernelbase between the two */
		}
		if (in_system(unwound.Rip) || module_of(unwound.Rip) == self || module_of(unwound.Rip) == NULL) {
			return 0; /* called from inside the system, or by a hook: not the program's own call */
		}
		/* the system call's stack arguments: 5 IoStatusBlock, 6 Buffer, 7 Length (or FsControlCode) */
		out->iosb = nt_slot[5];
		out->buffer = out->op == OP_CONNECT ? NULL : (void *)(uintptr_t)nt_slot[6];
		out->requested = out->op == OP_CONNECT ? 0 : nt_slot[7];
		/* and the words of the Win32 function's frame, where a handle may have been spilled */
		for (uint64_t *p = nt_slot + 10; p < slot && out->count < 48; p++) {
			out->candidates[out->count++] = *p;
		}
		out->slot = slot;
		out->return_to = unwound.Rip;
		return out->iosb != 0;
	}
	return 0;
}

/* The one candidate that is a pipe or mailslot the capture wants; 0 if none, or more than one. */
static uint64_t handle_of(const struct found *f)
{
	uint64_t handle = 0;
	for (int i = 0; i < f->count; i++) {
		uint64_t v = f->candidates[i];
		if (v == 0 || (v & 3) != 0 || v >= 0x1000000 || v == f->requested || v == handle) {
			continue;
		}
		int kind = file_kind((HANDLE)(uintptr_t)v);
		if (kind <= 0 || (kinds_wanted != 0 && (kind & (int)kinds_wanted) == 0)) {
			continue;
		}
		if (handle != 0) {
			return 0;
		}
		handle = v;
	}
	return handle;
}

static void take(struct found *f, HANDLE thread, DWORD tid, uint64_t handle)
{
	for (int i = 0; i < MAX_INFLIGHT; i++) {
		uint64_t none = 0;
		if (__atomic_compare_exchange_n(
		            &inflights[i].tid, &none, (uint64_t)-1, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
			struct inflight *e = &inflights[i];
			e->iosb = f->iosb;
			e->return_to = f->return_to;
			e->returned = 0;
			e->slot = f->slot;
			e->handle = handle;
			e->buffer = f->buffer;
			e->requested = f->requested;
			e->op = f->op;
			e->call = f->call;
			e->thread = thread;
			__atomic_add_fetch(&inflight_waiting, 1, __ATOMIC_ACQ_REL);
			__atomic_store_n(&e->tid, (uint64_t)tid, __ATOMIC_RELEASE);
			/* the thread is suspended: it returns through the switch once it runs again */
			__atomic_store_n(f->slot, (uint64_t)(uintptr_t)inflight_return, __ATOMIC_RELEASE);
			return;
		}
	}
	CloseHandle(thread);
}

/* At start, after the hooks: switches the return of each call of ours already waiting. @return how many */
int inflight_catch(void)
{
	int caught = 0;
	HANDLE snapshot = CreateToolhelp32Snapshot(TH32CS_SNAPTHREAD, 0);
	if (snapshot == INVALID_HANDLE_VALUE) {
		return 0;
	}
	THREADENTRY32 entry;
	entry.dwSize = sizeof entry;
	DWORD self_pid = GetCurrentProcessId();
	DWORD self_tid = GetCurrentThreadId();
	static CONTEXT first __attribute__((aligned(16)));
	static CONTEXT again __attribute__((aligned(16)));
	for (BOOL more = Thread32First(snapshot, &entry); more; more = Thread32Next(snapshot, &entry)) {
		if (entry.th32OwnerProcessID != self_pid || entry.th32ThreadID == self_tid) {
			continue;
		}
		HANDLE thread = OpenThread(
		        THREAD_SUSPEND_RESUME | THREAD_GET_CONTEXT | THREAD_QUERY_INFORMATION, FALSE, entry.th32ThreadID);
		if (thread == NULL) {
			continue;
		}
		/* the context only while suspended: unwinding may take locks the thread could hold */
		first.ContextFlags = CONTEXT_INTEGER | CONTEXT_CONTROL;
		int got = SuspendThread(thread) != (DWORD)-1;
		got = got && GetThreadContext(thread, &first);
		ResumeThread(thread);
		struct found f;
		memset(&f, 0, sizeof f);
		uint64_t handle = got && analyse(&first, &f) ? handle_of(&f) : 0;
		if (handle == 0 || SuspendThread(thread) == (DWORD)-1) {
			CloseHandle(thread);
			continue;
		}
		/* still waiting where it was: the switch takes effect when the call returns */
		again.ContextFlags = CONTEXT_CONTROL;
		if (GetThreadContext(thread, &again) && again.Rip == first.Rip && again.Rsp == first.Rsp &&
		        *f.slot == f.return_to) {
			take(&f, thread, entry.th32ThreadID, handle);
			caught++;
			ResumeThread(thread);
		} else {
			ResumeThread(thread);
			CloseHandle(thread);
		}
	}
	CloseHandle(snapshot);
	return caught;
}

/* At stop: the calls still waiting return straight to the program again. */
void inflight_release(void)
{
	for (int i = 0; i < MAX_INFLIGHT; i++) {
		struct inflight *e = &inflights[i];
		uint64_t tid = __atomic_load_n(&e->tid, __ATOMIC_ACQUIRE);
		if (tid == 0 || tid == (uint64_t)-1 || e->thread == NULL) {
			continue;
		}
		static CONTEXT at __attribute__((aligned(16)));
		at.ContextFlags = CONTEXT_CONTROL;
		if (SuspendThread(e->thread) == (DWORD)-1) {
			continue;
		}
		int inside = GetThreadContext(e->thread, &at) && at.Rip >= (DWORD64)(uintptr_t)inflight_return &&
		        at.Rip < (DWORD64)(uintptr_t)inflight_return_end;
		if (!inside && !__atomic_load_n(&e->returned, __ATOMIC_ACQUIRE) &&
		        *e->slot == (uint64_t)(uintptr_t)inflight_return) {
			*e->slot = e->return_to;
			HANDLE thread = e->thread;
			e->thread = NULL;
			__atomic_store_n(&e->tid, 0, __ATOMIC_RELEASE);
			__atomic_sub_fetch(&inflight_waiting, 1, __ATOMIC_ACQ_REL);
			ResumeThread(thread);
			CloseHandle(thread);
		} else {
			/* on its way through inflight_done: the watchdog waits for it */
			ResumeThread(e->thread);
		}
	}
}
