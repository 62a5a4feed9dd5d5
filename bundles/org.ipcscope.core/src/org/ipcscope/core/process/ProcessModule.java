package org.ipcscope.core.process;

import java.util.List;

/**
 * An executable image loaded in a process: the program, its shared libraries or DLLs.
 *
 * @param name           the file name
 * @param base           the lowest address it occupies
 * @param size           bytes from the base to the end of its last region
 * @param path           its full path
 * @param sharedSections names of its sections whose pages every process loading it shares (DLL
 *                       data sections marked shared on Windows); empty elsewhere
 */
public record ProcessModule(String name, long base, long size, String path, List<String> sharedSections) {
}
