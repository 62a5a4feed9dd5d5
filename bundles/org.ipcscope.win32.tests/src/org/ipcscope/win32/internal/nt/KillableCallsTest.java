package org.ipcscope.win32.internal.nt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinNT.HANDLE;

@EnabledOnOs(OS.WINDOWS)
class KillableCallsTest {

	@Test
	void theRoutineComesFromTheDllBuiltIntoTheBundle() {
		NativeLibrary library = NativeLibrary.getInstance(KillableCalls.LIBRARY,
				Map.of(Library.OPTION_CLASSLOADER, KillableCalls.class.getClassLoader()));
		assertTrue(library.getFile().getName().startsWith("ipcscope_win32") || library.getFile().getName().startsWith("jna"),
				library.getFile().toString());
		assertTrue(Pointer.nativeValue(library.getFunction("killable_calls")) != 0);
	}

	@Test
	void makesTheCallsWithTheirArgumentsAndReturnsTheirResults() throws Exception {
		HANDLE event = Kernel32.INSTANCE.CreateEvent(null, true, false, null);
		try {
			Memory name = new Memory(1024);
			Memory length = new Memory(8);
			KillableCalls calls = new KillableCalls(Duration.ofSeconds(10));

			int[] results = calls.run(List.of(
					new KillableCalls.Call(KillableCalls.kernel32("SetEvent"), KillableCalls.address(event)),
					// Five arguments: the fifth goes on the stack.
					new KillableCalls.Call(KillableCalls.ntdll("NtQueryObject"), KillableCalls.address(event),
							NtDllFunctions.OBJECT_TYPE_INFORMATION, Pointer.nativeValue(name), 1024,
							Pointer.nativeValue(length)),
					new KillableCalls.Call(KillableCalls.kernel32("WaitForSingleObject"), KillableCalls.address(event), 0)));

			assertEquals(1, results[0], "SetEvent returned TRUE");
			assertEquals(NtStatus.SUCCESS, results[1]);
			assertEquals("Event", UnicodeStringDecoder.decode(name.getByteBuffer(0, 1024), 0, Pointer.nativeValue(name)));
			assertEquals(WinBase.WAIT_OBJECT_0, results[2], "the event was set by the first call");
			assertTrue(length.getInt(0) > 0, "the return length was written through the fifth argument");
			assertEquals(0, calls.killed());
		} finally {
			Kernel32.INSTANCE.CloseHandle(event);
		}
	}

	@Test
	void aCallThatBlocksIsKilledAndTheRestStillRun() throws Exception {
		HANDLE never = Kernel32.INSTANCE.CreateEvent(null, true, false, null);
		HANDLE set = Kernel32.INSTANCE.CreateEvent(null, true, true, null);
		try {
			KillableCalls calls = new KillableCalls(Duration.ofMillis(300));
			KillableCalls.Call blocking = new KillableCalls.Call(KillableCalls.kernel32("WaitForSingleObject"),
					KillableCalls.address(never), WinBase.INFINITE);
			KillableCalls.Call quick = new KillableCalls.Call(KillableCalls.kernel32("WaitForSingleObject"),
					KillableCalls.address(set), WinBase.INFINITE);

			int[] results = assertTimeoutPreemptively(Duration.ofSeconds(20),
					() -> calls.run(List.of(quick, blocking, quick, blocking, blocking, quick)));

			assertArrayEquals(new int[] { 0, KillableCalls.TIMED_OUT, 0, KillableCalls.TIMED_OUT, KillableCalls.TIMED_OUT,
					0 }, results);
			assertEquals(3, calls.killed());
			// The killed threads left nothing locked: this process still makes native calls.
			assertTrue(Kernel32.INSTANCE.SetEvent(never));
		} finally {
			Kernel32.INSTANCE.CloseHandle(never);
			Kernel32.INSTANCE.CloseHandle(set);
		}
	}

	@Test
	void noCallsNoThread() {
		assertArrayEquals(new int[0], new KillableCalls(Duration.ofSeconds(1)).run(List.of()));
	}
}
