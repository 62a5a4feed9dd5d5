package org.ipcscope.linux.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.ipcscope.core.process.ProcessInfo;

/** The process list from /proc: comm, exe, the real uid of status, start time from stat. */
final class LinuxProcessList {

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
		return new ProcessInfo(pid, name, exe, user, bitness, start);
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
