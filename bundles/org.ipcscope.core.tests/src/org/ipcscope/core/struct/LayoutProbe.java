package org.ipcscope.core.struct;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * Writes the C that makes a compiler state its layout of a header's structs and unions as data,
 * and compares that data with the parser's {@link Field}s.
 */
final class LayoutProbe {

	/** The Windows typedefs for compilers that have no windows.h, with Windows's sizes. */
	private static final String PRELUDE = """
			#include <stddef.h>
			#include <stdint.h>
			#include <stdalign.h>
			#ifdef _WIN32
			#include <windows.h>
			typedef unsigned long long QWORD;
			#else
			#define __declspec(x) __attribute__((x))
			typedef uint8_t BYTE; typedef uint16_t WORD; typedef uint32_t DWORD; typedef uint64_t QWORD;
			typedef int32_t LONG; typedef uint32_t ULONG; typedef int32_t BOOL; typedef void *HANDLE;
			typedef void *HWND; typedef void *LPVOID; typedef uint16_t WCHAR; typedef char TCHAR;
			typedef size_t SIZE_T; typedef intptr_t LONG_PTR; typedef uintptr_t ULONG_PTR; typedef int64_t LONGLONG;
			typedef uint8_t BOOLEAN;
			typedef struct _GUID { uint32_t Data1; uint16_t Data2; uint16_t Data3; uint8_t Data4[8]; } GUID;
			typedef struct _FILETIME { DWORD dwLowDateTime; DWORD dwHighDateTime; } FILETIME;
			#endif
			/* GCC knows aligned, MSVC's __declspec says align */
			#define align(n) aligned(n)
			""";

	private record Check(String type, Field field, int numberIndex, int probeSection) {
	}

	private final ParsedHeader header;
	private final Path file;
	private final List<String> types = new ArrayList<>();
	private final List<Check> checks = new ArrayList<>();
	private final StringBuilder numbers = new StringBuilder();
	private final StringBuilder probes = new StringBuilder();
	private int numberCount;

	LayoutProbe(ParsedHeader header, Path file) {
		this.header = header;
		this.file = file;
		for (String name : header.typeNames()) {
			Field root = header.layout(name);
			if (root.kind() == FieldKind.STRUCT || root.kind() == FieldKind.UNION) {
				add(name, root);
			}
		}
	}

	private void add(String type, Field root) {
		types.add(type);
		checks.add(new Check(type, root, number("sizeof(" + type + ")", "_Alignof(" + type + ")"), -1));
		for (Field f : root.flatten()) {
			if (f.path().isEmpty() || f.path().contains("<anonymous")) {
				continue;
			}
			if (f.isBitfield()) {
				int section = checks.size();
				probes.append("static ").append(type).append(" ip_b").append(section).append(" __attribute__((section(\".ib")
						.append(section).append("\"), used)) = { .").append(f.path()).append(" = -1 };\n");
				checks.add(new Check(type, f, -1, section));
			} else {
				checks.add(new Check(type, f, number("offsetof(" + type + ", " + f.path() + ")",
						"sizeof(((" + type + " *)0)->" + f.path() + ")"), -1));
			}
		}
	}

	private int number(String first, String second) {
		numbers.append("\t").append(first).append(", ").append(second).append(",\n");
		numberCount += 2;
		return numberCount - 2;
	}

	int typeCount() {
		return types.size();
	}

	int checkCount() {
		return checks.size();
	}

	String program() {
		return PRELUDE + "#include \"" + file + "\"\n"
				+ "const unsigned long long ip_numbers[] __attribute__((section(\".inum\"), used)) = {\n" + numbers
				+ "};\n" + probes;
	}

	/** @return one line per field where the compiler and the parser differ */
	List<String> compare(Map<String, byte[]> sections) {
		List<String> mismatches = new ArrayList<>();
		ByteBuffer numbers = ByteBuffer.wrap(sections.getOrDefault(".inum", new byte[0])).order(ByteOrder.LITTLE_ENDIAN);
		if (numbers.capacity() < numberCount * 8) {
			mismatches.add("the object file has " + numbers.capacity() + " bytes of numbers, not " + numberCount * 8);
			return mismatches;
		}
		for (Check check : checks) {
			Field f = check.field();
			if (check.numberIndex() >= 0) {
				long first = numbers.getLong(check.numberIndex() * 8);
				long second = numbers.getLong(check.numberIndex() * 8 + 8);
				if (f.path().isEmpty()) {
					long align = header.layout(check.type()).size() == f.size() ? alignOf(check.type()) : -1;
					if (first != f.size() || second != align) {
						mismatches.add(check.type() + ": compiler sizeof " + first + " _Alignof " + second + ", parser "
								+ f.size() + " / " + align);
					}
				} else if (first != f.offset() || second != f.size()) {
					mismatches.add(check.type() + "." + f.path() + ": compiler offset " + first + " size " + second
							+ ", parser " + f.offset() + " / " + f.size());
				}
			} else {
				byte[] bytes = sections.get(".ib" + check.probeSection());
				if (bytes == null) {
					mismatches.add(check.type() + "." + f.path() + ": no probe section in the object file");
					continue;
				}
				BitSet bits = BitSet.valueOf(bytes);
				long compilerStart = bits.nextSetBit(0);
				long compilerWidth = bits.cardinality();
				long parserStart = f.offset() * 8 + f.bitOffset();
				boolean contiguous = bits.nextClearBit((int) compilerStart) - compilerStart == compilerWidth;
				if (compilerStart != parserStart || compilerWidth != f.bitWidth() || !contiguous) {
					mismatches.add(check.type() + "." + f.path() + ": compiler bits " + compilerStart + "+" + compilerWidth
							+ (contiguous ? "" : " (not contiguous)") + ", parser " + parserStart + "+" + f.bitWidth());
				}
			}
		}
		return mismatches;
	}

	private long alignOf(String type) {
		return header.alignOf(type);
	}
}
