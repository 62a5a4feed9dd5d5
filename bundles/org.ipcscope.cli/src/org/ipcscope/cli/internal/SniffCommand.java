package org.ipcscope.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.ipcscope.core.sniff.CaptureJsonLines;
import org.ipcscope.core.sniff.CaptureListener;
import org.ipcscope.core.sniff.CaptureOptions;
import org.ipcscope.core.sniff.CaptureSession;
import org.ipcscope.core.sniff.CaptureStrategy;
import org.ipcscope.core.sniff.CapturedMessage;
import org.ipcscope.core.sniff.CopyDataSniffer;
import org.ipcscope.core.sniff.MessageSelection;
import org.ipcscope.core.sniff.WindowInfo;
import org.ipcscope.core.sniff.WindowMessages;
import org.ipcscope.core.text.Printable;

/**
 * {@code sniff --window TITLE|--class CLASS|--hwnd H [--strategy proxy|inproc] [--messages SET] [--json]
 * [--cap BYTES] [--slots N] [--count N] [--seconds S]}: prints each message sent or posted to a
 * window that the selection keeps, until Ctrl+C, N messages or S seconds; the target is restored in
 * every case (the sniffer's own shutdown hook covers Ctrl+C).
 */
final class SniffCommand {

	static final String USAGE = "sniff --window TITLE|--class CLASS|--hwnd H [--strategy proxy|inproc]"
			+ " [--messages all|default|copydata|registered|user|LIST] [--json] [--cap BYTES] [--slots N] [--count N]"
			+ " [--seconds S]\n"
			+ "  --messages: default (the default) = all but paint, mouse moves, timers, non-client; LIST: comma-separated"
			+ " sets, numbers (0x401), SDK names (WM_CLOSE, WM_USER+1) or registered names (Mapped); -ITEM leaves one out";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS")
			.withZone(ZoneId.systemDefault());

	private final WindowQuery query;
	private CaptureStrategy strategy = CaptureStrategy.PROXY;
	private MessageSelection messages = MessageSelection.DEFAULT;
	private boolean json;
	private int cap = CaptureOptions.DEFAULT.payloadCap();
	private int slots = CaptureOptions.DEFAULT.ringSlots();
	private long count = Long.MAX_VALUE;
	private long seconds;

	SniffCommand(List<String> args) throws UsageException {
		WindowQuery.Builder target = new WindowQuery.Builder();
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (arg.equals("--json")) {
				json = true;
				continue;
			}
			if (i + 1 >= args.size()) {
				throw new UsageException("sniff: '" + arg + "' " + (arg.startsWith("--") ? "needs a value" : "is not an option"));
			}
			String value = args.get(++i);
			switch (arg) {
			case "--window", "--class", "--hwnd" -> target.add(arg, value);
			case "--strategy" -> strategy = strategy(value);
			case "--messages" -> messages = selection(value);
			case "--cap" -> cap = (int) number(arg, value, 0, Integer.MAX_VALUE);
			case "--slots" -> slots = (int) number(arg, value, 1, 1 << 24);
			case "--count" -> count = number(arg, value, 1, Long.MAX_VALUE);
			case "--seconds" -> seconds = number(arg, value, 1, Long.MAX_VALUE / 1000);
			default -> throw new UsageException("sniff does not know '" + arg + "'");
			}
		}
		query = target.build("sniff");
	}

	private static CaptureStrategy strategy(String id) throws UsageException {
		try {
			return CaptureStrategy.ofId(id);
		} catch (IllegalArgumentException e) {
			throw new UsageException("sniff: " + e.getMessage());
		}
	}

	private static MessageSelection selection(String spec) throws UsageException {
		try {
			return MessageSelection.parse(spec);
		} catch (IllegalArgumentException e) {
			throw new UsageException("sniff --messages: " + e.getMessage());
		}
	}

	static long number(String option, String value, long min, long max) throws UsageException {
		try {
			long number = Long.decode(value);
			if (number < min || number > max) {
				throw new UsageException(option + " must be between " + min + " and " + max + ": " + value);
			}
			return number;
		} catch (NumberFormatException e) {
			throw new UsageException(option + " needs a number: " + value);
		}
	}

	int run(CopyDataSniffer sniffer, PrintStream out, PrintStream err) throws InterruptedException {
		WindowInfo target;
		try {
			target = query.find(sniffer.windows(), err);
		} catch (IOException e) {
			err.println(e.getMessage());
			return CommandLine.EXIT_NOT_FOUND;
		}
		if (target == null) {
			return CommandLine.EXIT_NOT_FOUND;
		}
		CountDownLatch done = new CountDownLatch(1);
		AtomicReference<String> endReason = new AtomicReference<>();
		AtomicLong printed = new AtomicLong();
		CaptureListener listener = new CaptureListener() {
			@Override
			public void captured(CapturedMessage message) {
				if (printed.get() >= count) {
					return;
				}
				synchronized (out) {
					out.println(json ? CaptureJsonLines.line(message) : text(message));
					out.flush();
				}
				if (printed.incrementAndGet() >= count) {
					done.countDown();
				}
			}

			@Override
			public void dropped(long totalDropped) {
				err.println("dropped so far (ring buffer full): " + totalDropped);
			}

			@Override
			public void ended(String reason) {
				endReason.set(reason);
				done.countDown();
			}
		};
		CaptureSession session;
		// holding the stream until the header is out keeps the first message behind it
		synchronized (out) {
			try {
				session = sniffer.start(target, strategy, new CaptureOptions(cap, slots, messages), listener);
			} catch (IOException e) {
				err.println(e.getMessage());
				return CommandLine.EXIT_NOT_FOUND;
			}
			if (json) {
				out.println(CaptureJsonLines.header(target, strategy));
			}
		}
		try {
			err.println("Capturing messages (" + Printable.escape(messages.spec()) + ") sent or posted to " + describe(target)
					+ " (" + strategy.id() + "); Ctrl+C stops.");
			session.limits().forEach(err::println);
			out.flush();
			if (seconds > 0) {
				done.await(seconds, TimeUnit.SECONDS);
			} else {
				done.await();
			}
		} finally {
			session.close();
		}
		err.println("captured " + session.captured() + ", dropped " + session.dropped());
		if (endReason.get() != null) {
			err.println(endReason.get());
			return CommandLine.EXIT_NOT_FOUND;
		}
		return CommandLine.EXIT_OK;
	}

	static String describe(WindowInfo window) {
		return CaptureJsonLines.hex(window.hwnd()) + " (class " + window.className() + ", \"" + window.title() + "\", "
				+ window.processName() + " pid " + window.pid() + (window.messageOnly() ? ", message-only" : "") + ")";
	}

	/**
	 * time, sent or posted, name and number; for WM_COPYDATA the sender and its pid, dwData in hex and
	 * decimal, cbData, result, preview; for other messages wParam and lParam in hex and decimal, the
	 * result, and the sender where Windows told it
	 */
	static String text(CapturedMessage m) {
		String time = TIME.format(Instant.EPOCH.plusNanos(m.timeMicros() * 1000));
		String result = m.result() == CapturedMessage.UNKNOWN_RESULT ? "?" : Long.toString(m.result());
		String head = time + "  " + m.kind().id() + "  " + Printable.escape(m.displayName())
				+ (m.displayName().startsWith("0x") ? "" : " (" + WindowMessages.hex(m.message()) + ")");
		if (m.isCopyData()) {
			return head + "  from " + CaptureJsonLines.hex(m.sender()) + " pid " + (m.senderPid() < 0 ? "?" : m.senderPid())
					+ "  dwData " + CaptureJsonLines.hex(m.dwData()) + " (" + Long.toUnsignedString(m.dwData())
					+ ")  cbData " + m.cbData() + "  result " + result + "  " + PayloadPreview.of(m.payload(), m.cbData());
		}
		return head + "  wParam " + CaptureJsonLines.hex(m.wParam()) + " (" + Long.toUnsignedString(m.wParam())
				+ ")  lParam " + CaptureJsonLines.hex(m.lParam()) + " (" + Long.toUnsignedString(m.lParam()) + ")  result "
				+ result + (m.senderPid() < 0 ? "" : "  from pid " + m.senderPid())
				+ (m.senderThread() < 0 ? "" : " thread " + m.senderThread());
	}
}
