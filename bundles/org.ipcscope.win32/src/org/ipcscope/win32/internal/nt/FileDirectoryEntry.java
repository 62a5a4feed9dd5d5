package org.ipcscope.win32.internal.nt;

/**
 * One FILE_DIRECTORY_INFORMATION record. For the named-pipe device, EndOfFile is the number of
 * instances of the pipe and AllocationSize its maximum (ReactOS npfs, PipeList).
 */
public record FileDirectoryEntry(String fileName, long endOfFile, long allocationSize, int fileAttributes) {
}
