/*
 * ipcscope_copydata.dll: the in-process WM_COPYDATA capture (CaptureStrategy.IN_PROCESS).
 *
 * IPC Scope loads this DLL, calls copydata_install(thread of the target window) and sends the
 * window the registered message "org.ipcscope.copydata.control" with wParam ATTACH and lParam a
 * nonce. The thread-specific WH_CALLWNDPROC hook makes Windows load the DLL into the target and
 * run copydata_hook there, on the window's own thread; it subclasses the window (allowed from
 * inside the owning process, refused from outside) and pins the DLL so that the subclass
 * procedure stays loaded even if IPC Scope dies. The hook is used for nothing else: its view of
 * a WM_COPYDATA's data is not reliable (Wine hands hooks a pointer into the sender's memory).
 *
 * Each WM_COPYDATA is copied into a ring in the section
 *   Local\ipcscope-copydata-<target pid>-<hwnd, hex>-<nonce, hex>
 * that IPC Scope created: the layout is in the Java reader (CopyDataRing.java) and below. The
 * target never waits: a full ring counts a drop. The slot is published after the original window
 * procedure returned, with its result. DETACH restores the window procedure from inside and
 * releases the pin. Built without a C runtime (memcpy comes from msvcrt).
 */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <stdint.h>

#define MAGIC 0x44435049u /* "IPCD" */
#define VERSION 1u
#define HEADER_SIZE 128u
#define SLOT_SIZE 80u

#define COMMAND_ATTACH 1
#define COMMAND_DETACH 2

#define STATE_WAITING 0u
#define STATE_ATTACHED 1u
#define STATE_DETACHED 2u
#define STATE_DESTROYED 3u
#define STATE_FAILED 4u
#define STATE_LEFT_SUBCLASSED 5u

/* header offsets */
#define H_MAGIC 0
#define H_VERSION 4
#define H_SLOTS 8
#define H_CAP 12
#define H_DATA_SIZE 16
#define H_STATE 24
#define H_ERROR 28
#define H_WRITE 32
#define H_READ 40
#define H_DROPPED 48
#define H_HEAD 56
#define H_TAIL 64
#define H_HWND 72
#define H_PID 80

/* slot offsets */
#define S_SEQ 0
#define S_TIME 8
#define S_WPARAM 16
#define S_DWDATA 24
#define S_CBDATA 32
#define S_RESULT 40
#define S_SENDER_PID 48
#define S_DATA_START 56
#define S_DATA_END 64
#define S_STORED 72
#define S_FLAGS 76

#define FLAG_RESULT 1u
#define MAX_WINDOWS 32

void *__cdecl memcpy(void *, const void *, size_t);

struct window {
	HWND hwnd;
	WNDPROC original;
	HANDLE mapping;
	unsigned char *view;
};

static struct window windows[MAX_WINDOWS];
static UINT control_message;
static LARGE_INTEGER frequency;
static HMODULE self;

static inline uint64_t *u64(unsigned char *base, size_t offset)
{
	return (uint64_t *)(base + offset);
}

static inline uint32_t *u32(unsigned char *base, size_t offset)
{
	return (uint32_t *)(base + offset);
}

static uint64_t now_micros(void)
{
	LARGE_INTEGER counter;
	QueryPerformanceCounter(&counter);
	uint64_t ticks = (uint64_t)counter.QuadPart;
	uint64_t f = (uint64_t)frequency.QuadPart;
	return ticks / f * 1000000u + ticks % f * 1000000u / f;
}

static struct window *find(HWND hwnd)
{
	for (int i = 0; i < MAX_WINDOWS; i++) {
		if (windows[i].hwnd == hwnd) {
			return &windows[i];
		}
	}
	return NULL;
}

/* Reserves a slot and its payload space and copies the message; NULL (and a drop) if full. */
static unsigned char *record(unsigned char *view, WPARAM wParam, const COPYDATASTRUCT *data)
{
	uint32_t slots = *u32(view, H_SLOTS);
	uint64_t size = *u64(view, H_DATA_SIZE);
	uint64_t write = *u64(view, H_WRITE);
	uint64_t read = __atomic_load_n(u64(view, H_READ), __ATOMIC_ACQUIRE);
	uint64_t head = *u64(view, H_HEAD);
	uint64_t tail = __atomic_load_n(u64(view, H_TAIL), __ATOMIC_ACQUIRE);
	uint32_t stored = data == NULL || data->lpData == NULL ? 0 : data->cbData;
	if (stored > *u32(view, H_CAP)) {
		stored = *u32(view, H_CAP);
	}
	uint64_t need = ((uint64_t)stored + 7u) & ~(uint64_t)7u;
	uint64_t position = head % size;
	uint64_t skip = position + need > size ? size - position : 0;
	if (write - read >= slots || head + skip + need - tail > size) {
		__atomic_add_fetch(u64(view, H_DROPPED), 1, __ATOMIC_RELEASE);
		return NULL;
	}
	uint64_t start = head + skip;
	unsigned char *slot = view + HEADER_SIZE + (size_t)(write % slots) * SLOT_SIZE;
	unsigned char *payload = view + HEADER_SIZE + (size_t)slots * SLOT_SIZE;
	if (stored > 0) {
		memcpy(payload + start % size, data->lpData, stored);
	}
	HWND sender = (HWND)wParam;
	DWORD sender_pid = 0;
	*u64(slot, S_TIME) = now_micros();
	*u64(slot, S_WPARAM) = (uint64_t)wParam;
	*u64(slot, S_DWDATA) = data == NULL ? 0 : (uint64_t)data->dwData;
	*u64(slot, S_CBDATA) = data == NULL ? 0 : data->cbData;
	*u64(slot, S_RESULT) = 0;
	*u64(slot, S_SENDER_PID) = sender != NULL && IsWindow(sender) && GetWindowThreadProcessId(sender, &sender_pid)
	        ? (uint64_t)sender_pid
	        : (uint64_t)-1;
	*u64(slot, S_DATA_START) = start;
	*u64(slot, S_DATA_END) = start + need;
	*u32(slot, S_STORED) = stored;
	*u32(slot, S_FLAGS) = 0;
	*u64(view, H_HEAD) = start + need;
	__atomic_store_n(u64(view, H_WRITE), write + 1, __ATOMIC_RELEASE);
	return slot;
}

/* Publishes the slot once the original window procedure answered. */
static void publish(unsigned char *slot, LRESULT result, uint64_t sequence)
{
	*u64(slot, S_RESULT) = (uint64_t)result;
	*u32(slot, S_FLAGS) = FLAG_RESULT;
	__atomic_store_n(u64(slot, S_SEQ), sequence, __ATOMIC_RELEASE);
}

static DWORD WINAPI unpin(LPVOID unused)
{
	(void)unused;
	/* Lets the window procedure that asked for this return out of the DLL first. */
	Sleep(250);
	FreeLibraryAndExitThread(self, 0);
	return 0;
}

static void release(struct window *w, uint32_t state)
{
	if (w->view != NULL) {
		__atomic_store_n(u32(w->view, H_STATE), state, __ATOMIC_RELEASE);
		UnmapViewOfFile(w->view);
		CloseHandle(w->mapping);
	}
	w->view = NULL;
	w->mapping = NULL;
	if (state == STATE_LEFT_SUBCLASSED) {
		return; /* the subclass procedure stays in use: keep the DLL pinned */
	}
	w->original = NULL;
	__atomic_store_n(&w->hwnd, NULL, __ATOMIC_RELEASE);
	HANDLE thread = CreateThread(NULL, 0, unpin, NULL, 0, NULL);
	if (thread != NULL) {
		CloseHandle(thread);
	}
}

static LRESULT CALLBACK subclass(HWND hwnd, UINT message, WPARAM wParam, LPARAM lParam)
{
	struct window *w = find(hwnd);
	if (w == NULL || w->original == NULL) {
		return DefWindowProcW(hwnd, message, wParam, lParam);
	}
	WNDPROC original = w->original;
	unsigned char *slot = NULL;
	uint64_t sequence = 0;
	if (message == WM_COPYDATA && w->view != NULL) {
		sequence = *u64(w->view, H_WRITE) + 1;
		slot = record(w->view, wParam, (const COPYDATASTRUCT *)lParam);
	}
	unsigned char *view = w->view;
	LRESULT result = CallWindowProcW(original, hwnd, message, wParam, lParam);
	if (slot != NULL && w->view == view) {
		publish(slot, result, sequence);
	}
	if (message == WM_NCDESTROY) {
		SetWindowLongPtrW(hwnd, GWLP_WNDPROC, (LONG_PTR)original);
		release(w, STATE_DESTROYED);
	}
	return result;
}

static void name_of(wchar_t *out, DWORD pid, HWND hwnd, DWORD nonce)
{
	static const wchar_t prefix[] = L"Local\\ipcscope-copydata-";
	static const char digits[] = "0123456789abcdef";
	uint64_t values[3] = {pid, (uint64_t)(uintptr_t)hwnd, nonce};
	int at = 0;
	for (const wchar_t *p = prefix; *p; p++) {
		out[at++] = *p;
	}
	for (int v = 0; v < 3; v++) {
		wchar_t reversed[17];
		int n = 0;
		uint64_t value = values[v];
		do {
			reversed[n++] = (wchar_t)digits[value % (v == 0 ? 10 : 16)];
			value /= v == 0 ? 10 : 16;
		} while (value != 0);
		while (n > 0) {
			out[at++] = reversed[--n];
		}
		if (v < 2) {
			out[at++] = L'-';
		}
	}
	out[at] = 0;
}

static void attach(HWND hwnd, DWORD nonce)
{
	wchar_t name[96];
	name_of(name, GetCurrentProcessId(), hwnd, nonce);
	HANDLE mapping = OpenFileMappingW(FILE_MAP_READ | FILE_MAP_WRITE, FALSE, name);
	if (mapping == NULL) {
		return; /* IPC Scope sees the state still WAITING and reports the timeout */
	}
	unsigned char *view = MapViewOfFile(mapping, FILE_MAP_READ | FILE_MAP_WRITE, 0, 0, 0);
	if (view == NULL || *u32(view, H_MAGIC) != MAGIC || *u32(view, H_VERSION) != VERSION) {
		if (view != NULL) {
			*u32(view, H_ERROR) = ERROR_INVALID_DATA;
			__atomic_store_n(u32(view, H_STATE), STATE_FAILED, __ATOMIC_RELEASE);
			UnmapViewOfFile(view);
		}
		CloseHandle(mapping);
		return;
	}
	if (frequency.QuadPart == 0) {
		QueryPerformanceFrequency(&frequency);
	}
	struct window *w = find(hwnd);
	if (w != NULL && w->original != NULL) {
		/* still subclassed by an earlier capture whose IPC Scope went away: take over its window */
		if (w->view != NULL) {
			UnmapViewOfFile(w->view);
			CloseHandle(w->mapping);
		}
	} else {
		w = find(NULL);
		HMODULE pin;
		if (w == NULL || !GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS, (LPCWSTR)(void *)subclass, &pin)) {
			*u32(view, H_ERROR) = w == NULL ? ERROR_TOO_MANY_OPEN_FILES : GetLastError();
			__atomic_store_n(u32(view, H_STATE), STATE_FAILED, __ATOMIC_RELEASE);
			UnmapViewOfFile(view);
			CloseHandle(mapping);
			return;
		}
		self = pin;
		w->hwnd = hwnd;
		SetLastError(0);
		LONG_PTR original = SetWindowLongPtrW(hwnd, GWLP_WNDPROC, (LONG_PTR)subclass);
		if (original == 0) {
			*u32(view, H_ERROR) = GetLastError();
			__atomic_store_n(u32(view, H_STATE), STATE_FAILED, __ATOMIC_RELEASE);
			UnmapViewOfFile(view);
			CloseHandle(mapping);
			w->hwnd = NULL;
			FreeLibrary(pin); /* the hook's own reference keeps the DLL loaded here */
			return;
		}
		w->original = (WNDPROC)original;
	}
	w->mapping = mapping;
	w->view = view;
	*u64(view, H_HWND) = (uint64_t)(uintptr_t)hwnd;
	*u64(view, H_PID) = GetCurrentProcessId();
	__atomic_store_n(u32(view, H_STATE), STATE_ATTACHED, __ATOMIC_RELEASE);
}

static void detach(HWND hwnd)
{
	struct window *w = find(hwnd);
	if (w == NULL || w->original == NULL) {
		return;
	}
	if (GetWindowLongPtrW(hwnd, GWLP_WNDPROC) != (LONG_PTR)subclass) {
		/* someone subclassed the window after us: taking ours out would cut theirs off */
		release(w, STATE_LEFT_SUBCLASSED);
		return;
	}
	SetWindowLongPtrW(hwnd, GWLP_WNDPROC, (LONG_PTR)w->original);
	release(w, STATE_DETACHED);
}

__declspec(dllexport) LRESULT CALLBACK copydata_hook(int code, WPARAM wParam, LPARAM lParam)
{
	const CWPSTRUCT *call = (const CWPSTRUCT *)lParam;
	if (control_message == 0) {
		control_message = RegisterWindowMessageW(L"org.ipcscope.copydata.control");
	}
	if (code == HC_ACTION && call != NULL && call->message == control_message && control_message != 0) {
		if (call->wParam == COMMAND_ATTACH) {
			attach(call->hwnd, (DWORD)call->lParam);
		} else if (call->wParam == COMMAND_DETACH) {
			detach(call->hwnd);
		}
	}
	return CallNextHookEx(NULL, code, wParam, lParam);
}

/* Called in IPC Scope's process: installs the hook for the target's thread. */
__declspec(dllexport) HHOOK copydata_install(DWORD thread, DWORD *error)
{
	HHOOK hook = SetWindowsHookExW(WH_CALLWNDPROC, copydata_hook, self, thread);
	*error = hook == NULL ? GetLastError() : 0;
	return hook;
}

int WINAPI DllMainCRTStartup(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
	(void)reserved;
	if (reason == DLL_PROCESS_ATTACH) {
		self = instance;
		DisableThreadLibraryCalls(instance);
	}
	return TRUE;
}
