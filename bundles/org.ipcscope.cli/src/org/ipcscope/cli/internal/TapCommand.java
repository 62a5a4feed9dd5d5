package org.ipcscope.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.ipcscope.core.IpcKind;
import org.ipcscope.core.text.Printable;
import org.ipcscope.core.traffic.TrafficCapturer;
import org.ipcscope.core.traffic.TrafficHeader;
import org.ipcscope.core.traffic.TrafficJsonLines;
import org.ipcscope.core.traffic.TrafficListener;
import org.ipcscope.core.traffic.TrafficOp;
import org.ipcscope.core.traffic.TrafficRecord;
import org.ipcscope.core.traffic.TrafficRequest;
import org.ipcscope.core.traffic.TrafficSession;

/**
 * {@code tap --pid PID[,PID...] [--object NAME] [--kind K]... [--json] [--count N] [--seconds S]
 * [--cap BYTES]}: prints each transfer the processes make on their channels until Ctrl+C, N
 * transfers or S seconds; the targets are restored in every case.
 */
final class TapCommand {

	static final String USAGE = "tap --pid PID[,PID...] [--object NAME] [--kind KIND]... [--json] [--count N]"
			+ " [--seconds S] [--cap BYTES]";

	/** How long Ctrl+C waits for the targets to be let go before the JVM exits anyway. */
	private static final long RESTORE_SECONDS = 15;
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS")
			.withZone(ZoneId.systemDefault());

	private final Set<Long> pids = new LinkedHashSet<>();
	private final Set<IpcKind> kinds = EnumSet.noneOf(IpcKind.class);
	private String object;
	private boolean json;
	private int cap = TrafficRequest.DEFAULT_PAYLOAD_CAP;
	private long count = Long.MAX_VALUE;
	private long seconds;

	TapCommand(List<String> args) throws UsageException {
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (arg.equals("--json")) {
				json = true;
				continue;
			}
			if (!arg.startsWith("--")) {
				throw new UsageException("tap: '" + arg + "' is not an option");
			}
			if (i + 1 >= args.size()) {
				throw new UsageException("tap: '" + arg + "' needs a value");
			}
			String value = args.get(++i);
			switch (arg) {
			case "--pid" -> pids(value);
			case "--object" -> object = value;
			case "--kind" -> kinds.add(kind(value));
			case "--cap" -> cap = (int) SniffCommand.number(arg, value, 0, 64L << 20);
			case "--count" -> count = SniffCommand.number(arg, value, 1, Long.MAX_VALUE);
			case "--seconds" -> seconds = SniffCommand.number(arg, value, 1, Long.MAX_VALUE / 1000);
			default -> throw new UsageException("tap does not know '" + arg + "'");
			}
		}
		if (pids.isEmpty()) {
			throw new UsageException("tap needs --pid PID[,PID...]: the processes whose traffic to capture");
		}
	}

	private void pids(String list) throws UsageException {
		for (String part : list.split(",", -1)) {
			pids.add(SniffCommand.number("--pid", part.strip(), 1, Integer.MAX_VALUE));
		}
	}

	private static IpcKind kind(String id) throws UsageException {
		try {
			return IpcKind.fromId(id);
		} catch (IllegalArgumentException e) {
			throw new UsageException("tap: unknown kind '" + id + "'");
		}
	}

	int run(TrafficCapturer capturer, PrintStream out, PrintStream err) throws InterruptedException, UsageException {
		if (!capturer.kinds().containsAll(kinds)) {
			throw new UsageException("tap captures only " + capturer.kinds().stream().map(IpcKind::id).sorted()
					.collect(Collectors.joining(", ")) + " here");
		}
		CountDownLatch done = new CountDownLatch(1);
		AtomicReference<String> endReason = new AtomicReference<>();
		AtomicLong printed = new AtomicLong();
		AtomicLong refusals = new AtomicLong();
		TrafficListener listener = new TrafficListener() {
			@Override
			public void captured(TrafficRecord record) {
				synchronized (out) {
					if (printed.get() >= count) {
						return;
					}
					out.println(json ? TrafficJsonLines.line(record) : text(record));
					out.flush();
					if (CommandLine.outputClosed(out) || printed.incrementAndGet() >= count) {
						done.countDown();
					}
				}
			}

			@Override
			public void dropped(long totalDropped) {
				err.println("dropped so far (buffer full): " + totalDropped);
			}

			@Override
			public void attached(long pid, String change) {
				err.println("process " + pid + ": " + change);
			}

			@Override
			public void detached(long pid, String reason) {
				err.println("process " + pid + ": " + reason);
			}

			@Override
			public void refused(long pid, String reason) {
				refusals.incrementAndGet();
				err.println(reason);
			}

			@Override
			public void ended(String reason) {
				endReason.set(reason);
				done.countDown();
			}
		};
		TrafficRequest request = new TrafficRequest(pids, object, kinds, cap, TrafficRequest.DEFAULT_RING_RECORDS);
		TrafficSession session;
		long start = System.currentTimeMillis() * 1000;
		// holding the stream until the header is out keeps the first record behind it
		synchronized (out) {
			try {
				session = capturer.start(request, listener);
			} catch (IOException e) {
				if (refusals.get() == 0) { // else each refusal has been said already
					err.println(e.getMessage());
				}
				return CommandLine.EXIT_NOT_FOUND;
			}
			if (json) {
				out.println(TrafficJsonLines.header(new TrafficHeader(os(), capturer.method(), object, start)));
				out.flush();
			}
		}
		// Ctrl+C: the hook wakes the wait below and holds the JVM until the targets are let go
		CountDownLatch restored = new CountDownLatch(1);
		Thread hook = new Thread(() -> {
			done.countDown();
			try {
				restored.await(RESTORE_SECONDS, TimeUnit.SECONDS);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}, "tap: restore the targets");
		Runtime.getRuntime().addShutdownHook(hook);
		try {
			err.println("Capturing " + (object == null ? "every channel" : object) + " of process"
					+ (pids.size() > 1 ? "es " : " ") + pids.stream().map(String::valueOf).collect(Collectors.joining(","))
					+ "; Ctrl+C stops.");
			if (seconds > 0) {
				done.await(seconds, TimeUnit.SECONDS);
			} else {
				done.await();
			}
		} finally {
			session.close();
			err.println("captured " + session.captured() + ", dropped " + session.dropped());
			out.flush();
			restored.countDown();
			try {
				Runtime.getRuntime().removeShutdownHook(hook);
			} catch (IllegalStateException e) {
				// the JVM is shutting down (Ctrl+C): the hook is running and ends now
			}
		}
		if (endReason.get() != null && printed.get() < count) {
			err.println(endReason.get());
			return CommandLine.EXIT_NOT_FOUND;
		}
		return CommandLine.EXIT_OK;
	}

	private static String os() {
		return System.getProperty("os.name", "").startsWith("Windows") ? "windows" : "linux";
	}

	/** time, pid, op, fd or handle, object, size (or error), preview */
	static String text(TrafficRecord r) {
		String time = TIME.format(Instant.EPOCH.plusNanos(r.timeMicros() * 1000));
		String handle = r.handleKind() == TrafficRecord.HandleKind.FD ? "fd " + r.handle()
				: "handle 0x" + Long.toHexString(r.handle());
		StringBuilder line = new StringBuilder(160).append(time).append("  pid ").append(r.pid()).append("  ")
				.append(r.op().id()).append(" (").append(r.call()).append(")  ").append(handle).append("  ")
				.append(r.object() == null ? "?" : Printable.escape(r.object()));
		if (r.failed()) {
			line.append("  ").append(r.error() != null ? Printable.escape(r.error()) : "error " + r.status());
		} else if (r.op().direction() != TrafficOp.Direction.NONE) {
			line.append("  ").append(r.transferred()).append(" B  ").append(PayloadPreview.of(r.payload(), r.transferred()));
		}
		return line.toString();
	}
}
