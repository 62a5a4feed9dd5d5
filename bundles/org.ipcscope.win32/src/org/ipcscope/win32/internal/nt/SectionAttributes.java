package org.ipcscope.win32.internal.nt;

import java.util.ArrayList;
import java.util.List;

/** Names the SEC_* allocation attributes of a section. */
public final class SectionAttributes {

	static final int SEC_BASED = 0x00200000;
	public static final int SEC_FILE = 0x00800000;
	public static final int SEC_IMAGE = 0x01000000;
	static final int SEC_RESERVE = 0x04000000;
	public static final int SEC_COMMIT = 0x08000000;
	static final int SEC_NOCACHE = 0x10000000;
	static final int SEC_IMAGE_NO_EXECUTE = SEC_IMAGE | SEC_NOCACHE;
	static final int SEC_WRITECOMBINE = 0x40000000;
	static final int SEC_LARGE_PAGES = 0x80000000;

	private record Flag(int mask, String name) {
	}

	// SEC_IMAGE_NO_EXECUTE is two bits at once and must be matched before either of them.
	private static final List<Flag> FLAGS = List.of(
			new Flag(SEC_IMAGE_NO_EXECUTE, "SEC_IMAGE_NO_EXECUTE"),
			new Flag(SEC_COMMIT, "SEC_COMMIT"),
			new Flag(SEC_RESERVE, "SEC_RESERVE"),
			new Flag(SEC_IMAGE, "SEC_IMAGE"),
			new Flag(SEC_FILE, "SEC_FILE"),
			new Flag(SEC_BASED, "SEC_BASED"),
			new Flag(SEC_NOCACHE, "SEC_NOCACHE"),
			new Flag(SEC_LARGE_PAGES, "SEC_LARGE_PAGES"),
			new Flag(SEC_WRITECOMBINE, "SEC_WRITECOMBINE"));

	private SectionAttributes() {
	}

	/** @return for example "SEC_COMMIT" or "SEC_IMAGE | SEC_FILE"; unknown bits in hex; "none" for 0 */
	public static String describe(int attributes) {
		List<String> names = new ArrayList<>();
		int rest = attributes;
		for (Flag flag : FLAGS) {
			if ((rest & flag.mask()) == flag.mask()) {
				names.add(flag.name());
				rest &= ~flag.mask();
			}
		}
		if (rest != 0) {
			names.add(String.format("0x%X", rest));
		}
		return names.isEmpty() ? "none" : String.join(" | ", names);
	}

	/** An image section is always mapped from a file, whatever other bits the kernel reports. */
	public static boolean isFileBacked(int attributes) {
		return (attributes & (SEC_FILE | SEC_IMAGE)) != 0;
	}

	public static String backing(int attributes) {
		return isFileBacked(attributes) ? "file" : "page file";
	}
}
