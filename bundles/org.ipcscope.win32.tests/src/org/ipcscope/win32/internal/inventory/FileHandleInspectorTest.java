package org.ipcscope.win32.internal.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import org.ipcscope.win32.internal.WinHelper;
import org.ipcscope.win32.internal.Wine;
import org.ipcscope.win32.internal.nt.KillableCalls;
import org.ipcscope.win32.internal.nt.NtStatusException;
import org.ipcscope.win32.internal.nt.ObjectInformation;
import org.ipcscope.win32.internal.nt.ObjectTypeNames;
import org.ipcscope.win32.internal.nt.SystemHandleTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT.HANDLE;

/**
 * What Windows does to a name question on the handle of a pipe server sitting in ConnectNamedPipe
 * (wait for ever), played under Wine, which answers at once: the inspector's name question for
 * that one handle is replaced by a wait that never ends.
 */
@EnabledOnOs(OS.WINDOWS)
class FileHandleInspectorTest {

	private final String unique = "ipcscope-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

	/** Asks names the real way, except for the pipe named {@code stuckPipe}, whose question hangs. */
	private static final class HangingOnOnePipe extends FileHandleInspector {

		private final String stuckPipe;
		private final HANDLE never = Kernel32.INSTANCE.CreateEvent(null, true, false, null);
		private final ObjectInformation information = new ObjectInformation();
		int stuckAsked;

		HangingOnOnePipe(String stuckPipe) {
			super(Duration.ofMillis(500));
			this.stuckPipe = stuckPipe;
		}

		@Override
		KillableCalls.Call nameQuery(HANDLE handle, Pointer buffer, int length, Pointer returnLength) {
			try {
				// Safe here only because Wine answers File-handle names without waiting; on Windows
				// the real question hangs by itself.
				if (Wine.isWine() && information.name(handle).endsWith("\\" + stuckPipe)) {
					stuckAsked++;
					return new KillableCalls.Call(KillableCalls.kernel32("WaitForSingleObject"),
							KillableCalls.address(never), WinBase.INFINITE);
				}
			} catch (NtStatusException e) {
				// asked below the real way
			}
			return super.nameQuery(handle, buffer, length, returnLength);
		}
	}

	@Test
	void aHandleThatDoesNotAnswerIsLeftOutOnceAndSkippedAfterwards() throws Exception {
		try (WinHelper helper = WinHelper.start()) {
			helper.command("pipe-listen", unique + "-stuck");
			helper.command("pipe", unique + "-fine", "1");
			HangingOnOnePipe inspector = new HangingOnOnePipe(unique + "-stuck");

			FileHandles first = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> inspect(inspector));

			Set<String> names = first.handles().stream().map(FileHandle::name).collect(Collectors.toSet());
			assertTrue(names.contains("\\Device\\NamedPipe\\" + unique + "-fine"), names::toString);
			assertTrue(names.stream().noneMatch(n -> n.endsWith(unique + "-stuck")), names::toString);
			assertEquals(1, first.problems().size(), first.problems()::toString);
			String problem = first.problems().get(0);
			assertTrue(problem.startsWith("Pipes and mailslots: 1 File handle(s) left out, they did not tell their name"
					+ " within 500 ms"), problem);
			assertTrue(problem.contains("pid " + helper.pid() + " handle 0x"), problem);

			FileHandles second = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> inspect(inspector));

			assertTrue(second.problems().get(0).contains("did not answer in an earlier refresh"), second.problems()::toString);
			assertEquals(1, inspector.stuckAsked, "the stuck handle was not asked again");
		}
	}

	/** As a refresh does it: the handle table read, File handles picked by type, then inspected. */
	private static FileHandles inspect(FileHandleInspector inspector) {
		try (HandleSnapshot snapshot = new HandleSnapshot(new SystemHandleTable(), new ObjectTypeNames(), inspector)) {
			return snapshot.files();
		}
	}
}
