package org.ipcscope.linux.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ipcscope.core.process.ProcessInfo;

/**
 * The process list from /proc: comm, exe, the real uid of status, start time and the kernel-thread
 * flag from stat, the command line.
 */
final class LinuxProcessList {

	/** PF_KTHREAD of stat's flags (include/linux/sched.h). */
	private static final long KERNEL_THREAD = 0x00200000;
	/** How much of a command line is read: enough to tell processes apart. */
	private static final int COMMAND_LINE_BYTES = 4096;

	/** USER_HZ: the unit of stat's start time; 100 on every Linux architecture we build for. */
	private static final long TICKS_PER_SECOND = 100;

	private LinuxProcessList() {
	}

	static List<ProcessInfo> read() throws IOException {
		UserNames users = UserNames.ofSystem();
		long bootSeconds = bootTime();
		List<ProcessInfo> processes = new ArrayList<>();
		try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"),
				p -> p.getFileName().toString().chars().allMatch(Character::isDigit))) {
			for (Path dir : proc) {
				try {
					processes.add(read(dir, users, bootSeconds));
				} catch (IOException e) {
					// exited while listed
				}
			}
		}
		return processes;
	}

	private static ProcessInfo read(Path dir, UserNames users, long bootSeconds) throws IOException {
		long pid = Long.parseLong(dir.getFileName().toString());
		String name = Files.readString(dir.resolve("comm")).strip();
		String exe = "";
		int bitness = 0;
		try {
			exe = Files.readSymbolicLink(dir.resolve("exe")).toString();
			bitness = elfClass(dir.resolve("exe"));
		} catch (IOException | UnsupportedOperationException e) {
			// kernel threads have no exe; other users' processes do not show theirs
		}
		String user = "";
		for (String line : Files.readAllLines(dir.resolve("status"))) {
			if (line.startsWith("Uid:")) {
				user = users.describe(Integer.parseInt(line.substring(4).strip().split("\\s+")[0]));
				break;
			}
		}
		Optional<Instant> start = Optional.empty();
		String stat = Files.readString(dir.resolve("stat"));
		// comm may hold spaces and parentheses: the fields after it start at the last ')'
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		if (bootSeconds > 0 && fields.length > 19) {
			long ticks = Long.parseLong(fields[19]);
			start = Optional.of(Instant.ofEpochSecond(bootSeconds + ticks / TICKS_PER_SECOND,
					(ticks % TICKS_PER_SECOND) * (1_000_000_000L / TICKS_PER_SECOND)));
		}
		boolean kernelThread = fields.length > 6 && (Long.parseUnsignedLong(fields[6]) & KERNEL_THREAD) != 0;
		long parent = fields.length > 1 ? Long.parseLong(fields[1]) : 0;
		return new ProcessInfo(pid, name, exe, user, bitness, start, kernelThread ? "" : commandLine(dir), kernelThread,
				parent);
	}

	/** @return the arguments separated by spaces, or empty (a zombie's, another user's in some setups) */
	private static String commandLine(Path dir) {
		try (InputStream in = Files.newInputStream(dir.resolve("cmdline"))) {
			byte[] bytes = in.readNBytes(COMMAND_LINE_BYTES);
			int end = bytes.length;
			while (end > 0 && bytes[end - 1] == 0) {
				end--;
			}
			for (int i = 0; i < end; i++) {
				if (bytes[i] == 0) {
					bytes[i] = ' ';
				}
			}
			return new String(bytes, 0, end, StandardCharsets.UTF_8);
		} catch (IOException e) {
			return "";
		}
	}

	/** @return 32 or 64 from the ELF header's EI_CLASS, 0 if it cannot be read */
	private static int elfClass(Path exe) {
		try (InputStream in = Files.newInputStream(exe)) {
			byte[] ident = in.readNBytes(5);
			if (ident.length == 5 && ident[0] == 0x7f && ident[1] == 'E' && ident[2] == 'L' && ident[3] == 'F') {
				return ident[4] == 1 ? 32 : ident[4] == 2 ? 64 : 0;
			}
		} catch (IOException e) {
			// not ours to read
		}
		return 0;
	}

	private static long bootTime() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
				if (line.startsWith("btime ")) {
					return Long.parseLong(line.substring(6).strip());
				}
			}
		} catch (IOException | NumberFormatException e) {
			// no start times then
		}
		return 0;
	}
}
