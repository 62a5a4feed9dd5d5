package org.ipcscope.core.export;

import java.util.stream.Collectors;

import org.ipcscope.core.InventorySnapshot;
import org.ipcscope.core.IpcObject;
import org.ipcscope.core.Owner;

/** Writes a snapshot as an aligned text table for a terminal, one object a line. */
public final class InventoryText {

	private InventoryText() {
	}

	public static String write(InventorySnapshot snapshot) {
		int kindWidth = "KIND".length();
		int nameWidth = "NAME".length();
		int namespaceWidth = "NAMESPACE".length();
		for (IpcObject object : snapshot.objects()) {
			kindWidth = Math.max(kindWidth, object.kind().id().length());
			nameWidth = Math.max(nameWidth, object.name().length());
			namespaceWidth = Math.max(namespaceWidth, object.namespace().length());
		}
		String row = "%-" + kindWidth + "s %-" + namespaceWidth + "s %14s  %-" + nameWidth + "s  %s%n";
		StringBuilder out = new StringBuilder();
		out.append(String.format(row, "KIND", "NAMESPACE", "SIZE", "NAME", "OWNERS"));
		for (IpcObject object : snapshot.objects()) {
			out.append(String.format(row, object.kind().id(), object.namespace(),
					object.hasSize() ? Long.toString(object.size()) : "-", object.name(), owners(object)));
		}
		for (String problem : snapshot.problems()) {
			out.append("not readable: ").append(problem).append(System.lineSeparator());
		}
		return out.toString();
	}

	private static String owners(IpcObject object) {
		if (object.owners().isEmpty()) {
			return object.problem() == null ? "-" : "(" + object.problem() + ")";
		}
		return object.owners().stream().map(Owner::describeProcess).distinct().collect(Collectors.joining(","));
	}
}
