package org.ipcscope.win32.internal.memory;

/**
 * One section of a loaded PE image (IMAGE_SECTION_HEADER).
 *
 * @param name            up to 8 characters, e.g. {@code .shared}
 * @param virtualAddress  relative to the image base
 * @param virtualSize     bytes in memory
 * @param characteristics IMAGE_SCN_* flags
 */
public record PeSection(String name, long virtualAddress, long virtualSize, int characteristics) {

	/** Every process that loads the image maps the same pages: MSVC's {@code /SECTION:name,RWS}. */
	public static final int IMAGE_SCN_MEM_SHARED = 0x10000000;

	public boolean isShared() {
		return (characteristics & IMAGE_SCN_MEM_SHARED) != 0;
	}
}
