package org.ipcscope.linux.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.ipcscope.core.IpcKind;
import org.ipcscope.core.traffic.TrafficListener;
import org.ipcscope.core.traffic.TrafficOp;
import org.ipcscope.core.traffic.TrafficRecord;
import org.ipcscope.core.traffic.TrafficRecord.HandleKind;
import org.ipcscope.core.traffic.TrafficRequest;
import org.ipcscope.core.traffic.TrafficSession;

/**
 * A running {@code ipcscope-trace}: one thread reads its frames and tells the listener. The
 * tracer lets its targets go on SIGTERM (what {@link #close()} sends) and on the end of its
 * stdin, which this JVM holds: when the JVM dies, however hard, the targets run on untraced.
 */
final class TracerSession implements TrafficSession {

	/** How long attaching to every process may take before start gives up. */
	private static final long START_SECONDS = 30;
	/** How long the tracer may take to let its targets go before it is killed (the kernel then does). */
	private static final long STOP_SECONDS = 10;

	private static final Map<Integer, String> ERRNO_NAMES = Map.ofEntries(Map.entry(1, "EPERM"),
			Map.entry(4, "EINTR"), Map.entry(5, "EIO"), Map.entry(9, "EBADF"), Map.entry(11, "EAGAIN"),
			Map.entry(12, "ENOMEM"), Map.entry(13, "EACCES"), Map.entry(14, "EFAULT"), Map.entry(22, "EINVAL"),
			Map.entry(32, "EPIPE"), Map.entry(88, "ENOTSOCK"), Map.entry(90, "EMSGSIZE"), Map.entry(95, "EOPNOTSUPP"),
			Map.entry(98, "EADDRINUSE"), Map.entry(103, "ECONNABORTED"), Map.entry(104, "ECONNRESET"),
			Map.entry(105, "ENOBUFS"), Map.entry(106, "EISCONN"), Map.entry(107, "ENOTCONN"),
			Map.entry(110, "ETIMEDOUT"), Map.entry(111, "ECONNREFUSED"), Map.entry(114, "EALREADY"),
			Map.entry(115, "EINPROGRESS"));

	private final TrafficRequest request;
	private final TrafficListener listener;
	private final Process process;
	private final Thread reader;
	private final SocketNames sockets = new SocketNames();
	private final CountDownLatch started = new CountDownLatch(1);
	private final List<String> refusals = new ArrayList<>();
	private final Set<Long> attached = new LinkedHashSet<>();
	private final AtomicLong captured = new AtomicLong();
	private final AtomicLong dropped = new AtomicLong();
	private long sequence;
	private volatile boolean closing;
	private volatile boolean running = true;

	private TracerSession(TrafficRequest request, TrafficListener listener, Process process) {
		this.request = request;
		this.listener = listener;
		this.process = process;
		this.reader = new Thread(this::read, "ipcscope-trace reader");
		reader.setDaemon(true);
	}

	static TracerSession start(Path tracer, TrafficRequest request, TrafficListener listener) throws IOException {
		return start(tracer, request, listener, ProcessBuilder.Redirect.DISCARD);
	}

	/** @param errors where the tracer's stderr goes (a test keeps a sanitizer's report) */
	static TracerSession start(Path tracer, TrafficRequest request, TrafficListener listener,
			ProcessBuilder.Redirect errors) throws IOException {
		List<String> command = new ArrayList<>(List.of(tracer.toString(), Integer.toString(request.payloadCap()),
				Integer.toString(request.ringRecords()), Integer.toString(kindBits(request.kinds()))));
		List<String> selfRefusals = new ArrayList<>();
		for (long pid : request.pids().stream().sorted().toList()) {
			if (pid == ProcessHandle.current().pid()) {
				String reason = "process " + pid + " is IPC Scope itself: it cannot capture its own traffic";
				listener.refused(pid, reason);
				selfRefusals.add(reason);
			} else if (pid > 0 && pid <= Integer.MAX_VALUE) {
				command.add(Long.toString(pid));
			} else {
				String reason = "process " + pid + " does not exist (or has exited)";
				listener.refused(pid, reason);
				selfRefusals.add(reason);
			}
		}
		if (command.size() == 4) {
			throw new IOException(String.join("; ", selfRefusals));
		}
		Process process = new ProcessBuilder(command).redirectError(errors).start();
		TracerSession session = new TracerSession(request, listener, process);
		session.refusals.addAll(selfRefusals);
		session.reader.start();
		try {
			if (!session.started.await(START_SECONDS, TimeUnit.SECONDS)) {
				session.close();
				throw new IOException("the tracer did not attach within " + START_SECONDS + " seconds");
			}
		} catch (InterruptedException e) {
			session.close();
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while the tracer attached", e);
		}
		synchronized (session) {
			if (session.attached.isEmpty()) {
				session.close();
				throw new IOException(session.refusals.isEmpty() ? "the tracer attached to no process"
						: String.join("; ", session.refusals));
			}
		}
		return session;
	}

	private static int kindBits(Set<IpcKind> kinds) {
		int bits = 0;
		for (IpcKind kind : kinds.isEmpty() ? Set.of(IpcKind.values()) : kinds) {
			bits |= TraceFrame.kindBit(kind);
		}
		return bits;
	}

	private void read() {
		String problem = null;
		boolean anyExited = false;
		boolean ran = false;
		int limit = request.payloadCap() + 2 * 4096 + 256;
		try (InputStream in = new BufferedInputStream(process.getInputStream(), 1 << 16)) {
			for (TraceFrame frame = TraceFrame.read(in, limit); frame != null; frame = TraceFrame.read(in, limit)) {
				switch (frame) {
				case TraceFrame.Call call -> deliver(call);
				case TraceFrame.Attached a -> {
					synchronized (this) {
						attached.add(a.pid());
					}
					listener.attached(a.pid(), "ptrace tracer attached");
				}
				case TraceFrame.Refused r -> {
					String reason = LinuxTrafficCapturer.whyRefused(r.pid(), r.errno());
					synchronized (this) {
						refusals.add(reason);
					}
					listener.refused(r.pid(), reason);
				}
				case TraceFrame.Detached d -> {
					anyExited |= d.exited();
					listener.detached(d.pid(), d.exited() ? "it exited" : "released: it runs on, untraced");
				}
				case TraceFrame.Dropped d -> {
					dropped.set(d.total());
					listener.dropped(d.total());
				}
				case TraceFrame.Started s -> {
					ran = true;
					started.countDown();
				}
				}
			}
		} catch (IOException e) {
			problem = e.getMessage();
		} catch (RuntimeException e) {
			// a listener's fault, or ours: the capture ends and says so rather than going silent
			problem = e.toString();
		} finally {
			started.countDown();
			// the tracer waits for this end before it exits (see its source)
			closeQuietly();
		}
		if (problem != null && closing) {
			listener.ended("capture failed: " + problem);
		} else if (!closing && ran) {
			try {
				process.waitFor(STOP_SECONDS, TimeUnit.SECONDS);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			listener.ended(problem != null ? "capture failed: " + problem
					: anyExited ? "every captured process has exited" : "the tracer ended");
		}
		// only now: whoever waits for the end has been told why
		running = false;
	}

	private void deliver(TraceFrame.Call call) {
		String object = call.link();
		IpcKind kind = call.kind();
		if (kind == IpcKind.UNIX_SOCKET || kind == IpcKind.TCP || kind == IpcKind.UDP) {
			if (call.op() == TrafficOp.CONNECT || call.op() == TrafficOp.ACCEPT) {
				sockets.forget(call.link());
			}
			object = sockets.name(call.pid(), kind, call.link());
		}
		if (!request.wants(kind, object)) {
			return;
		}
		String error = call.errno() == 0 ? null : ERRNO_NAMES.getOrDefault(call.errno(), "errno " + call.errno());
		TrafficRecord record = new TrafficRecord(++sequence, call.timeMicros(), call.pid(), call.tid(), call.fd(),
				HandleKind.FD, object, call.op(), call.call(), call.requested(),
				Math.max(call.transferred(), call.payload().length), call.errno(), error, call.payload());
		captured.incrementAndGet();
		listener.captured(record);
	}

	@Override
	public TrafficRequest request() {
		return request;
	}

	@Override
	public long captured() {
		return captured.get();
	}

	@Override
	public long dropped() {
		return dropped.get();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** @return the tracer's exit code, once it has ended */
	int exitCode() {
		return process.exitValue();
	}

	/**
	 * Lets every target go and waits until the tracer has delivered what it had (its output ends)
	 * and exited.
	 */
	@Override
	public void close() {
		closing = true;
		// SIGTERM: the tracer detaches from every thread. Through the handle, as Process.destroy
		// would also close our end of its output, losing what it still has to say.
		process.toHandle().destroy();
		try {
			if (Thread.currentThread() != reader) {
				reader.join(TimeUnit.SECONDS.toMillis(STOP_SECONDS));
			}
			closeQuietly();
			if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly(); // the kernel detaches a dead tracer's targets: they run on
			}
		} catch (InterruptedException e) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		running = false;
	}

	/** Closes the tracer's stdin: its signal to exit once its output is out. */
	private void closeQuietly() {
		try {
			process.getOutputStream().close();
		} catch (IOException e) {
			// the tracer is gone: nothing holds it
		}
	}
}
