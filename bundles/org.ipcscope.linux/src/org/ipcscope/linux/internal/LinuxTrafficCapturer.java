package org.ipcscope.linux.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

import org.ipcscope.core.IpcKind;
import org.ipcscope.core.traffic.TrafficCapturer;
import org.ipcscope.core.traffic.TrafficListener;
import org.ipcscope.core.traffic.TrafficRequest;
import org.ipcscope.core.traffic.TrafficSession;
import org.osgi.service.component.annotations.Component;

/**
 * Captures the traffic of Linux processes with {@code ipcscope-trace}, a ptrace tracer built with
 * this bundle: pipes, FIFOs, Unix sockets, TCP and UDP.
 */
@Component(service = TrafficCapturer.class)
public class LinuxTrafficCapturer implements TrafficCapturer {

	private static final Set<IpcKind> KINDS = Set.copyOf(EnumSet.of(IpcKind.PIPE, IpcKind.FIFO, IpcKind.UNIX_SOCKET,
			IpcKind.TCP, IpcKind.UDP));

	@Override
	public Set<IpcKind> kinds() {
		return KINDS;
	}

	@Override
	public String change() {
		return "Attaches a ptrace tracer to each process; every system call stops the thread briefly;"
				+ " detaching restores it.";
	}

	@Override
	public String method() {
		return "ptrace";
	}

	@Override
	public TrafficSession start(TrafficRequest request, TrafficListener listener) throws IOException {
		Path tracer = NativeHelper.TRACER.path();
		if (tracer == null) {
			throw new IOException("the tracer ipcscope-trace cannot run here: it is not built for "
					+ System.getProperty("os.arch") + ", or its copy in the cache directory is not safe to run"
					+ " (see ipcscope.native)");
		}
		return TracerSession.start(tracer, request, listener);
	}

	/** Why process {@code pid} could not be traced, in the words of the process-memory verbs. */
	static String whyRefused(long pid, int errno) {
		Path status = Path.of("/proc", Long.toString(pid), "status");
		String text;
		try {
			text = Files.readString(status);
		} catch (NoSuchFileException e) {
			return "process " + pid + " does not exist (or has exited)";
		} catch (IOException e) {
			text = "";
		}
		if (errno == 3 /* ESRCH */) {
			return "process " + pid + " does not exist (or has exited)";
		}
		for (String line : text.lines().toList()) {
			if (line.startsWith("TracerPid:")) {
				String tracer = line.substring(10).strip();
				if (!tracer.equals("0")) {
					return "tracing process " + pid + " was refused: it is already traced by process " + tracer
							+ " (a debugger or strace); a process has one tracer at a time";
				}
			}
		}
		if (isKernelThread(pid)) {
			return "process " + pid + " is a kernel thread: it makes no system calls to capture";
		}
		if (errno == 1 /* EPERM */ || errno == 13 /* EACCES */) {
			return LinuxProcessMemoryProvider.whyRefused(pid, LinuxProcessMemoryProvider.ownUid(), "tracing", "trace");
		}
		return "tracing process " + pid + " failed: error " + errno;
	}

	private static boolean isKernelThread(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 1).strip().split(" ");
			return fields.length > 6 && (Long.parseLong(fields[6]) & LinuxProcessMemoryProvider.PF_KTHREAD) != 0;
		} catch (IOException | RuntimeException e) {
			return false;
		}
	}
}
