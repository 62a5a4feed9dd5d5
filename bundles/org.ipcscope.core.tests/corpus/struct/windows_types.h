/* The Windows typedefs, with the sizes Windows gives them on every ABI. */
#ifdef USE_STATE_NAMES
#define STATE_COUNT 4
#else
#define STATE_COUNT 2
#endif
typedef struct _SHARED_BLOCK {
	BYTE b;
	WORD w;
	DWORD dw;
	QWORD qw;
	LONG l;
	ULONG ul;
	BOOL ok;
	HANDLE h;
	HWND wnd;
	LPVOID p;
	WCHAR wname[8];
	TCHAR tname[4];
	SIZE_T size;
	LONG_PTR lp;
	ULONG_PTR up;
	GUID id;
	FILETIME when;
	LONGLONG ll;
	BOOLEAN flag;
	DWORD states[STATE_COUNT];
#if defined(_WIN64) && STATE_COUNT > 2
	DWORD only_win64;
#elif defined(_WIN32)
	WORD only_win32;
#else
	char only_linux[3];
#endif
} SHARED_BLOCK, *PSHARED_BLOCK;
