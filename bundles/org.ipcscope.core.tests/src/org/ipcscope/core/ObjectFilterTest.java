package org.ipcscope.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ObjectFilterTest {

	private final IpcObject fifo = new IpcObject(IpcKind.FIFO, "/tmp/Control Pipe", "/tmp", IpcObject.UNKNOWN_SIZE,
			Map.of("Readers", "1"), List.of(new Owner(4242, "daemon", "fd 3", "read")), null);

	@Test
	void everyWordMustMatchSomewhere() {
		assertTrue(new ObjectFilter("control").test(fifo));
		assertTrue(new ObjectFilter("FIFO daemon").test(fifo));
		assertTrue(new ObjectFilter("4242").test(fifo));
		assertFalse(new ObjectFilter("control sysv").test(fifo));
	}

	@Test
	void emptyMatchesAll() {
		assertTrue(new ObjectFilter("  ").isEmpty());
		assertTrue(new ObjectFilter(null).test(fifo));
	}
}
