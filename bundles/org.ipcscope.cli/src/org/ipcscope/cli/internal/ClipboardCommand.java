package org.ipcscope.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.ipcscope.core.clipboard.ClipboardContent;
import org.ipcscope.core.clipboard.ClipboardDecoders;
import org.ipcscope.core.clipboard.ClipboardFormat;
import org.ipcscope.core.clipboard.ClipboardJsonLines;
import org.ipcscope.core.clipboard.ClipboardReader;
import org.ipcscope.core.clipboard.ClipboardReader.ClipboardWatch;
import org.ipcscope.core.clipboard.ClipboardSnapshot;
import org.ipcscope.core.clipboard.ClipboardWindow;
import org.ipcscope.core.clipboard.ContentRequest;
import org.ipcscope.core.text.Printable;

/**
 * {@code clipboard [--json] [--watch [--count N] [--seconds S]] [--selection NAME] [--read FORMAT,...|all]
 * [--cap BYTES]}: the clipboard's owner and formats now, or each change from now on. Content only
 * of the formats named by --read, because fetching one can make its owner render or convert it.
 */
final class ClipboardCommand {

	static final String USAGE = "clipboard [--json] [--watch [--count N] [--seconds S]] [--selection CLIPBOARD|PRIMARY]"
			+ " [--read FORMAT,...|all] [--cap BYTES]";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS")
			.withZone(ZoneId.systemDefault());
	private static final int PREVIEW = 60;

	private boolean json;
	private boolean watch;
	private String selection = "CLIPBOARD";
	private final List<String> read = new ArrayList<>();
	private boolean readAll;
	private int cap = ContentRequest.DEFAULT_CAP;
	private long count = Long.MAX_VALUE;
	private long seconds;

	ClipboardCommand(List<String> args) throws UsageException {
		boolean counted = false;
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (arg.equals("--json") || arg.equals("--watch")) {
				json |= arg.equals("--json");
				watch |= arg.equals("--watch");
				continue;
			}
			if (!arg.startsWith("--")) {
				throw new UsageException("clipboard takes no argument '" + arg + "'");
			}
			if (i + 1 >= args.size()) {
				throw new UsageException("clipboard: '" + arg + "' needs a value");
			}
			String value = args.get(++i);
			switch (arg) {
			case "--selection" -> selection = value;
			case "--read" -> formats(value);
			case "--cap" -> cap = (int) SniffCommand.number(arg, value, 0, Integer.MAX_VALUE);
			case "--count" -> {
				count = SniffCommand.number(arg, value, 1, Long.MAX_VALUE);
				counted = true;
			}
			case "--seconds" -> seconds = SniffCommand.number(arg, value, 1, Long.MAX_VALUE / 1000);
			default -> throw new UsageException("clipboard does not know '" + arg + "'");
			}
		}
		if ((counted || seconds > 0) && !watch) {
			throw new UsageException("clipboard: --count and --seconds go with --watch");
		}
	}

	private void formats(String value) throws UsageException {
		for (String name : value.split(",")) {
			if (name.isEmpty()) {
				throw new UsageException("clipboard: --read takes format names or ids separated by commas: '" + value + "'");
			}
			if (name.equals("all")) {
				readAll = true;
			} else {
				read.add(name);
			}
		}
	}

	private ContentRequest request() {
		return readAll ? ContentRequest.all(cap) : ContentRequest.of(read, cap);
	}

	int run(ClipboardReader reader, PrintStream out, PrintStream err) throws InterruptedException {
		if (!reader.selections().contains(selection)) {
			err.println(reader.selections().isEmpty() ? "No clipboard can be read here: " + String.join(" ", reader.notes())
					: "There is no selection " + selection + " here; there is " + String.join(", ", reader.selections()) + ".");
			return CommandLine.EXIT_NOT_FOUND;
		}
		return watch ? watch(reader, out, err) : once(reader, out, err);
	}

	private int once(ClipboardReader reader, PrintStream out, PrintStream err) {
		ClipboardSnapshot snapshot;
		try {
			snapshot = reader.read(selection, request());
		} catch (IOException e) {
			err.println(e.getMessage());
			return CommandLine.EXIT_NOT_FOUND;
		}
		if (json) {
			out.println(ClipboardJsonLines.header());
			out.print(ClipboardJsonLines.lines(1, snapshot));
		} else {
			print(snapshot, out);
			if (request().none() && !snapshot.formats().isEmpty()) {
				err.println("Content not read: --read FORMAT,... or --read all fetches it (an owner that delayed a format renders it then).");
			}
			if (snapshot.owner() == null) {
				// nothing to show: what this reader can and cannot see here (Wayland) may be why
				reader.notes().forEach(err::println);
			}
		}
		if (snapshot.problem() != null) {
			err.println(snapshot.problem());
			return CommandLine.EXIT_NOT_FOUND;
		}
		return CommandLine.EXIT_OK;
	}

	private int watch(ClipboardReader reader, PrintStream out, PrintStream err) throws InterruptedException {
		LinkedBlockingQueue<ClipboardSnapshot> changes = new LinkedBlockingQueue<>();
		ClipboardWatch running;
		try {
			running = reader.watch(selection, request(), changes::add);
		} catch (IOException e) {
			err.println(e.getMessage());
			return CommandLine.EXIT_NOT_FOUND;
		}
		try (running) {
			if (json) {
				out.println(ClipboardJsonLines.header());
			}
			err.println("Watching " + selection + " for changes; Ctrl+C stops.");
			out.flush();
			long end = seconds > 0 ? System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds) : Long.MAX_VALUE;
			for (long n = 1; n <= count; n++) {
				ClipboardSnapshot change = null;
				while (change == null) {
					long left = end == Long.MAX_VALUE ? 1_000_000_000L : end - System.nanoTime();
					if (left <= 0 || CommandLine.outputClosed(out)) {
						return CommandLine.EXIT_OK;
					}
					change = changes.poll(Math.min(left, 1_000_000_000L), TimeUnit.NANOSECONDS);
					if (change == null && running.ended() != null) {
						err.println(running.ended());
						return CommandLine.EXIT_NOT_FOUND;
					}
				}
				if (json) {
					out.print(ClipboardJsonLines.lines(n, change));
				} else {
					out.println(TIME.format(Instant.EPOCH.plusNanos(change.timeMicros() * 1000)) + "  change " + n);
					print(change, out);
				}
				out.flush();
			}
		}
		return CommandLine.EXIT_OK;
	}

	static void print(ClipboardSnapshot s, PrintStream out) {
		out.println(s.selection() + "  sequence " + (s.sequence() < 0 ? "?" : Long.toUnsignedString(s.sequence())) + "  owner "
				+ window(s.owner()) + (s.openBy() != null ? "  held open by " + window(s.openBy()) : ""));
		out.printf("  %-8s %-32s %10s  %s%n", "ID", "NAME", "SIZE", "CONTENT");
		for (ClipboardFormat f : s.formats()) {
			out.printf("  %-8s %-32s %10s  %s%n", f.id(), Printable.escape(f.name()), f.size() < 0 ? "?" : f.size(), content(f));
		}
	}

	static String window(ClipboardWindow w) {
		if (w == null) {
			return "none";
		}
		return "0x" + Long.toHexString(w.handle()) + " (pid " + (w.pid() < 0 ? "?" : w.pid())
				+ (w.process().isEmpty() ? "" : " " + Printable.escape(w.process())) + ")";
	}

	/** The decoder's summary and the start of the text, on one line. */
	static String content(ClipboardFormat f) {
		ClipboardContent content = ClipboardDecoders.decode(f);
		if (content == null) {
			return f.note().isEmpty() ? "not read" : Printable.escape(f.note());
		}
		if (content.kind().equals("hex") || content.kind().equals("image")) {
			return Printable.escape(content.summary()) + "  " + PayloadPreview.of(f.content(), f.size());
		}
		String text = content.text();
		String shown = text.length() > PREVIEW ? text.substring(0, PREVIEW) : text;
		return Printable.escape(content.summary()) + "  \"" + Printable.escape(shown) + "\"" + (shown.length() < text.length() ? "..." : "");
	}
}
