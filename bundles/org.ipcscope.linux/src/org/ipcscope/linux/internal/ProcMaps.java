package org.ipcscope.linux.internal;

import java.util.ArrayList;
import java.util.List;

import org.ipcscope.core.process.MemoryRegion;

/** Decodes /proc/PID/maps into regions: "start-end perms offset dev inode [path]". */
final class ProcMaps {

	private ProcMaps() {
	}

	static List<MemoryRegion> parse(String maps) {
		List<MemoryRegion> regions = new ArrayList<>();
		for (String line : maps.split("\n")) {
			String[] fields = Blanks.split(line, 6);
			if (fields.length < 5) {
				continue;
			}
			int dash = fields[0].indexOf('-');
			if (dash < 0) {
				continue;
			}
			long start = Long.parseUnsignedLong(fields[0].substring(0, dash), 16);
			long end = Long.parseUnsignedLong(fields[0].substring(dash + 1), 16);
			String permissions = fields[1];
			String path = fields.length > 5 ? fields[5] : "";
			regions.add(new MemoryRegion(start, end, permissions, type(permissions, path, fields[4]), path, tag(path)));
		}
		return regions;
	}

	private static String type(String permissions, String path, String inode) {
		if (permissions.length() > 3 && permissions.charAt(3) == 's') {
			return "shared";
		}
		return "0".equals(inode) || path.startsWith("[") ? "private" : "mapped";
	}

	/** The kernel names its special regions in brackets: [heap], [stack], [vdso], [vvar], [anon:...]. */
	private static String tag(String path) {
		return path.startsWith("[") ? path : "";
	}
}
