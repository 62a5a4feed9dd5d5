package org.ipcscope.core.struct;

import java.util.Locale;
import java.util.Map;

/**
 * The layout rules of one compiler and target, chosen per overlay: the sizes of the C types that
 * differ between them, and how bitfields are packed.
 */
public enum Abi {
	/** Microsoft x64 (Visual C++, and mingw-w64 with {@code -mms-bitfields}). */
	MSVC64("msvc64", 8, 4, 2, 8, true, Map.of("_WIN32", "1", "_WIN64", "1", "_MSC_VER", "1900", "_M_X64", "100",
			"_M_AMD64", "100")),
	/** Microsoft x86 (32-bit). */
	MSVC32("msvc32", 4, 4, 2, 8, true, Map.of("_WIN32", "1", "_MSC_VER", "1900", "_M_IX86", "600")),
	/** System V x86-64, as GCC and Clang lay out structs on Linux. */
	SYSV64("sysv64", 8, 8, 4, 16, false, Map.of("__linux__", "1", "__x86_64__", "1", "__GNUC__", "12", "__LP64__",
			"1", "__unix__", "1"));

	private final String id;
	private final int pointerSize;
	private final int longSize;
	private final int wcharSize;
	private final int longDoubleSize;
	private final boolean msBitfields;
	private final Map<String, String> predefined;

	Abi(String id, int pointerSize, int longSize, int wcharSize, int longDoubleSize, boolean msBitfields,
			Map<String, String> predefined) {
		this.id = id;
		this.pointerSize = pointerSize;
		this.longSize = longSize;
		this.wcharSize = wcharSize;
		this.longDoubleSize = longDoubleSize;
		this.msBitfields = msBitfields;
		this.predefined = predefined;
	}

	/** @return the name the command line takes: msvc64, msvc32 or sysv64 */
	public String id() {
		return id;
	}

	public int pointerSize() {
		return pointerSize;
	}

	/** @return 4 on Microsoft ABIs, 8 on System V */
	public int longSize() {
		return longSize;
	}

	/** @return 2 on Microsoft ABIs (UTF-16), 4 on System V (UTF-32) */
	public int wcharSize() {
		return wcharSize;
	}

	/** @return 8 on Microsoft ABIs (it is a double there), 16 on System V (x87 extended, padded) */
	public int longDoubleSize() {
		return longDoubleSize;
	}

	/**
	 * @return whether a bitfield starts a new unit when its declared type's size changes (Microsoft),
	 *         rather than being packed across units as GCC does
	 */
	public boolean msBitfields() {
		return msBitfields;
	}


	/** @return the macros this ABI's compiler defines, so that {@code #ifdef _WIN32} chooses as it would */
	public Map<String, String> predefinedMacros() {
		return predefined;
	}

	/** @return the ABI with this id (msvc64, msvc32, sysv64), case-insensitive */
	public static Abi fromId(String text) {
		for (Abi abi : values()) {
			if (abi.id.equals(text.toLowerCase(Locale.ROOT))) {
				return abi;
			}
		}
		throw new IllegalArgumentException("no ABI '" + text + "': msvc64, msvc32 or sysv64");
	}
}
