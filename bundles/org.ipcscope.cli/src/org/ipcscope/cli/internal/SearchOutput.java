package org.ipcscope.cli.internal;

import java.io.PrintStream;

import org.ipcscope.core.export.InventoryJson;
import org.ipcscope.core.text.Printable;

/**
 * The matches of {@code search} printed as they are found, lines or a JSON document (its
 * {@code matches} array streamed, then {@code found}: how many there were), the first
 * {@code max} of them; the others are only counted. Holding every match until the end took more
 * than 6 GiB for 64 MiB of matches; counting past the cap costs nothing the search does not
 * already do, so the count is exact.
 */
final class SearchOutput {

	static final long DEFAULT_MAX = 1000;

	private final boolean json;
	/** The JSON document up to its array's {@code [}, printed before the first match. */
	private final String jsonStart;
	private final long max;
	private final PrintStream out;
	private long found;
	private boolean closed;

	/** @param jsonStart the JSON document up to its matches' {@code [}, or {@code null} for lines of text */
	SearchOutput(String jsonStart, long max, PrintStream out) {
		this.json = jsonStart != null;
		this.jsonStart = jsonStart;
		this.max = max;
		this.out = out;
	}

	/** @return false once nobody reads the output any more: the search may stop */
	boolean add(long address, String region, long regionStart) {
		found++;
		if (found > max) {
			return true;
		}
		String hit = json
				? String.format("{\"address\": \"0x%x\", \"region\": %s, \"offset\": %d}", address, InventoryJson.quote(region),
						address - regionStart)
				: String.format("0x%x %s+0x%x", address, Printable.escape(region), address - regionStart);
		if (json) {
			out.print((found == 1 ? jsonStart + "\n  " : ",\n  ") + hit);
		} else {
			out.println(hit);
		}
		// a check flushes: not after every line of a long listing
		if (found % 64 == 0 && CommandLine.outputClosed(out)) {
			closed = true;
		}
		return !closed;
	}

	/** Ends the JSON array and says how many matches were not printed. */
	void finish(PrintStream err) {
		if (closed) {
			return;
		}
		if (json) {
			out.println((found == 0 || max == 0 ? jsonStart + "]" : "\n]") + ", \"found\": " + found + "}");
		}
		out.flush();
		closed = CommandLine.outputClosed(out);
		if (found > max) {
			err.println((found - max) + " more match" + (found - max == 1 ? "" : "es") + " not shown (--max " + max
					+ "; a larger --max shows them)");
		}
	}

	boolean outputClosed() {
		return closed;
	}

	long found() {
		return found;
	}
}
