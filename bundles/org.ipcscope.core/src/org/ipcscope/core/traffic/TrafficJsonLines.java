package org.ipcscope.core.traffic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.ipcscope.core.export.InventoryJson;
import org.ipcscope.core.text.FlatJson;
import org.ipcscope.core.text.JsonLines;
import org.ipcscope.core.traffic.TrafficRecord.HandleKind;

/**
 * Traffic captures as JSON Lines: an optional header line, then one line per record. The
 * format is documented in docs/user/json-formats.md ("Traffic captures"); it shares the header's
 * {@code format} and {@code version} members with the WM_COPYDATA capture files.
 *
 * <pre>
 * {"format":"ipcscope-traffic","version":1,"os":"linux","method":"ptrace","object":null,"startUs":1763820000000000}
 * {"seq":1,"timeUs":1763820000000123,"pid":42,"tid":42,"fd":5,"object":"pipe:[1234]","op":"write","call":"write","requested":5,"transferred":5,"status":0,"error":null,"payload":"aGVsbG8="}
 * </pre>
 *
 * Numbers are JSON numbers (handles too); {@code object} and {@code error} are null when unknown
 * or on success; {@code payload} is base64 and shorter than {@code transferred} when the capture
 * cap cut it.
 */
public final class TrafficJsonLines {

	public static final String FORMAT = "ipcscope-traffic";
	public static final int VERSION = 1;

	/** What a capture file holds: its header (if it had one) and its records in order. */
	public record Capture(TrafficHeader header, List<TrafficRecord> records) {
	}

	private TrafficJsonLines() {
	}

	public static String header(TrafficHeader header) {
		return "{\"format\":\"" + FORMAT + "\",\"version\":" + VERSION + ",\"os\":" + quote(header.os())
				+ ",\"method\":" + quote(header.method()) + ",\"object\":" + quote(header.object()) + ",\"startUs\":"
				+ header.startMicros() + "}";
	}

	public static String line(TrafficRecord r) {
		return "{\"seq\":" + r.sequence() + ",\"timeUs\":" + r.timeMicros() + ",\"pid\":" + r.pid() + ",\"tid\":"
				+ r.tid() + ",\"" + r.handleKind().field() + "\":" + r.handle() + ",\"object\":" + quote(r.object())
				+ ",\"op\":\"" + r.op().id() + "\",\"call\":" + quote(r.call()) + ",\"requested\":" + r.requested()
				+ ",\"transferred\":" + r.transferred() + ",\"status\":" + r.status() + ",\"error\":"
				+ quote(r.error()) + ",\"payload\":\"" + Base64.getEncoder().encodeToString(r.payload()) + "\"}";
	}

	/** Writes the header (when given) and one line per record. */
	public static void write(Writer out, TrafficHeader header, Iterable<TrafficRecord> records) throws IOException {
		if (header != null) {
			out.write(header(header));
			out.write('\n');
		}
		for (TrafficRecord record : records) {
			out.write(line(record));
			out.write('\n');
		}
		out.flush();
	}

	/**
	 * @throws IOException naming the line of anything that is not this format; blank lines are
	 *                     skipped
	 */
	public static Capture read(BufferedReader in) throws IOException {
		TrafficHeader[] header = { null };
		List<TrafficRecord> records = new ArrayList<>();
		JsonLines.read(in, json -> header[0] = header(json), json -> records.add(record(json)));
		return new Capture(header[0], records);
	}

	/** @throws IllegalArgumentException naming what is missing or malformed */
	public static TrafficRecord parseLine(String line) {
		return record(FlatJson.parse(line));
	}

	private static TrafficHeader header(Map<String, String> json) {
		if (!FORMAT.equals(json.get("format"))) {
			throw new IllegalArgumentException("not a traffic capture: format " + json.get("format"));
		}
		long version = number(json, "version");
		if (version != VERSION) {
			throw new IllegalArgumentException("traffic capture version " + version + " is not known: this reads "
					+ VERSION);
		}
		return new TrafficHeader(json.get("os"), json.get("method"), json.get("object"),
				json.containsKey("startUs") ? number(json, "startUs") : 0);
	}

	private static TrafficRecord record(Map<String, String> json) {
		String encoded = required(json, "payload");
		byte[] payload;
		try {
			payload = Base64.getDecoder().decode(encoded);
		} catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("payload is not Base64: " + e.getMessage());
		}
		HandleKind kind = json.containsKey("fd") ? HandleKind.FD : HandleKind.HANDLE;
		long status = number(json, "status");
		if (status != (int) status) {
			throw new IllegalArgumentException("status is not a 32-bit integer: " + status);
		}
		return new TrafficRecord(number(json, "seq"), number(json, "timeUs"), number(json, "pid"),
				number(json, "tid"), number(json, kind.field()), kind, json.get("object"),
				TrafficOp.ofId(required(json, "op")), required(json, "call"), number(json, "requested"),
				number(json, "transferred"), (int) status, json.get("error"), payload);
	}

	private static String quote(String value) {
		return value == null ? "null" : InventoryJson.quote(value);
	}

	private static long number(Map<String, String> json, String key) {
		return JsonLines.number(json, key);
	}

	private static String required(Map<String, String> json, String key) {
		return JsonLines.required(json, key);
	}
}
