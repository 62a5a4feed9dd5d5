package org.ipcscope.win32.internal.traffic;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.ipcscope.core.IpcKind;
import org.ipcscope.core.traffic.TrafficCapturer;
import org.ipcscope.core.traffic.TrafficListener;
import org.ipcscope.core.traffic.TrafficRequest;
import org.ipcscope.core.traffic.TrafficSession;
import org.ipcscope.win32.internal.sniff.CaptureClock;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import com.sun.jna.Platform;

/**
 * Traffic capture on Windows with ipcscope_capture.dll in each target. Every session it starts is
 * also closed when the component is deactivated (the workbench stops) and when the JVM exits; if
 * this process is killed, the DLL sees it end and lets go by itself.
 */
@Component(service = TrafficCapturer.class)
public class Win32TrafficCapturer implements TrafficCapturer {

	static final String CHANGE = "loads ipcscope_capture.dll into each process and hooks ReadFile/WriteFile/"
			+ "ReadFileEx/WriteFileEx, overlapped completion, TransactNamedPipe/CallNamedPipe/ConnectNamedPipe/"
			+ "DisconnectNamedPipe and send/recv/sendto/recvfrom/WSASend/WSARecv in its import tables; stopping"
			+ " unhooks and unloads it";
	private static final Set<IpcKind> KINDS = EnumSet.of(IpcKind.NAMED_PIPE, IpcKind.MAILSLOT, IpcKind.TCP, IpcKind.UDP);

	private final Set<TrafficSession> sessions = ConcurrentHashMap.newKeySet();
	private final Thread shutdownHook = new Thread(this::closeAll, "traffic captures: restore targets");
	private boolean hookRegistered;
	/** The process whose end makes the DLLs let go: this one; tests name another to play a hard kill. */
	private final long watchedPid;

	public Win32TrafficCapturer() {
		this(ProcessHandle.current().pid());
	}

	Win32TrafficCapturer(long watchedPid) {
		this.watchedPid = watchedPid;
	}

	@Override
	public Set<IpcKind> kinds() {
		return Platform.isWindows() ? EnumSet.copyOf(KINDS) : EnumSet.noneOf(IpcKind.class);
	}

	@Override
	public String change() {
		return CHANGE;
	}

	@Override
	public String method() {
		return "dll";
	}

	@Override
	public TrafficSession start(TrafficRequest request, TrafficListener listener) throws IOException {
		if (!Platform.isWindows()) {
			throw new IOException("This capture works only on Windows.");
		}
		if (!request.kinds().isEmpty() && request.kinds().stream().noneMatch(KINDS::contains)) {
			throw new IOException("Windows capture sees named pipes, mailslots, TCP and UDP; none of " + request.kinds()
					+ " is one of them.");
		}
		CaptureClock clock = new CaptureClock();
		List<ProcessTap> taps = new ArrayList<>();
		List<String> refusals = new ArrayList<>();
		for (long pid : request.pids()) {
			try {
				ProcessTap tap = ProcessTap.attach(pid, request, clock, watchedPid);
				taps.add(tap);
				listener.attached(pid, "ipcscope_capture.dll loaded, " + tap.patched()
						+ " import table entries and " + tap.retargeted() + " saved function addresses in its threads"
						+ " hooked (ReadFile/WriteFile/send/recv/...), " + tap.inflight()
						+ " calls already waiting recorded when they return");
			} catch (IOException e) {
				refusals.add(e.getMessage());
				listener.refused(pid, e.getMessage());
			}
		}
		if (taps.isEmpty()) {
			throw new IOException(refusals.size() == 1 ? refusals.get(0) : "No process could be captured: " + refusals);
		}
		registerShutdownHook();
		Win32TrafficSession[] session = new Win32TrafficSession[1];
		session[0] = new Win32TrafficSession(request, taps, listener, () -> sessions.remove(session[0]));
		sessions.add(session[0]);
		session[0].begin();
		return session[0];
	}

	@Deactivate
	void deactivate() {
		closeAll();
		synchronized (this) {
			if (hookRegistered) {
				try {
					Runtime.getRuntime().removeShutdownHook(shutdownHook);
				} catch (IllegalStateException e) {
					// the JVM is already shutting down: the hook runs anyway
				}
				hookRegistered = false;
			}
		}
	}

	private void closeAll() {
		for (TrafficSession session : List.copyOf(sessions)) {
			session.close();
		}
	}

	private synchronized void registerShutdownHook() {
		if (!hookRegistered) {
			Runtime.getRuntime().addShutdownHook(shutdownHook);
			hookRegistered = true;
		}
	}
}
