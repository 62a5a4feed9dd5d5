package org.ipcscope.core.struct;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ipcscope.core.struct.CType.Member;
import org.ipcscope.core.struct.CType.Record;
import org.ipcscope.core.struct.CType.Scalar;
import org.ipcscope.core.struct.CType.ScalarKind;

/**
 * The types a header may use without declaring them: C's own (by their keywords), the fixed-width
 * ones of {@code <stdint.h>}, and the common Windows typedefs with the sizes Windows gives them
 * whatever the ABI (DWORD is 32 bits, WCHAR 16). TCHAR is WCHAR when UNICODE or _UNICODE is
 * defined, else char.
 */
final class BuiltinTypes {

	private BuiltinTypes() {
	}

	static Scalar signed(String name, long size) {
		return new Scalar(name, ScalarKind.SIGNED, size, (int) size);
	}

	static Scalar unsigned(String name, long size) {
		return new Scalar(name, ScalarKind.UNSIGNED, size, (int) size);
	}

	static Scalar pointer(String name, Abi abi) {
		return new Scalar(name, ScalarKind.POINTER, abi.pointerSize(), abi.pointerSize());
	}

	/** @return C's type for its keywords, such as {@code unsigned long long int} */
	static CType keywords(List<String> words, Abi abi) {
		int longs = (int) words.stream().filter("long"::equals).count();
		boolean unsigned = words.contains("unsigned");
		String name = String.join(" ", words);
		if (words.contains("void")) {
			return new Scalar(name, ScalarKind.VOID, -1, 1);
		}
		if (words.contains("_Bool") || words.contains("bool")) {
			return new Scalar(name, ScalarKind.BOOL, 1, 1);
		}
		if (words.contains("float")) {
			return new Scalar(name, ScalarKind.FLOAT, 4, 4);
		}
		if (words.contains("double")) {
			int size = longs > 0 ? abi.longDoubleSize() : 8;
			return new Scalar(name, ScalarKind.FLOAT, size, size);
		}
		if (words.contains("char")) {
			return unsigned ? unsigned(name, 1)
					: words.contains("signed") ? signed(name, 1) : new Scalar(name, ScalarKind.CHAR, 1, 1);
		}
		long size = words.contains("short") ? 2 : longs == 0 ? 4 : longs == 1 ? abi.longSize() : 8;
		return unsigned ? unsigned(name, size) : signed(name, size);
	}

	/** @return the typedef names known before the header starts */
	static Map<String, CType> typedefs(Abi abi, boolean unicode) {
		Map<String, CType> t = new LinkedHashMap<>();
		for (int bits : new int[] { 8, 16, 32, 64 }) {
			t.put("int" + bits + "_t", signed("int" + bits + "_t", bits / 8));
			t.put("uint" + bits + "_t", unsigned("uint" + bits + "_t", bits / 8));
			t.put("__int" + bits, signed("__int" + bits, bits / 8));
			t.put("INT" + bits, signed("INT" + bits, bits / 8));
			t.put("UINT" + bits, unsigned("UINT" + bits, bits / 8));
		}
		int p = abi.pointerSize();
		for (String n : List.of("size_t", "uintptr_t", "SIZE_T", "ULONG_PTR", "DWORD_PTR", "UINT_PTR", "WPARAM")) {
			t.put(n, unsigned(n, p));
		}
		for (String n : List.of("ssize_t", "intptr_t", "ptrdiff_t", "SSIZE_T", "LONG_PTR", "INT_PTR", "LPARAM",
				"LRESULT")) {
			t.put(n, signed(n, p));
		}
		for (String n : List.of("BYTE", "UCHAR", "BOOLEAN")) {
			t.put(n, unsigned(n, 1));
		}
		t.put("CHAR", new Scalar("CHAR", ScalarKind.CHAR, 1, 1));
		t.put("CCHAR", new Scalar("CCHAR", ScalarKind.CHAR, 1, 1));
		t.put("SHORT", signed("SHORT", 2));
		for (String n : List.of("WORD", "USHORT", "ATOM", "LANGID")) {
			t.put(n, unsigned(n, 2));
		}
		for (String n : List.of("LONG", "INT", "BOOL", "HRESULT", "NTSTATUS")) {
			t.put(n, signed(n, 4));
		}
		for (String n : List.of("DWORD", "ULONG", "UINT", "DWORD32", "COLORREF", "LCID")) {
			t.put(n, unsigned(n, 4));
		}
		for (String n : List.of("LONGLONG", "LONG64", "INT64")) {
			t.put(n, signed(n, 8));
		}
		for (String n : List.of("ULONGLONG", "ULONG64", "DWORD64", "DWORDLONG", "QWORD")) {
			t.put(n, unsigned(n, 8));
		}
		t.put("wchar_t", new Scalar("wchar_t", ScalarKind.WCHAR, abi.wcharSize(), abi.wcharSize()));
		t.put("FLOAT", new Scalar("FLOAT", ScalarKind.FLOAT, 4, 4));
		Scalar wchar = new Scalar("WCHAR", ScalarKind.WCHAR, 2, 2);
		t.put("WCHAR", wchar);
		t.put("char16_t", wchar.renamed("char16_t"));
		t.put("char32_t", unsigned("char32_t", 4));
		t.put("TCHAR", unicode ? wchar.renamed("TCHAR") : new Scalar("TCHAR", ScalarKind.CHAR, 1, 1));
		for (String n : List.of("HANDLE", "HWND", "HMODULE", "HINSTANCE", "HKEY", "HDC", "HICON", "HMENU", "HBRUSH",
				"HFONT", "HBITMAP", "HGLOBAL", "HLOCAL", "LPVOID", "PVOID", "LPCVOID", "LPSTR", "LPCSTR", "LPWSTR",
				"LPCWSTR", "PSTR", "PCSTR", "PWSTR", "PCWSTR", "LPTSTR", "LPCTSTR", "LPBYTE", "PBYTE", "LPDWORD",
				"PDWORD", "FARPROC")) {
			t.put(n, pointer(n, abi));
		}
		Record guid = new Record("GUID", false);
		guid.complete(16, 4, List.of(member("Data1", unsigned("unsigned long", 4), 0),
				member("Data2", unsigned("unsigned short", 2), 4), member("Data3", unsigned("unsigned short", 2), 6),
				member("Data4", new CType.Array(unsigned("unsigned char", 1), 8), 8)));
		t.put("GUID", guid);
		t.put("UUID", guid.named("UUID"));
		t.put("IID", guid.named("IID"));
		t.put("CLSID", guid.named("CLSID"));
		Record filetime = new Record("FILETIME", false);
		filetime.complete(8, 4, List.of(member("dwLowDateTime", t.get("DWORD"), 0),
				member("dwHighDateTime", t.get("DWORD"), 4)));
		t.put("FILETIME", filetime);
		return t;
	}

	private static Member member(String name, CType type, long offset) {
		return new Member(name, type, type.name(), offset, offset * 8, -1);
	}
}
