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
			return ProcMaps.parse(NameBytes.decode(Files.readAllBytes(maps)));
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
		return new ProcessVmMemorySource(pid, writable);
	}

	/** The reasons Linux refuses to let one process read another's memory, in the user's words. */
	static String whyNotReadable(long pid) {
		String scope = "";
		try {
			scope = Files.readString(Path.of("/proc/sys/kernel/yama/ptrace_scope")).strip();
		} catch (IOException e) {
			// no Yama: only the user check applies
		}
		String reason = "reading process " + pid + " was refused: it must run as your user (or you as root)";
		return switch (scope) {
		case "1" -> reason + ", and ptrace_scope is 1: only a parent may read its children"
				+ " (run as root, or: sysctl kernel.yama.ptrace_scope=0)";
		case "2" -> reason + ", and ptrace_scope is 2: only root (CAP_SYS_PTRACE) may read other processes";
		case "3" -> reason + ", and ptrace_scope is 3: no process may read another until reboot";
		default -> reason;
		};
	}
}
