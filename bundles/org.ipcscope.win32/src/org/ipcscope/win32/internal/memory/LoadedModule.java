package org.ipcscope.win32.internal.memory;

import java.util.List;

/**
 * A module (EXE or DLL) loaded in a process.
 *
 * @param name           file name, e.g. {@code kernel32.dll}
 * @param base           where it is loaded
 * @param size           SizeOfImage
 * @param path           full path
 * @param sharedSections its sections with IMAGE_SCN_MEM_SHARED (the pages every process loading it shares)
 */
public record LoadedModule(String name, long base, long size, String path, List<PeSection> sharedSections) {

	public boolean contains(long address) {
		return Long.compareUnsigned(address, base) >= 0 && Long.compareUnsigned(address, base + size) < 0;
	}

	/** @return the tag of a shared section's region: "shared section .shared of foo.dll" */
	public String sharedSectionTag(PeSection section) {
		return "shared section " + section.name() + " of " + name;
	}
}
