package org.ipcscope.linux.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SysvTableTest {

	private static final String HEADER = "       key      shmid perms                  size  cpid  lpid nattch   uid   gid  cuid  cgid      atime      dtime      ctime                   rss                  swap";

	@Test
	void readsColumnsByName() {
		List<Map<String, String>> rows = SysvTable.parse(List.of(HEADER,
				"     17185          1   640                  8192 11231 11232      1     0     0     0     0 1795347155          0 1795347155                  4096                     0"));
		assertEquals(1, rows.size());
		Map<String, String> row = rows.get(0);
		assertEquals("17185", row.get("key"));
		assertEquals("8192", row.get("size"));
		assertEquals("11232", row.get("lpid"));
		assertEquals("4096", row.get("rss"));
	}

	@Test
	void emptyTableHasNoRows() {
		assertTrue(SysvTable.parse(List.of(HEADER)).isEmpty());
		assertTrue(SysvTable.parse(List.of()).isEmpty());
	}

	@Test
	void skipsBlankLines() {
		assertEquals(1, SysvTable.parse(List.of(HEADER, "", " 0 5 600 10 1 1 0 0 0 0 0 0 0 0 0 0")).size());
	}
}
