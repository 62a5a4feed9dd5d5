package org.ipcscope.core.export;

import java.util.List;
import java.util.Map;

import org.ipcscope.core.InventorySnapshot;
import org.ipcscope.core.IpcObject;
import org.ipcscope.core.Owner;
import org.ipcscope.core.text.Printable;

/**
 * Writes a snapshot as the JSON document described in docs/user/json-formats.md ("list"). Written by
 * hand because the format is small and the core must not pull a JSON library into the IDE.
 * Strings are exact and printable: control, format and separator characters are written as
 * <code>&#92;uXXXX</code>, and a name's byte that is not UTF-8 as the lone surrogate <code>&#92;udcXX</code>
 * ({@link org.ipcscope.core.text.NameBytes}), which {@code hex NAME} takes back byte for byte.
 */
public final class InventoryJson {

	/** Bumped when a field changes meaning or goes away; new fields do not bump it. */
	public static final int FORMAT_VERSION = 1;

	private InventoryJson() {
	}

	public static String write(InventorySnapshot snapshot) {
		StringBuilder out = new StringBuilder(256 + snapshot.objects().size() * 256);
		out.append("{\n  \"format\": ").append(FORMAT_VERSION);
		out.append(",\n  \"taken\": ");
		string(out, snapshot.taken().toString());
		out.append(",\n  \"objects\": [");
		boolean first = true;
		for (IpcObject object : snapshot.objects()) {
			out.append(first ? "\n    " : ",\n    ");
			first = false;
			object(out, object);
		}
		out.append(first ? "],\n" : "\n  ],\n");
		out.append("  \"problems\": [");
		first = true;
		for (String problem : snapshot.problems()) {
			out.append(first ? "" : ", ");
			first = false;
			string(out, problem);
		}
		return out.append("]\n}\n").toString();
	}

	private static void object(StringBuilder out, IpcObject object) {
		out.append("{\"kind\": ");
		string(out, object.kind().id());
		out.append(", \"name\": ");
		string(out, object.name());
		out.append(", \"namespace\": ");
		string(out, object.namespace());
		out.append(", \"size\": ").append(object.hasSize() ? Long.toString(object.size()) : "null");
		out.append(", \"details\": {");
		boolean first = true;
		for (Map.Entry<String, String> detail : object.details().entrySet()) {
			out.append(first ? "" : ", ");
			first = false;
			string(out, detail.getKey());
			out.append(": ");
			string(out, detail.getValue());
		}
		out.append("}, \"values\": {");
		first = true;
		for (Map.Entry<String, Object> value : object.values().entrySet()) {
			out.append(first ? "" : ", ");
			first = false;
			string(out, value.getKey());
			out.append(": ");
			value(out, value.getValue());
		}
		out.append("}, \"owners\": [");
		first = true;
		for (Owner owner : object.owners()) {
			out.append(first ? "" : ", ");
			first = false;
			out.append("{\"pid\": ").append(owner.pid()).append(", \"process\": ");
			nullableString(out, owner.process());
			out.append(", \"handle\": ");
			nullableString(out, owner.handle());
			out.append(", \"access\": ");
			nullableString(out, owner.access());
			out.append('}');
		}
		out.append("], \"problem\": ");
		nullableString(out, object.problem());
		out.append('}');
	}

	/** A value as IpcObject allows it: string, boolean, integer, or a list of integers. */
	private static void value(StringBuilder out, Object value) {
		if (value instanceof String text) {
			string(out, text);
		} else if (value instanceof List<?> numbers) {
			out.append('[');
			for (int i = 0; i < numbers.size(); i++) {
				out.append(i == 0 ? "" : ", ").append(numbers.get(i));
			}
			out.append(']');
		} else {
			out.append(value);
		}
	}

	private static void nullableString(StringBuilder out, String value) {
		if (value == null) {
			out.append("null");
		} else {
			string(out, value);
		}
	}

	/** @return {@code value} as a JSON string literal, quotes included */
	public static String quote(String value) {
		StringBuilder out = new StringBuilder(value.length() + 2);
		string(out, value);
		return out.toString();
	}

	static void string(StringBuilder out, String value) {
		out.append('"');
		// most values need no escape: appended whole, not a character at a time (the command line runs this cold)
		int plain = 0;
		while (plain < value.length() && isPlain(value.charAt(plain))) {
			plain++;
		}
		out.append(value, 0, plain);
		for (int i = plain; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
			case '"' -> out.append("\\\"");
			case '\\' -> out.append("\\\\");
			case '\n' -> out.append("\\n");
			case '\r' -> out.append("\\r");
			case '\t' -> out.append("\\t");
			default -> {
				if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
					out.append(c).append(value.charAt(++i));
				} else if (Printable.isVisible(c)) {
					out.append(c);
				} else {
					// exact and printable: a byte that is not UTF-8 (NameBytes) is a lone surrogate, written as backslash-u-dc-XX
					out.append(String.format("\\u%04x", (int) c));
				}
			}
			}
		}
		out.append('"');
	}

	private static boolean isPlain(char c) {
		return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
	}
}
