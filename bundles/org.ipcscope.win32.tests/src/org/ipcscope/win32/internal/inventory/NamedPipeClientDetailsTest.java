package org.ipcscope.win32.internal.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;
import org.ipcscope.win32.internal.WinHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The details a client connection gives, asked on request only (not by any listing). */
@EnabledOnOs(OS.WINDOWS)
class NamedPipeClientDetailsTest {

	private final String unique = "ipcscope-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

	@Test
	void serverProcessTypeAndBuffers() throws Exception {
		try (WinHelper helper = WinHelper.start()) {
			helper.command("pipe", unique, "3");

			Map<String, String> details = NamedPipeClientDetails.query(unique);

			assertEquals(Long.toString(helper.pid()), details.get("Server pid"), details::toString);
			assertEquals("message", details.get("Type"));
			assertEquals("4096 bytes", details.get("Server out buffer"));
			assertEquals("2048 bytes", details.get("Server in buffer"));
			assertEquals("3", details.get("Max instances"));
			assertEquals("1", details.get("Instances"));
		}
	}

	@Test
	void aBusyOrMissingPipeSaysWhy() throws Exception {
		try (WinHelper helper = WinHelper.start()) {
			helper.command("pipe", unique + "-one", "1");
			NamedPipeClientDetails.query(unique + "-one");

			// The server never disconnected the first client: its only instance is taken.
			IllegalStateException busy = assertThrows(IllegalStateException.class,
					() -> NamedPipeClientDetails.query(unique + "-one"));
			assertTrue(busy.getMessage().equals("every instance is busy with a client"), busy.getMessage());
		}
		IllegalStateException missing = assertThrows(IllegalStateException.class,
				() -> NamedPipeClientDetails.query(unique + "-none"));
		assertEquals("cannot connect: error 2", missing.getMessage());
	}

	@Test
	void theProbeAsksForAListedPipeOnly() throws Exception {
		try (WinHelper helper = WinHelper.start()) {
			helper.command("pipe", unique + "-probe", "2");
			IpcObject pipe = new WindowsIpcProvider().list(java.util.Set.of(IpcKind.NAMED_PIPE)).objects().stream()
					.filter(o -> o.name().equals("\\\\.\\pipe\\" + unique + "-probe")).findFirst()
					.orElseThrow(() -> new AssertionError("pipe not listed"));
			NamedPipeDetailProbe probe = new NamedPipeDetailProbe();
			assertTrue(probe.appliesTo(pipe));
			assertTrue(probe.sideEffect(pipe).contains("as a client"));
			assertEquals(Long.toString(helper.pid()), probe.probe(pipe).get("Server pid"));
			IpcObject section = new IpcObject(IpcKind.SECTION, "Local\\x", "Local", 1, Map.of());
			assertTrue(!probe.appliesTo(section));
		}
	}
}
