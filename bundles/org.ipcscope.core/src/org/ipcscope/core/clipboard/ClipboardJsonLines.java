package org.ipcscope.core.clipboard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.ipcscope.core.export.InventoryJson;
import org.ipcscope.core.text.JsonLines;

/**
 * Clipboard snapshots as JSON Lines, the shape of {@code ipcscope clipboard --json} and of saved
 * histories (docs/user/json-formats.md, "Clipboard"): a header line, then per snapshot one
 * {@code "kind":"change"} line followed by one {@code "kind":"data"} line per format.
 *
 * <pre>
 * {"format":"ipcscope-clipboard","version":1}
 * {"kind":"change","n":1,"selection":"CLIPBOARD","timeUs":1763820000000000,"sequence":42,"owner":"0x1a2b","ownerPid":43,"ownerProcess":"app.exe","ownerHow":"GetWindowThreadProcessId","openBy":null,"formats":1,"problem":null}
 * {"kind":"data","n":1,"id":13,"name":"CF_UNICODETEXT","size":12,"content":"aABpAA==","note":""}
 * </pre>
 *
 * Window handles are hex strings; a pid is -1 when unknown; content is Base64 of the bytes read
 * (shorter than size when the cap cut it), null when it was not read.
 */
public final class ClipboardJsonLines {

	public static final String FORMAT = "ipcscope-clipboard";
	public static final int VERSION = 1;

	private ClipboardJsonLines() {
	}

	public static String header() {
		return "{\"format\":\"" + FORMAT + "\",\"version\":" + VERSION + "}";
	}

	/** @return the snapshot's lines (no header), each ending in a newline; {@code n} numbers it in the file */
	public static String lines(long n, ClipboardSnapshot s) {
		StringBuilder out = new StringBuilder();
		out.append("{\"kind\":\"change\",\"n\":").append(n).append(",\"selection\":").append(InventoryJson.quote(s.selection()))
				.append(",\"timeUs\":").append(s.timeMicros()).append(",\"sequence\":").append(s.sequence());
		window(out, "owner", s.owner());
		window(out, "openBy", s.openBy());
		out.append(",\"formats\":").append(s.formats().size()).append(",\"problem\":")
				.append(s.problem() == null ? "null" : InventoryJson.quote(s.problem())).append("}\n");
		for (ClipboardFormat f : s.formats()) {
			out.append("{\"kind\":\"data\",\"n\":").append(n).append(",\"id\":").append(f.id()).append(",\"name\":")
					.append(InventoryJson.quote(f.name())).append(",\"size\":").append(f.size()).append(",\"content\":")
					.append(f.content() == null ? "null" : "\"" + Base64.getEncoder().encodeToString(f.content()) + "\"")
					.append(",\"note\":").append(InventoryJson.quote(f.note())).append("}\n");
		}
		return out.toString();
	}

	private static void window(StringBuilder out, String key, ClipboardWindow w) {
		if (w == null) {
			out.append(",\"").append(key).append("\":null");
			return;
		}
		out.append(",\"").append(key).append("\":\"0x").append(Long.toHexString(w.handle())).append("\",\"").append(key)
				.append("Pid\":").append(w.pid()).append(",\"").append(key).append("Process\":")
				.append(InventoryJson.quote(w.process())).append(",\"").append(key).append("How\":")
				.append(InventoryJson.quote(w.how()));
	}

	public static void write(Writer out, List<ClipboardSnapshot> history) throws IOException {
		out.write(header());
		out.write('\n');
		long n = 0;
		for (ClipboardSnapshot snapshot : history) {
			out.write(lines(++n, snapshot));
		}
		out.flush();
	}

	/**
	 * @throws IOException naming the line of anything that is not this format; a file without the
	 *                     header is refused
	 */
	public static List<ClipboardSnapshot> read(BufferedReader in) throws IOException {
		List<ClipboardSnapshot> snapshots = new ArrayList<>();
		boolean[] header = { false };
		AtomicReference<Map<String, String>> change = new AtomicReference<>();
		List<ClipboardFormat> formats = new ArrayList<>();
		JsonLines.read(in, json -> {
			if (!FORMAT.equals(json.get("format"))) {
				throw new IllegalArgumentException("not a clipboard history: format " + json.get("format"));
			}
			header[0] = true;
		}, json -> {
			if (!header[0]) {
				throw new IllegalArgumentException("not a clipboard history: no {\"format\":\"" + FORMAT + "\"} line first");
			}
			String kind = JsonLines.required(json, "kind");
			if (kind.equals("change")) {
				flush(change.get(), formats, snapshots);
				change.set(json);
			} else if (kind.equals("data")) {
				if (change.get() == null || !String.valueOf(json.get("n")).equals(change.get().get("n"))) {
					throw new IllegalArgumentException("a data line without its change line");
				}
				formats.add(format(json));
			} else {
				throw new IllegalArgumentException("unknown kind " + kind);
			}
		});
		flush(change.get(), formats, snapshots);
		if (!header[0]) {
			throw new IOException("not a clipboard history: it is empty");
		}
		return snapshots;
	}

	private static void flush(Map<String, String> change, List<ClipboardFormat> formats, List<ClipboardSnapshot> into) {
		if (change == null) {
			return;
		}
		into.add(new ClipboardSnapshot(JsonLines.required(change, "selection"), JsonLines.number(change, "timeUs"),
				JsonLines.number(change, "sequence", -1), window(change, "owner"), window(change, "openBy"), formats,
				change.get("problem")));
		formats.clear();
	}

	private static ClipboardWindow window(Map<String, String> json, String key) {
		String handle = json.get(key);
		if (handle == null) {
			return null;
		}
		if (!handle.startsWith("0x")) {
			throw new IllegalArgumentException(key + " must be a hex string like \"0x1f\": " + handle);
		}
		long value;
		try {
			value = Long.parseUnsignedLong(handle.substring(2), 16);
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException(key + " is not a 64-bit hex number: " + handle);
		}
		return new ClipboardWindow(value, JsonLines.number(json, key + "Pid", -1), json.get(key + "Process"),
				json.get(key + "How"));
	}

	private static ClipboardFormat format(Map<String, String> json) {
		String content = json.get("content");
		byte[] bytes = null;
		if (content != null) {
			try {
				bytes = Base64.getDecoder().decode(content);
			} catch (IllegalArgumentException e) {
				throw new IllegalArgumentException("content is not Base64: " + e.getMessage());
			}
		}
		long size = JsonLines.number(json, "size", bytes == null ? -1 : bytes.length);
		if (bytes != null && size < bytes.length) {
			throw new IllegalArgumentException("size " + size + " is less than the content's " + bytes.length + " bytes");
		}
		return new ClipboardFormat(JsonLines.number(json, "id"), JsonLines.required(json, "name"), size, bytes,
				json.get("note"));
	}
}
