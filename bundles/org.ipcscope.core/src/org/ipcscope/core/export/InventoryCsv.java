package org.ipcscope.core.export;

import java.util.List;
import java.util.stream.Collectors;

import org.ipcscope.core.IpcObject;
import org.ipcscope.core.Owner;

/**
 * Writes objects as CSV (RFC 4180: comma separated, CRLF, fields quoted when needed) for
 * spreadsheets. Details go into one column as "key=value; ..." since each kind has its own.
 */
public final class InventoryCsv {

	public static final String HEADER = "kind,name,namespace,size,owners,details,problem";

	private InventoryCsv() {
	}

	public static String write(List<IpcObject> objects) {
		StringBuilder out = new StringBuilder(HEADER).append("\r\n");
		for (IpcObject object : objects) {
			field(out, object.kind().id()).append(',');
			field(out, object.name()).append(',');
			field(out, object.namespace()).append(',');
			out.append(object.hasSize() ? Long.toString(object.size()) : "").append(',');
			field(out, owners(object.owners())).append(',');
			field(out, object.details().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
					.collect(Collectors.joining("; "))).append(',');
			field(out, object.problem() == null ? "" : object.problem()).append("\r\n");
		}
		return out.toString();
	}

	/** "name (pid) fd 3 read; ..." */
	public static String owners(List<Owner> owners) {
		return owners.stream().map(o -> o.describeProcess() + " " + o.handle() + (o.access() == null ? "" : " " + o.access()))
				.collect(Collectors.joining("; "));
	}

	private static StringBuilder field(StringBuilder out, String value) {
		if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
			return out.append(value);
		}
		return out.append('"').append(value.replace("\"", "\"\"")).append('"');
	}
}
