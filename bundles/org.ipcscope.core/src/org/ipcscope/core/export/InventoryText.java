package org.ipcscope.core.export;

import org.ipcscope.core.InventorySnapshot;
import org.ipcscope.core.IpcObject;

/** Writes a snapshot as an aligned text table for a terminal. */
public final class InventoryText {

	private InventoryText() {
	}

	public static String write(InventorySnapshot snapshot) {
		int nameWidth = "NAME".length();
		int namespaceWidth = "NAMESPACE".length();
		for (IpcObject object : snapshot.objects()) {
			nameWidth = Math.max(nameWidth, object.name().length());
			namespaceWidth = Math.max(namespaceWidth, object.namespace().length());
		}
		String row = "%-10s %-" + namespaceWidth + "s %14s  %-" + nameWidth + "s%n";
		StringBuilder out = new StringBuilder();
		out.append(String.format(row, "KIND", "NAMESPACE", "SIZE", "NAME"));
		for (IpcObject object : snapshot.objects()) {
			out.append(String.format(row, object.kind().id(), object.namespace(),
					object.hasSize() ? Long.toString(object.size()) : "?", object.name()));
			if (object.problem() != null) {
				out.append("    ").append(object.problem()).append(System.lineSeparator());
			}
		}
		for (String problem : snapshot.problems()) {
			out.append("not readable: ").append(problem).append(System.lineSeparator());
		}
		return out.toString();
	}
}
