package org.ipcscope.linux.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the column tables of /proc/sysvipc/*: a header line naming the columns, then one line
 * per object. Columns are found by name because their set differs between kernels.
 */
final class SysvTable {

	private SysvTable() {
	}

	/** @return one map of column name to value per object line */
	static List<Map<String, String>> parse(List<String> lines) {
		List<Map<String, String>> rows = new ArrayList<>();
		if (lines.isEmpty()) {
			return rows;
		}
		String[] header = Blanks.split(lines.get(0));
		for (String line : lines.subList(1, lines.size())) {
			String trimmed = line.trim();
			if (trimmed.isEmpty()) {
				continue;
			}
			String[] values = Blanks.split(trimmed);
			Map<String, String> row = new HashMap<>();
			for (int i = 0; i < Math.min(header.length, values.length); i++) {
				row.put(header[i], values[i]);
			}
			rows.add(row);
		}
		return rows;
	}
}
