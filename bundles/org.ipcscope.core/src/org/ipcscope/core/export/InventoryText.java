package org.ipcscope.core.export;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.ipcscope.core.InventorySnapshot;
import org.ipcscope.core.IpcObject;
import org.ipcscope.core.Owner;
import org.ipcscope.core.text.Printable;

/**
 * Writes a snapshot as an aligned text table for a terminal, one object a line, every cell
 * escaped as {@link Printable} says. Names are never cut (a script copies them into
 * {@code hex NAME}); the columns are aligned to names up to {@link #NAME_COLUMN} characters, and a
 * longer one pushes only its own row's owners to the right.
 */
public final class InventoryText {

	static final int NAME_COLUMN = 48;
	static final int NAMESPACE_COLUMN = 24;

	private InventoryText() {
	}

	public static String write(InventorySnapshot snapshot) {
		int kindWidth = "KIND".length();
		int nameWidth = "NAME".length();
		int namespaceWidth = "NAMESPACE".length();
		List<String[]> rows = new ArrayList<>(snapshot.objects().size());
		for (IpcObject object : snapshot.objects()) {
			// every cell escaped: a name's newline or terminal escape must not forge a row or drive the terminal
			String[] row = { Printable.escape(object.kind().id()), Printable.escape(object.namespace()),
					object.hasSize() ? Long.toString(object.size()) : "-", Printable.escape(object.name()),
					Printable.escape(owners(object)) };
			rows.add(row);
			kindWidth = Math.max(kindWidth, row[0].length());
			nameWidth = Math.max(nameWidth, row[3].length());
			namespaceWidth = Math.max(namespaceWidth, row[1].length());
		}
		nameWidth = Math.min(nameWidth, NAME_COLUMN);
		namespaceWidth = Math.min(namespaceWidth, NAMESPACE_COLUMN);
		String format = "%-" + kindWidth + "s %-" + namespaceWidth + "s %14s  %-" + nameWidth + "s  %s%n";
		StringBuilder out = new StringBuilder();
		out.append(String.format(format, "KIND", "NAMESPACE", "SIZE", "NAME", "OWNERS"));
		for (String[] row : rows) {
			out.append(String.format(format, (Object[]) row));
		}
		for (String problem : snapshot.problems()) {
			out.append("not readable: ").append(Printable.escape(problem)).append(System.lineSeparator());
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
