package org.ipcscope.win32.internal.inventory;

import static org.ipcscope.win32.internal.inventory.Listing.assertOwnedBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;
import org.ipcscope.win32.internal.WinHelper;
import org.ipcscope.win32.internal.Wine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * A pipe server sitting in a synchronous ConnectNamedPipe: the File-handle questions that hang
 * on Windows in that state must not hang the listing, and the pipe must still be listed.
 */
@EnabledOnOs(OS.WINDOWS)
class BlockingPipeTest {

	private final String unique = "ipcscope-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

	@Test
	void listingFinishesAndListsThePipeWhileItsServerWaitsForAClient() throws Exception {
		try (WinHelper helper = WinHelper.start()) {
			helper.command("pipe-listen", unique + "-waiting");
			WindowsIpcProvider provider = new WindowsIpcProvider();

			Listing listing = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Listing.all(provider),
					"listing hung on a pipe whose server sits in ConnectNamedPipe");

			IpcObject pipe = listing.find(IpcKind.NAMED_PIPE, "\\\\.\\pipe\\" + unique + "-waiting");
			assertEquals("1", pipe.details().get("Instances"));
			if (Wine.isWine()) {
				// Wine answers File-handle questions even then, so the owner is known; on Windows the
				// handle may time out, which the provider's problems would say.
				assertOwnedBy(pipe, helper);
				listing.withoutProblemsUnderWine();
			}
			// A second refresh is no slower for it.
			assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Listing.of(provider, IpcKind.NAMED_PIPE));
		}
	}
}
