package org.ipcscope.linux.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ipcscope.core.text.NameBytes;

/**
 * The /proc scan of {@link ProcScan}'s native scanner, done in Java where the scanner cannot run
 * (not built for this machine, not allowed to run, or failed): the same records, read with the
 * JDK's file calls, a process at a time spread over the cores.
 */
final class JavaProcScan {

	private JavaProcScan() {
	}

	/**
	 * @param withMappings whether to read each process's maps (only shared memory needs them)
	 * @return every process that could be read, or {@code null} when {@code proc} cannot be listed
	 */
	static List<ProcessTable.ProcessRecord> scan(Path proc, boolean withMappings) {
		List<Long> pids = new ArrayList<>();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(proc)) {
			for (Path entry : entries) {
				String fileName = entry.getFileName().toString();
				if (isPid(fileName)) {
					pids.add(Long.parseLong(fileName));
				}
			}
		} catch (IOException e) {
			return null;
		}
		// /proc is read a process at a time, each in a few small system calls: spread them over the cores
		return pids.parallelStream().map(pid -> readProcess(proc, pid, withMappings)).filter(r -> r != null).toList();
	}

	private static boolean isPid(String name) {
		if (name.isEmpty()) {
			return false;
		}
		for (int i = 0; i < name.length(); i++) {
			if (!Character.isDigit(name.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private static ProcessTable.ProcessRecord readProcess(Path proc, long pid, boolean withMappings) {
		Path dir = proc.resolve(Long.toString(pid));
		String name;
		try {
			name = NameBytes.decode(Files.readAllBytes(dir.resolve("comm"))).strip();
		} catch (IOException e) {
			// exited since the listing: nothing of it to show
			return null;
		}
		List<ProcessTable.Descriptor> held = new ArrayList<>();
		try (DirectoryStream<Path> fds = Files.newDirectoryStream(dir.resolve("fd"))) {
			for (Path fd : fds) {
				try {
					held.add(new ProcessTable.Descriptor(pid, Integer.parseInt(fd.getFileName().toString()),
							NameBytes.name(Files.readSymbolicLink(fd))));
				} catch (IOException | NumberFormatException e) {
					// closed between listing and reading
				}
			}
		} catch (AccessDeniedException | SecurityException e) {
			return new ProcessTable.ProcessRecord(pid, name, List.of(), List.of(), true);
		} catch (IOException e) {
			// exited between reading its name and its descriptors
			return null;
		}
		List<ProcessTable.Mapping> mapped = withMappings ? readMappings(pid, dir) : List.of();
		return new ProcessTable.ProcessRecord(pid, name, held, mapped, false);
	}

	private static final byte[] SHM_PATH = "/dev/shm/".getBytes(StandardCharsets.US_ASCII);
	private static final byte[] SYSV_PATH = "/SYSV".getBytes(StandardCharsets.US_ASCII);

	/**
	 * Shared memory mappings from /proc/PID/maps. A JVM's maps has thousands of lines and only a
	 * few are of interest: the bytes are searched, and only matching lines decoded.
	 */
	private static List<ProcessTable.Mapping> readMappings(long pid, Path dir) {
		byte[] maps;
		try {
			maps = Files.readAllBytes(dir.resolve("maps"));
		} catch (IOException | SecurityException e) {
			return List.of();
		}
		List<ProcessTable.Mapping> mappings = new ArrayList<>(2);
		int lineStart = 0;
		while (lineStart < maps.length) {
			int lineEnd = lineStart;
			int slash = -1;
			while (lineEnd < maps.length && maps[lineEnd] != '\n') {
				if (slash < 0 && maps[lineEnd] == '/') {
					slash = lineEnd;
				}
				lineEnd++;
			}
			if (slash >= 0 && (startsWith(maps, slash, SHM_PATH) || startsWith(maps, slash, SYSV_PATH))) {
				String line = NameBytes.decode(maps, lineStart, lineEnd - lineStart);
				ProcessTable.Mapping mapping = parseMapping(pid, line, line.indexOf('/'));
				if (mapping != null) {
					mappings.add(mapping);
				}
			}
			lineStart = lineEnd + 1;
		}
		return mappings;
	}

	private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
		if (at + prefix.length > bytes.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[at + i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	/** Parses "start-end perms offset dev inode path" (the path may contain spaces). */
	private static ProcessTable.Mapping parseMapping(long pid, String line, int pathStart) {
		String[] fields = Blanks.split(line.substring(0, pathStart));
		if (fields.length < 5) {
			return null;
		}
		String[] range = fields[0].split("-");
		try {
			long length = Long.parseUnsignedLong(range[1], 16) - Long.parseUnsignedLong(range[0], 16);
			return new ProcessTable.Mapping(pid, line.substring(pathStart), Long.parseLong(fields[4]), length, fields[1]);
		} catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
			return null;
		}
	}
}
