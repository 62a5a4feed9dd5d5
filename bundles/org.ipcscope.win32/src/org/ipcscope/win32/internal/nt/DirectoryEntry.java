package org.ipcscope.win32.internal.nt;

/**
 * One entry of an object-manager directory.
 *
 * @param name     the entry's name inside its directory
 * @param typeName the object type as the kernel names it ("Section", "Directory", "Event"...)
 */
public record DirectoryEntry(String name, String typeName) {

	static final String SECTION = "Section";
	static final String DIRECTORY = "Directory";

	boolean isSection() {
		return SECTION.equals(typeName);
	}

	public boolean isDirectory() {
		return DIRECTORY.equals(typeName);
	}
}
