package org.ipcscope.linux.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.ipcscope.core.memory.MemorySource;
import org.ipcscope.core.process.MemoryRegion;
import org.ipcscope.core.process.ProcessAccessException;
import org.ipcscope.core.process.ProcessInfo;
import org.ipcscope.core.process.ProcessMemoryProvider;
import org.ipcscope.core.text.NameBytes;
import org.osgi.service.component.annotations.Component;

/** Linux processes: regions from /proc/PID/maps, bytes through process_vm_readv. */
@Component(service = ProcessMemoryProvider.class)
public class LinuxProcessMemoryProvider implements ProcessMemoryProvider {

	@Override
	public List<ProcessInfo> processes() throws IOException {
		return LinuxProcessList.read();
	}

	@Override
	public List<MemoryRegion> regions(long pid) throws IOException {
		Path maps = Path.of("/proc", Long.toString(pid), "maps");
		try {
			// a mapped file's name is bytes: one that is not UTF-8 must neither fail the listing nor lose a byte
			List<MemoryRegion> regions = ProcMaps.parse(NameBytes.decode(Files.readAllBytes(maps)));
			if (regions.isEmpty()) {
				checkHasMemory(pid);
			}
			return regions;
		} catch (NoSuchFileException e) {
			throw new ProcessAccessException("process " + pid + " does not exist (or has exited)");
		} catch (AccessDeniedException e) {
			throw new ProcessAccessException(whyNotReadable(pid));
		}
	}

	@Override
	public MemorySource open(long pid, boolean writable) throws IOException {
		if (!Files.isDirectory(Path.of("/proc", Long.toString(pid)))) {
			throw new ProcessAccessException("process " + pid + " does not exist (or has exited)");
		}
		checkHasMemory(pid);
		return new ProcessVmMemorySource(pid, writable);
	}

	/** The flag of a kernel thread in /proc/PID/stat (PF_KTHREAD, include/linux/sched.h). */
	static final long PF_KTHREAD = 0x00200000;

	/**
	 * A zombie and a kernel thread have no user memory: their maps are empty and every read fails,
	 * which without a word looks like a process with nothing in it.
	 */
	private static void checkHasMemory(long pid) throws ProcessAccessException {
		String stat;
		try {
			stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
		} catch (IOException e) {
			return; // gone meanwhile: the read that follows says so
		}
		// "PID (COMM) STATE PPID PGRP SESSION TTY TPGID FLAGS ...": COMM may hold spaces and parentheses
		String[] fields = stat.substring(stat.lastIndexOf(')') + 1).strip().split(" ");
		if (fields[0].equals("Z") || fields[0].equals("X")) {
			throw new ProcessAccessException("process " + pid + " is a zombie: it has exited and has no memory left"
					+ " (its parent has not collected its exit status yet)");
		}
		if (fields.length > 6 && (Long.parseLong(fields[6]) & PF_KTHREAD) != 0) {
			throw new ProcessAccessException("process " + pid + " is a kernel thread: it has no user memory");
		}
	}

	/** The reasons Linux refuses to let one process read another's memory, in the user's words. */
	static String whyNotReadable(long pid) {
		return whyNotReadable(pid, realUid(Path.of("/proc/self/status")));
	}

	/**
	 * @param reader the uid asking: root is told what stops even root, anyone else whose process
	 *               it is and that its user or root may read it
	 */
	static String whyNotReadable(long pid, long reader) {
		return whyRefused(pid, reader, "reading", "read");
	}

	/**
	 * Why Linux refuses to let {@code reader} read or trace process {@code pid} (the same
	 * ptrace access check decides both).
	 *
	 * @param act  what was refused, as a gerund: "reading", "tracing"
	 * @param verb the same as a verb: "read", "trace"
	 */
	static String whyRefused(long pid, long reader, String act, String verb) {
		String refused = act + " process " + pid + " was refused";
		if (reader == 0) {
			return refused + " although you are root: this root lacks CAP_SYS_PTRACE (in a container?),"
					+ " or a security module (SELinux, AppArmor, seccomp) forbids it";
		}
		long owner = realUid(Path.of("/proc", Long.toString(pid), "status"));
		if (owner >= 0 && owner != reader) {
			return refused + ": it runs as uid " + owner + " and you are uid " + reader + "; only its user or root may "
					+ verb + " it";
		}
		if (owner >= 0 && owner != directoryOwner(pid)) {
			// the kernel gives /proc/PID to root when a process is not dumpable
			return refused + ": it runs as your user but has made itself un" + verb + "able (a set-uid program, or"
					+ " PR_SET_DUMPABLE 0); root may " + verb + " it";
		}
		String scope = "";
		try {
			scope = Files.readString(Path.of("/proc/sys/kernel/yama/ptrace_scope")).strip();
		} catch (IOException e) {
			// no Yama: only the user check applies
		}
		return switch (scope) {
		case "1" -> refused + ": ptrace_scope is 1, so only a parent may " + verb + " its children"
				+ " (run as root, or: sysctl kernel.yama.ptrace_scope=0)";
		case "2" -> refused + ": ptrace_scope is 2, so only root (CAP_SYS_PTRACE) may " + verb + " other processes";
		case "3" -> refused + ": ptrace_scope is 3, so no process may " + verb + " another until reboot";
		default -> refused + ", though it runs as your user (a security module may forbid it)";
		};
	}

	/** @return the real uid of the JVM */
	static long ownUid() {
		return realUid(Path.of("/proc/self/status"));
	}

	private static long directoryOwner(long pid) {
		try {
			return (Integer) Files.getAttribute(Path.of("/proc", Long.toString(pid)), "unix:uid");
		} catch (IOException | RuntimeException e) {
			return -1;
		}
	}

	/** @return the real uid in a /proc status file, -1 if it cannot be read */
	private static long realUid(Path status) {
		try {
			for (String line : Files.readAllLines(status)) {
				if (line.startsWith("Uid:")) {
					return Long.parseLong(line.substring(4).strip().split("\\s+")[0]);
				}
			}
		} catch (IOException | RuntimeException e) {
			// gone, or not Linux's format: the owner is not named
		}
		return -1;
	}
}
