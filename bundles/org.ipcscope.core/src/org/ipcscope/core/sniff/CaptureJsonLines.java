package org.ipcscope.core.sniff;

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

/**
 * Captures as JSON Lines: an optional first line describing the capture, then one line per
 * message. The format is documented in docs/user/json-formats.md ("Capture files").
 *
 * <pre>
 * {"format":"ipcscope-copydata","version":2,"target":"0x1a2b","class":"MyClass","title":"Receiver","pid":42,"strategy":"proxy"}
 * {"seq":1,"timeUs":1763820000000000,"sender":"0x3c4d","senderPid":43,"target":"0x1a2b","dwData":"0x10","cbData":5,"result":1,"payload":"aGVsbG8=",
 *  "kind":"sent","msg":"0x004a","name":"WM_COPYDATA","wParam":"0x3c4d","lParam":"0x6f1e30","senderThread":-1}
 * </pre>
 *
 * Handles, wParam, lParam and dwData are hex strings (pointer sized, unsigned); senderPid and
 * senderThread are -1 and result null when unknown; payload is base64 and shorter than cbData
 * when the capture cap cut it. Version 2 added kind, msg, name, wParam, lParam and senderThread
 * and kept every version 1 field (sender is wParam), so version 1 readers still read its lines;
 * a line without msg is a version 1 WM_COPYDATA.
 */
public final class CaptureJsonLines {

	public static final String FORMAT = "ipcscope-copydata";
	public static final int VERSION = 2;

	/** What a capture file holds: its header (if it had one) and its messages in order. */
	public record Capture(WindowInfo target, CaptureStrategy strategy, List<CapturedMessage> messages) {
	}

	private CaptureJsonLines() {
	}

	public static String header(WindowInfo target, CaptureStrategy strategy) {
		return "{\"format\":\"" + FORMAT + "\",\"version\":" + VERSION + ",\"target\":\"" + hex(target.hwnd())
				+ "\",\"class\":" + InventoryJson.quote(target.className()) + ",\"title\":"
				+ InventoryJson.quote(target.title()) + ",\"pid\":" + target.pid() + ",\"thread\":"
				+ target.threadId() + ",\"process\":" + InventoryJson.quote(target.processName())
				+ ",\"messageOnly\":" + target.messageOnly() + ",\"strategy\":\"" + strategy.id() + "\"}";
	}

	public static String line(CapturedMessage m) {
		return "{\"seq\":" + m.sequence() + ",\"timeUs\":" + m.timeMicros() + ",\"sender\":\"" + hex(m.sender())
				+ "\",\"senderPid\":" + m.senderPid() + ",\"target\":\"" + hex(m.target()) + "\",\"dwData\":\""
				+ hex(m.dwData()) + "\",\"cbData\":" + m.cbData() + ",\"result\":"
				+ (m.result() == CapturedMessage.UNKNOWN_RESULT ? "null" : Long.toString(m.result()))
				+ ",\"payload\":\"" + Base64.getEncoder().encodeToString(m.payload()) + "\",\"kind\":\"" + m.kind().id()
				+ "\",\"msg\":\"" + WindowMessages.hex(m.message()) + "\",\"name\":"
				+ (m.name() == null ? "null" : InventoryJson.quote(m.name())) + ",\"wParam\":\"" + hex(m.wParam())
				+ "\",\"lParam\":\"" + hex(m.lParam()) + "\",\"senderThread\":" + m.senderThread() + "}";
	}

	/** Writes the header (when {@code target} is given) and one line per message. */
	public static void write(Writer out, WindowInfo target, CaptureStrategy strategy, Iterable<CapturedMessage> messages)
			throws IOException {
		if (target != null) {
			out.write(header(target, strategy));
			out.write('\n');
		}
		for (CapturedMessage message : messages) {
			out.write(line(message));
			out.write('\n');
		}
		out.flush();
	}

	/**
	 * @throws IOException naming the line and column of anything that is not this format; blank
	 *                     lines are skipped
	 */
	public static Capture read(BufferedReader in) throws IOException {
		WindowInfo[] target = { null };
		CaptureStrategy[] strategy = { null };
		List<CapturedMessage> messages = new ArrayList<>();
		JsonLines.read(in, json -> {
			if (!FORMAT.equals(json.get("format"))) {
				throw new IllegalArgumentException("not a WM_COPYDATA capture: format " + json.get("format"));
			}
			target[0] = new WindowInfo(unhex(json, "target"), text(json, "class"), text(json, "title"),
					number(json, "pid", -1), number(json, "thread", 0), text(json, "process"),
					Boolean.parseBoolean(json.get("messageOnly")));
			strategy[0] = CaptureStrategy.ofId(required(json, "strategy"));
		}, json -> messages.add(message(json)));
		return new Capture(target[0], strategy[0], messages);
	}

	/** @throws IllegalArgumentException naming what is missing or malformed */
	public static CapturedMessage parseLine(String line) {
		return message(FlatJson.parse(line));
	}

	private static CapturedMessage message(Map<String, String> json) {
		byte[] payload;
		try {
			payload = Base64.getDecoder().decode(required(json, "payload"));
		} catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("payload is not Base64: " + e.getMessage());
		}
		long cbData = number(json, "cbData", payload.length);
		if (cbData < payload.length) {
			throw new IllegalArgumentException("cbData " + cbData + " is less than the payload's " + payload.length
					+ " bytes");
		}
		String result = json.get("result");
		long resultValue = result == null ? CapturedMessage.UNKNOWN_RESULT : number(json, "result", 0);
		if (!json.containsKey("msg")) {
			return new CapturedMessage(number(json, "seq", 0), number(json, "timeUs", 0), unhex(json, "sender"),
					number(json, "senderPid", -1), unhex(json, "target"), unhex(json, "dwData"), cbData, payload,
					resultValue);
		}
		long message = unhex(json, "msg");
		if (message < 0 || message > 0xffffffffL) {
			throw new IllegalArgumentException("msg is not a 32-bit message number: " + json.get("msg"));
		}
		CapturedMessage.Kind kind = CapturedMessage.Kind.ofId(required(json, "kind"));
		return new CapturedMessage(number(json, "seq", 0), number(json, "timeUs", 0), kind, (int) message,
				json.get("name"), unhex(json, json.containsKey("wParam") ? "wParam" : "sender"),
				json.containsKey("lParam") ? unhex(json, "lParam") : 0, number(json, "senderPid", -1),
				number(json, "senderThread", -1), unhex(json, "target"), unhex(json, "dwData"), cbData, payload,
				resultValue);
	}

	public static String hex(long value) {
		return "0x" + Long.toHexString(value);
	}

	private static long unhex(Map<String, String> json, String key) {
		String value = required(json, key);
		if (!value.startsWith("0x")) {
			throw new IllegalArgumentException(key + " must be a hex string like \"0x1f\": " + value);
		}
		try {
			return Long.parseUnsignedLong(value.substring(2), 16);
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException(key + " is not a 64-bit hex number: " + value);
		}
	}

	private static long number(Map<String, String> json, String key, long otherwise) {
		return JsonLines.number(json, key, otherwise);
	}

	private static String text(Map<String, String> json, String key) {
		String value = json.get(key);
		return value == null ? "" : value;
	}

	private static String required(Map<String, String> json, String key) {
		return JsonLines.required(json, key);
	}
}
