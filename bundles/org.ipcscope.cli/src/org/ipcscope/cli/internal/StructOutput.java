package org.ipcscope.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;

import org.ipcscope.core.export.InventoryJson;
import org.ipcscope.core.memory.MemoryRead;
import org.ipcscope.core.memory.MemorySource;
import org.ipcscope.core.struct.Field;
import org.ipcscope.core.struct.FieldHistory;
import org.ipcscope.core.struct.FieldValue;
import org.ipcscope.core.struct.StructOverlay;
import org.ipcscope.core.text.Printable;

/**
 * Prints a struct overlay's fields with their values, once or (--watch) as they change: a table for
 * people (absolute addresses for dump), or JSON (format {@value #JSON_FORMAT}; offsets from the
 * object's start or from dump's ADDR, which is given as an {@code address} string as JSON addresses
 * are). With --watch, JSON Lines: the fields first, then one line per look that changed something.
 */
final class StructOutput {

	static final int JSON_FORMAT = 1;
	/** Columns wider than this are not padded further: one long name must not push every value off the screen. */
	private static final int MAX_COLUMN = 40;
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

	private final StructOverlay overlay;
	/** Where the overlay's offset 0 is in the source: an object's 0, or dump's ADDR. */
	private final long base;
	private final String what;
	private final boolean json;
	private final List<Field> leaves;
	private final int pathWidth;
	private final int typeWidth;

	/** @param what the object or process, for the heading (escaped here) */
	StructOutput(StructOverlay overlay, long base, String what, boolean json) {
		this.overlay = overlay;
		this.base = base;
		this.what = what;
		this.json = json;
		this.leaves = overlay.leaves();
		this.pathWidth = Math.min(MAX_COLUMN, leaves.stream().mapToInt(f -> label(f).length()).max().orElse(4));
		this.typeWidth = Math.min(MAX_COLUMN, leaves.stream().mapToInt(f -> f.typeName().length()).max().orElse(4));
	}

	/** @return 0, or 4 when the overlay's bytes could not all be read */
	int once(MemorySource source, PrintStream out, PrintStream err) throws IOException {
		MemoryRead read = read(source);
		List<FieldValue> values = overlay.decode(read.bytes(), read.unreadable());
		if (json) {
			out.println(jsonDocument(values));
		} else {
			heading(out);
			for (FieldValue value : values) {
				out.println(row(value));
			}
		}
		out.flush();
		return unreadable(read, err);
	}

	private int unreadable(MemoryRead read, PrintStream err) {
		int missing = read.unreadable().cardinality() + (int) Math.max(0, overlay.size() - read.bytes().length);
		if (missing > 0) {
			err.println(missing + " bytes of the struct could not be read; their fields show ??");
			return CommandLine.EXIT_NOT_FOUND;
		}
		return CommandLine.EXIT_OK;
	}

	/** Every {@code millis}: the fields that changed, old and new value. Returns when the output is closed. */
	int watch(MemorySource source, long millis, PrintStream out, PrintStream err) throws IOException, InterruptedException {
		FieldHistory history = new FieldHistory(2);
		boolean first = true;
		while (true) {
			MemoryRead read = read(source);
			List<FieldValue> values = overlay.decode(read.bytes(), read.unreadable());
			Instant now = Instant.now();
			List<FieldHistory.Change> changes = history.update(now, values);
			if (first) {
				once(values, out);
				first = false;
			} else if (!changes.isEmpty()) {
				printChanges(changes, values, now, out);
			}
			out.flush();
			if (CommandLine.outputClosed(out)) {
				return CommandLine.EXIT_NOT_FOUND;
			}
			Thread.sleep(millis);
		}
	}

	private void once(List<FieldValue> values, PrintStream out) {
		if (json) {
			out.println(jsonDocument(values));
		} else {
			heading(out);
			for (FieldValue value : values) {
				out.println(row(value));
			}
		}
	}

	private MemoryRead read(MemorySource source) throws IOException {
		return source.read(base + overlay.offset(), (int) overlay.size());
	}

	private void heading(PrintStream out) {
		out.println(Printable.escape(overlay.typeName()) + (overlay.count() > 1 ? " x" + overlay.count() : "") + " at "
				+ hex(base + overlay.offset()) + " of " + Printable.escape(what) + ": " + overlay.size() + " bytes, "
				+ overlay.abi().id() + ", " + Printable.escape(overlay.header().name()));
	}

	private String row(FieldValue value) {
		Field f = value.field();
		return hex(base + overlay.offset() + f.offset()) + "  " + pad(label(f), pathWidth) + "  " + pad(f.typeName(), typeWidth)
				+ "  " + value.text();
	}

	private void printChanges(List<FieldHistory.Change> changes, List<FieldValue> values, Instant time, PrintStream out) {
		if (json) {
			StringBuilder line = new StringBuilder("{\"time\": ").append(InventoryJson.quote(time.toString()))
					.append(", \"changes\": [");
			for (int i = 0; i < changes.size(); i++) {
				FieldHistory.Change c = changes.get(i);
				line.append(i == 0 ? "" : ", ").append("{\"path\": ").append(InventoryJson.quote(c.field().path()))
						.append(", \"offset\": ").append(overlay.offset() + c.field().offset())
						.append(", \"before\": ").append(InventoryJson.quote(c.before())).append(", \"after\": ")
						.append(InventoryJson.quote(c.after())).append(", \"raw\": ")
						.append(InventoryJson.quote(raw(values, c.field()))).append('}');
			}
			out.println(line.append("]}"));
			return;
		}
		out.println("-- " + TIME.format(LocalTime.ofInstant(time, ZoneId.systemDefault())));
		for (FieldHistory.Change c : changes) {
			Field f = c.field();
			out.println(hex(base + overlay.offset() + f.offset()) + "  " + pad(label(f), pathWidth) + "  "
					+ pad(f.typeName(), typeWidth) + "  " + c.before() + " -> " + c.after());
		}
	}

	private static String raw(List<FieldValue> values, Field field) {
		for (FieldValue v : values) {
			if (v.field().equals(field)) {
				return v.readable() ? HexFormat.of().formatHex(v.raw()) : "";
			}
		}
		return "";
	}

	private String jsonDocument(List<FieldValue> values) {
		StringBuilder out = new StringBuilder("{\"format\": ").append(JSON_FORMAT).append(", \"source\": ")
				.append(InventoryJson.quote(what)).append(", \"header\": ")
				.append(InventoryJson.quote(overlay.header().name())).append(", \"type\": ")
				.append(InventoryJson.quote(overlay.typeName())).append(", \"abi\": \"").append(overlay.abi().id())
				.append("\", \"address\": ").append(base == 0 ? "null" : "\"0x" + Long.toHexString(base) + "\"")
				.append(", \"offset\": ").append(overlay.offset()).append(", \"count\": ").append(overlay.count())
				.append(", \"size\": ").append(overlay.size()).append(", \"fields\": [");
		for (int i = 0; i < values.size(); i++) {
			FieldValue v = values.get(i);
			Field f = v.field();
			out.append(i == 0 ? "\n" : ",\n").append("  {\"path\": ").append(InventoryJson.quote(f.path()))
					.append(", \"type\": ").append(InventoryJson.quote(f.typeName())).append(", \"kind\": \"")
					.append(f.kind().name().toLowerCase()).append("\", \"offset\": ")
					.append(overlay.offset() + f.offset()).append(", \"size\": ").append(f.size());
			if (f.isBitfield()) {
				out.append(", \"bitOffset\": ").append(f.bitOffset()).append(", \"bitWidth\": ").append(f.bitWidth());
			}
			out.append(", \"value\": ").append(v.readable() ? InventoryJson.quote(v.text()) : "null").append(", \"raw\": ")
					.append(v.readable() ? InventoryJson.quote(HexFormat.of().formatHex(v.raw())) : "null").append('}');
		}
		return out.append("\n]}").toString();
	}

	/** @return the field's path, with its bits for a bitfield ({@code flags.mode:3-5}) */
	private static String label(Field f) {
		String path = f.path().isEmpty() ? f.name() : f.path();
		return f.isBitfield() ? path + ":" + f.bitOffset() + "-" + (f.bitOffset() + f.bitWidth() - 1) : path;
	}

	private static String pad(String text, int width) {
		return text.length() >= width ? text : text + " ".repeat(width - text.length());
	}

	private static String hex(long value) {
		return String.format("0x%08x", value);
	}
}
