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
 * Each message the section's bitmap asks for is recorded into a ring in the section
 *   Local\ipcscope-copydata-<target pid>-<hwnd, hex>-<nonce, hex>
 * that IPC Scope created: the layout is in the Java reader (CopyDataRing.java) and below. A sent
 * message is recorded by the subclass procedure and published after the original window procedure
 * returned, with its result; a WM_COPYDATA keeps its payload. A posted message is recorded by a
 * WH_GETMESSAGE hook that attach() sets on the window's own thread, when the thread takes it off its
 * queue (the subclass procedure then knows its dispatch and does not record it again). The target
 * never waits: a full ring counts a drop. DETACH restores the window procedure from inside, removes
 * the message hook and releases the pin. Built without a C runtime (memcpy comes from msvcrt).
 */
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#include <stdint.h>

#define MAGIC 0x44435049u /* "IPCD" */
#define VERSION 2u
#define HEADER_SIZE 128u
#define BITMAP_SIZE 8192u /* one bit per message 0..0xFFFF */
#define SLOT_SIZE 96u

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
#define H_OPTIONS 88 /* OPTION_ABOVE: record messages above 0xFFFF */
#define H_CONTROL 92 /* our own control message: never recorded */
#define H_HOOK_ERROR 96 /* why posted messages are not recorded, 0 if they are */

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
#define S_MESSAGE 80
#define S_SENDER_THREAD 84
#define S_LPARAM 88

#define FLAG_RESULT 1u
#define FLAG_POSTED 2u
#define FLAG_SAME_THREAD 4u /* sent by the window's own thread: SendMessage called the procedure directly */
#define FLAG_NOTIFY 8u /* SendNotifyMessage: the sender does not wait */
#define FLAG_CALLBACK 16u /* SendMessageCallback */
#define OPTION_ABOVE 1u
#define MAX_WINDOWS 32

void *__cdecl memcpy(void *, const void *, size_t);

struct window {
	HWND hwnd;
	WNDPROC original;
	HANDLE mapping;
	unsigned char *view;
	/* the posted message the thread last took off its queue for this window, until dispatched */
	BOOL pending;
	MSG posted;
};

/* one WH_GETMESSAGE hook per thread, shared by that thread's windows */
struct thread_hook {
	DWORD thread;
	HHOOK hook;
	int users;
};

static struct window windows[MAX_WINDOWS];
static struct thread_hook hooks[MAX_WINDOWS];
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

static BOOL wanted(unsigned char *view, UINT message)
{
	if (message == *u32(view, H_CONTROL)) {
		return FALSE;
	}
	if (message > 0xFFFFu) {
		return (*u32(view, H_OPTIONS) & OPTION_ABOVE) != 0;
	}
	return (view[HEADER_SIZE + message / 8u] >> (message % 8u) & 1u) != 0;
}

/*
 * Reserves a slot and its payload space and copies the message; NULL (and a drop) if full.
 * data is the COPYDATASTRUCT of a sent WM_COPYDATA, else NULL.
 */
static unsigned char *record(unsigned char *view, UINT message, WPARAM wParam, LPARAM lParam,
        const COPYDATASTRUCT *data, uint64_t sender_pid, DWORD sender_thread, uint32_t flags)
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
	unsigned char *slot = view + HEADER_SIZE + BITMAP_SIZE + (size_t)(write % slots) * SLOT_SIZE;
	unsigned char *payload = view + HEADER_SIZE + BITMAP_SIZE + (size_t)slots * SLOT_SIZE;
	if (stored > 0) {
		memcpy(payload + start % size, data->lpData, stored);
	}
	*u64(slot, S_TIME) = now_micros();
	*u64(slot, S_WPARAM) = (uint64_t)wParam;
	*u64(slot, S_DWDATA) = data == NULL ? 0 : (uint64_t)data->dwData;
	*u64(slot, S_CBDATA) = data == NULL ? 0 : data->cbData;
	*u64(slot, S_RESULT) = 0;
	*u64(slot, S_SENDER_PID) = sender_pid;
	*u64(slot, S_DATA_START) = start;
	*u64(slot, S_DATA_END) = start + need;
	*u32(slot, S_STORED) = stored;
	*u32(slot, S_FLAGS) = flags;
	*u32(slot, S_MESSAGE) = message;
	*u32(slot, S_SENDER_THREAD) = sender_thread;
	*u64(slot, S_LPARAM) = (uint64_t)lParam;
	*u64(view, H_HEAD) = start + need;
	__atomic_store_n(u64(view, H_WRITE), write + 1, __ATOMIC_RELEASE);
	return slot;
}

/* The sender of a WM_COPYDATA names its window in wParam; -1 when it does not resolve. */
static uint64_t copydata_sender(WPARAM wParam)
{
	HWND sender = (HWND)wParam;
	DWORD sender_pid = 0;
	if (sender == NULL || !IsWindow(sender) || !GetWindowThreadProcessId(sender, &sender_pid)) {
		return (uint64_t)-1;
	}
	return sender_pid;
}

/* Publishes the slot once the original window procedure answered. */
static void publish(unsigned char *slot, LRESULT result, uint64_t sequence)
{
	*u64(slot, S_RESULT) = (uint64_t)result;
	*u32(slot, S_FLAGS) |= FLAG_RESULT;
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

static LRESULT CALLBACK message_hook(int code, WPARAM removal, LPARAM lParam)
{
	const MSG *msg = (const MSG *)lParam;
	if (code == HC_ACTION && removal == PM_REMOVE && msg != NULL && msg->hwnd != NULL) {
		struct window *w = find(msg->hwnd);
		if (w != NULL && w->original != NULL && w->view != NULL) {
			w->posted = *msg;
			w->pending = TRUE;
			if (wanted(w->view, msg->message)) {
				uint64_t sequence = *u64(w->view, H_WRITE) + 1;
				unsigned char *slot =
				        record(w->view, msg->message, msg->wParam, msg->lParam, NULL, (uint64_t)-1, 0, FLAG_POSTED);
				if (slot != NULL) {
					/* nobody gets a posted message's result: published at once */
					__atomic_store_n(u64(slot, S_SEQ), sequence, __ATOMIC_RELEASE);
				}
			}
		}
	}
	return CallNextHookEx(NULL, code, removal, lParam);
}

/* Sets the thread's WH_GETMESSAGE hook unless one of its windows already did; 0 or the error. */
static DWORD hook_thread(void)
{
	DWORD thread = GetCurrentThreadId();
	struct thread_hook *free_entry = NULL;
	for (int i = 0; i < MAX_WINDOWS; i++) {
		if (hooks[i].users > 0 && hooks[i].thread == thread) {
			hooks[i].users++;
			return 0;
		}
		if (hooks[i].users == 0 && free_entry == NULL) {
			free_entry = &hooks[i];
		}
	}
	if (free_entry == NULL) {
		return ERROR_TOO_MANY_OPEN_FILES;
	}
	HHOOK hook = SetWindowsHookExW(WH_GETMESSAGE, message_hook, self, thread);
	if (hook == NULL) {
		return GetLastError();
	}
	free_entry->thread = thread;
	free_entry->hook = hook;
	free_entry->users = 1;
	return 0;
}

static void unhook_thread(void)
{
	DWORD thread = GetCurrentThreadId();
	for (int i = 0; i < MAX_WINDOWS; i++) {
		if (hooks[i].users > 0 && hooks[i].thread == thread) {
			if (--hooks[i].users == 0) {
				UnhookWindowsHookEx(hooks[i].hook);
				hooks[i].hook = NULL;
			}
			return;
		}
	}
}

static void release(struct window *w, uint32_t state)
{
	if (w->view != NULL) {
		__atomic_store_n(u32(w->view, H_STATE), state, __ATOMIC_RELEASE);
		UnmapViewOfFile(w->view);
		CloseHandle(w->mapping);
		unhook_thread();
	}
	w->view = NULL;
	w->mapping = NULL;
	w->pending = FALSE;
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

/* Whether this call of the window procedure is the dispatch of the posted message last taken off the queue. */
static BOOL dispatching_posted(struct window *w, UINT message, WPARAM wParam, LPARAM lParam)
{
	if (!w->pending || w->posted.message != message || w->posted.wParam != wParam || w->posted.lParam != lParam) {
		return FALSE;
	}
	w->pending = FALSE;
	return TRUE;
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
	unsigned char *view = w->view;
	if (view != NULL) {
		DWORD how = InSendMessageEx(NULL);
		BOOL same_thread = (how & (ISMEX_SEND | ISMEX_NOTIFY | ISMEX_CALLBACK)) == 0;
		/* a posted message's dispatch also looks like a call from the window's own thread */
		BOOL posted = same_thread && dispatching_posted(w, message, wParam, lParam);
		if (!posted && wanted(view, message)) {
			uint32_t flags = same_thread ? FLAG_SAME_THREAD : 0;
			flags |= (how & ISMEX_NOTIFY) ? FLAG_NOTIFY : 0;
			flags |= (how & ISMEX_CALLBACK) ? FLAG_CALLBACK : 0;
			const COPYDATASTRUCT *data = message == WM_COPYDATA ? (const COPYDATASTRUCT *)lParam : NULL;
			uint64_t pid = (uint64_t)-1;
			if (same_thread) {
				pid = GetCurrentProcessId();
			} else if (message == WM_COPYDATA) {
				pid = copydata_sender(wParam);
			}
			sequence = *u64(view, H_WRITE) + 1;
			slot = record(view, message, wParam, lParam, data, pid, same_thread ? GetCurrentThreadId() : 0, flags);
		}
	}
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
			UnmapViewOfFile(w->view); /* its message hook stays and serves this capture */
			CloseHandle(w->mapping);
		} else {
			*u32(view, H_HOOK_ERROR) = hook_thread();
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
		*u32(view, H_HOOK_ERROR) = hook_thread();
	}
	w->pending = FALSE;
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
