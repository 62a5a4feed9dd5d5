package org.ipcscope.win32.internal.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.ipcscope.core.memory.MemoryRead;
import org.ipcscope.core.memory.MemorySource;
import org.ipcscope.core.memory.ScanMonitor;
import org.ipcscope.core.memory.SourceGoneException;
import org.ipcscope.core.process.MemoryRegion;
import org.ipcscope.core.process.ProcessAccessException;
import org.ipcscope.core.process.ProcessInfo;
import org.ipcscope.core.search.BytePattern;
import org.ipcscope.core.search.MemorySearch;
import org.ipcscope.core.search.PatternSyntax;
import org.ipcscope.win32.internal.WinHelper;
import org.ipcscope.win32.internal.Wine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinDef.DWORD;
import com.sun.jna.platform.win32.WinNT.HANDLE;

/** Another Windows process's memory, looked into as the region map, the search and the hex editor do. */
@EnabledOnOs(OS.WINDOWS)
class WindowsProcessMemoryProviderTest {

	private static final int BLOCK = 65536;

	private final WindowsProcessMemoryProvider provider = new WindowsProcessMemoryProvider();

	@Test
	void searchFindsAHeapMarkerAtTheAddressTheHelperReports() throws Exception {
		String marker = "ipcscope-marker-" + System.nanoTime();
		try (WinHelper helper = memoryHelper()) {
			long address = address(helper, "address", "marker", marker);

			List<Long> hits = searchReadableRegions(helper.pid(), PatternSyntax.parse("text:" + marker));

			assertTrue(hits.contains(address), "hits " + hex(hits) + " hold 0x" + Long.toHexString(address));
			MemoryRegion region = regionAt(provider.regions(helper.pid()), address);
			assertEquals("private", region.type(), region::toString);
			assertEquals("rw-p", region.permissions(), region::toString);
			assertTrue(region.tag().startsWith("heap"), "a HeapAlloc block lies in a region tagged heap: " + region);
		}
	}

	@Test
	void aSecondHeapIsTaggedWhetherThePebListsItOrNot() throws Exception {
		try (WinHelper helper = memoryHelper()) {
			var answer = helper.command("heap", "second-heap-marker");
			long heap = Long.parseUnsignedLong(answer.get("heap").substring(2), 16);
			long address = Long.parseUnsignedLong(answer.get("address").substring(2), 16);

			MemoryRegion region = regionAt(provider.regions(helper.pid()), address);

			assertEquals("heap", region.tag(), region::toString);
			assertEquals(heap, region.start(), "the heap's first segment starts its allocation");
			try (OpenedProcess process = OpenedProcess.open(helper.pid(),
					ProcessFunctions.PROCESS_QUERY_INFORMATION | ProcessFunctions.PROCESS_VM_READ, "a test")) {
				PebHeaps heaps = process.readFully(process.pebAddress(), PebHeaps.SIZE).map(PebHeaps::decode).orElseThrow();
				assertTrue(heaps.processHeap() != 0, heaps::toString);
				if (Wine.isWine()) {
					// Wine 8 lists no heaps in the PEB and has no Toolhelp heap list (ERROR_CALL_NOT_IMPLEMENTED):
					// the heap was found by its segment signature.
					assertEquals(new PebHeaps(heaps.processHeap(), 0, 0), heaps);
					HANDLE snapshot = Kernel32.INSTANCE.CreateToolhelp32Snapshot(new DWORD(1 /* TH32CS_SNAPHEAPLIST */),
							new DWORD(helper.pid()));
					assertEquals(WinBase.INVALID_HANDLE_VALUE, snapshot);
				} else {
					assertTrue(heaps.hasHeapArray(), heaps::toString);
				}
			}
		}
	}

	@Test
	void aDllsSharedSectionIsListedAndOneProcessSeesWhatTheOtherWrites() throws Exception {
		String dll = sharedDll().toString();
		try (WinHelper first = memoryHelper(); WinHelper second = memoryHelper()) {
			long shared = address(first, "shared", "load", dll);
			long sharedInSecond = address(second, "shared", "load", dll);

			List<MemoryRegion> regions = provider.regions(first.pid());
			MemoryRegion section = regionAt(regions, shared);
			assertEquals("shared section .shared of ipcscope_shared_test.dll", section.tag(), section::toString);
			assertEquals("image", section.type());
			assertEquals("rw-s", section.permissions(), "writes to a shared image section are shared: " + section);
			assertTrue(section.path().endsWith("\\ipcscope_shared_test.dll"), section::toString);
			try (OpenedProcess process = OpenedProcess.open(first.pid(), ProcessFunctions.PROCESS_QUERY_INFORMATION, "a test")) {
				// Windows maps a shared image section PAGE_READWRITE; Wine 8 reports PAGE_WRITECOPY although
				// the pages are shared: the region map trusts the PE header's IMAGE_SCN_MEM_SHARED.
				assertEquals(Wine.isWine() ? PageProtection.PAGE_WRITECOPY : PageProtection.PAGE_READWRITE,
						process.query(shared).orElseThrow().protect());
			}
			LoadedModule module = provider.loadedModules(first.pid()).stream()
					.filter(m -> m.name().equalsIgnoreCase("ipcscope_shared_test.dll")).findFirst().orElseThrow();
			assertEquals(List.of(".shared"), module.sharedSections().stream().map(PeSection::name).toList());
			assertEquals(shared, module.base() + module.sharedSections().get(0).virtualAddress());
			org.ipcscope.core.process.ProcessModule listed = provider.modules(first.pid()).stream()
					.filter(m -> m.name().equalsIgnoreCase("ipcscope_shared_test.dll")).findFirst().orElseThrow();
			assertEquals(List.of(".shared"), listed.sharedSections(), "the module list of the SPI names it too");
			assertEquals(module.base(), listed.base());

			first.command("set", "shared", "0x1122334455667788");
			first.command("set", "private", "0x99");

			assertEquals(Long.toUnsignedString(0x1122334455667788L), second.command("get", "shared").get("value"));
			assertEquals("2", second.command("get", "private").get("value"), "an ordinary section is not shared");
			try (MemorySource memory = provider.open(second.pid(), false)) {
				MemoryRead read = memory.read(sharedInSecond, 8);
				assertTrue(read.isComplete());
				assertEquals(0x1122334455667788L, ByteBuffer.wrap(read.bytes()).order(ByteOrder.LITTLE_ENDIAN).getLong());
			}
		}
	}

	@Test
	void aReadAcrossAnUnmappedGapMarksTheGapUnreadable() throws Exception {
		try (WinHelper helper = memoryHelper()) {
			long first = address(helper, "first", "gap");
			long gap = first + BLOCK;
			assertTrue(provider.regions(helper.pid()).stream().noneMatch(r -> r.contains(gap)), "the gap is free");
			try (MemorySource memory = provider.open(helper.pid(), false)) {
				assertGapUnreadable(memory.read(gap - 16, BLOCK + 32));

				WindowsProcessMemorySource source = (WindowsProcessMemorySource) memory;
				MemoryRead unguided = source.readUnguided(gap - 16, BLOCK + 32);
				if (Wine.isWine()) {
					// Wine's server reads another process through /proc/PID/mem, which also reads the pages
					// Windows calls free but Wine keeps reserved: zeros, no error. Only VirtualQueryEx tells.
					assertTrue(unguided.isComplete());
					assertEquals(0, unguided.bytes()[16]);
					// Where Wine maps nothing at all (the last 64 KiB of the user address space), the one
					// ReadProcessMemory fails and the page-by-page fallback keeps the page that can be read.
					long end = 0x7FFF_FFFF_0000L;
					MemoryRead edge = source.readUnguided(end - 16, 32);
					assertEquals(16, edge.unreadable().cardinality(), edge.unreadable()::toString);
					assertEquals(16, edge.unreadable().nextSetBit(0));
				} else {
					assertGapUnreadable(unguided);
				}
			}
		}
	}

	private static void assertGapUnreadable(MemoryRead read) {
		assertEquals(BLOCK + 32, read.bytes().length);
		assertEquals(BLOCK, read.unreadable().cardinality());
		assertEquals(16, read.unreadable().nextSetBit(0));
		assertEquals(16 + BLOCK, read.unreadable().nextClearBit(16));
		assertEquals(0x5A, read.bytes()[0]);
		assertEquals(0x5A, read.bytes()[BLOCK + 31]);
	}

	@Test
	void aWriteWhenEnabledIsSeenByTheProcessAndRefusedOtherwise() throws Exception {
		try (WinHelper helper = memoryHelper()) {
			long address = address(helper, "address", "marker", "before-the-write");
			try (MemorySource readOnly = provider.open(helper.pid(), false)) {
				assertFalse(readOnly.canWrite());
				assertThrows(IOException.class, () -> readOnly.write(address, new byte[] { 'X' }));
			}
			assertEquals(hex("before"), helper.command("peek", "0x" + Long.toHexString(address), "6").get("bytes"));

			try (MemorySource writable = provider.open(helper.pid(), true)) {
				assertTrue(writable.canWrite());
				writable.write(address, "AFTER!".getBytes(StandardCharsets.US_ASCII));
				assertEquals("AFTER!", new String(writable.read(address, 6).bytes(), StandardCharsets.US_ASCII));
			}

			assertEquals(hex("AFTER!"), helper.command("peek", "0x" + Long.toHexString(address), "6").get("bytes"));
		}
	}

	@Test
	void aProcessThatExitsDuringASearchEndsItWithAClearMessage() throws Exception {
		try (WinHelper helper = memoryHelper()) {
			long fill = address(helper, "address", "fill", "64");
			AtomicBoolean exited = new AtomicBoolean();
			ScanMonitor exitAfterFirstChunk = new ScanMonitor() {
				@Override
				public boolean isCanceled() {
					return false;
				}

				@Override
				public void scanned(long bytes) {
					if (exited.compareAndSet(false, true)) {
						try {
							helper.command("exit", "7");
							assertEquals(7, helper.stop());
						} catch (Exception e) {
							throw new AssertionError(e);
						}
					}
				}
			};
			try (MemorySource memory = provider.open(helper.pid(), false)) {
				MemorySearch search = new MemorySearch(memory, PatternSyntax.parse("text:not-in-the-fill"));
				SourceGoneException gone = assertThrows(SourceGoneException.class,
						() -> search.all(fill, fill + (64L << 20), exitAfterFirstChunk, hit -> true));
				assertTrue(gone.getMessage().matches("process " + helper.pid()
						+ " has exited \\(exit code 7\\) during the search at 0x[0-9a-f]+; the results so far are kept"),
						gone.getMessage());
			}
			assertTrue(exited.get());
			ProcessAccessException gone = assertThrows(ProcessAccessException.class, () -> provider.regions(helper.pid()));
			assertTrue(gone.getMessage().startsWith("process " + helper.pid() + " "), gone.getMessage());
		}
	}

	@Test
	void theProcessListShowsTheHelperWithPathUserBitnessAndStartTime() throws Exception {
		Instant before = Instant.now().minusSeconds(5);
		try (WinHelper helper = memoryHelper()) {
			ProcessInfo info = provider.processes().stream().filter(p -> p.pid() == helper.pid()).findFirst()
					.orElseThrow(() -> new AssertionError("helper " + helper.pid() + " not listed"));

			assertEquals("win_mem_helper.exe", info.name());
			assertTrue(info.imagePath().toLowerCase().endsWith("\\win_mem_helper.exe"), info::toString);
			assertFalse(info.user().isEmpty(), info::toString);
			assertEquals(System.getProperty("user.name").toLowerCase(),
					info.user().substring(info.user().indexOf('\\') + 1).toLowerCase(), info::toString);
			assertEquals(64, info.bitness());
			assertTrue(info.commandLine().toLowerCase().contains("win_mem_helper"), "its command line: " + info);
			try (OpenedProcess process = OpenedProcess.open(helper.pid(),
					ProcessFunctions.PROCESS_QUERY_LIMITED_INFORMATION, "a test")) {
				// Wine 8 has IsWow64Process2, so the list used it; the fallback for older Windows agrees
				assertEquals(64, WindowsProcessList.bitnessByWow64(process.handle()));
			}
			Instant started = info.startTime().orElseThrow(() -> new AssertionError("no start time: " + info));
			assertTrue(started.isAfter(before) && started.isBefore(Instant.now().plus(Duration.ofSeconds(5))),
					started + " is when the helper started");
		}
	}

	@Test
	void theRegionMapTagsThePebAndEachThreadsTebAndStack() throws Exception {
		try (WinHelper helper = memoryHelper()) {
			List<MemoryRegion> regions = provider.regions(helper.pid());
			assertTrue(regions.stream().anyMatch(r -> r.tag().equals("PEB")), "a PEB region");
			assertTrue(regions.stream().anyMatch(r -> r.tag().startsWith("TEB of thread ")), "a TEB region");
			MemoryRegion stack = regions.stream().filter(r -> r.tag().startsWith("stack of thread ") && r.isReadable())
					.findFirst().orElseThrow(() -> new AssertionError("no readable stack region"));
			assertEquals("rw-p", stack.permissions());
			assertTrue(regions.stream().anyMatch(r -> r.type().equals("image") && r.path().toLowerCase()
					.endsWith("\\win_mem_helper.exe")), "the helper's own image");
			assertTrue(regions.stream().noneMatch(r -> r.path().indexOf(0) >= 0),
					"no NUL in a path (Wine counts it in the length of a mapped .nls file's name)");
			for (int i = 1; i < regions.size(); i++) {
				assertTrue(regions.get(i - 1).end() <= regions.get(i).start(), "ascending, not overlapping at " + i);
			}
		}
	}

	@Test
	void aPidThatDoesNotExistGetsAClearMessage() {
		long pid = 0x7FFFFFF0L;
		ProcessAccessException regions = assertThrows(ProcessAccessException.class, () -> provider.regions(pid));
		assertEquals("process " + pid + " does not exist (or has exited)", regions.getMessage());
		ProcessAccessException open = assertThrows(ProcessAccessException.class, () -> provider.open(pid, false));
		assertEquals("process " + pid + " does not exist (or has exited)", open.getMessage());
		assertEquals("process -1 does not exist: not a process id",
				assertThrows(ProcessAccessException.class, () -> provider.regions(-1)).getMessage());
	}

	@Test
	void aProcessThatRefusesAccessIsListedWithWhatIsKnownAndSaysWhy() throws Exception {
		try (WinHelper helper = memoryHelper()) {
			helper.command("deny");
			long pid = helper.pid();

			String refused = "opening process " + pid + " for %s was refused (access denied): it runs as another user,"
					+ " at a higher integrity level or as a protected process; run IPC Scope as that user or as administrator";
			assertEquals(String.format(refused, "its region map"),
					assertThrows(ProcessAccessException.class, () -> provider.regions(pid)).getMessage());
			assertEquals(String.format(refused, "reading its memory"),
					assertThrows(ProcessAccessException.class, () -> provider.open(pid, false)).getMessage());
			// An empty DACL refuses even PROCESS_QUERY_LIMITED_INFORMATION (Wine 8 enforces it too):
			// the list keeps the pid, name and parent from the Toolhelp snapshot: this JVM started it.
			assertEquals(List.of(new ProcessInfo(pid, "win_mem_helper.exe", "", "", 0, Optional.empty())
					.withParent(ProcessHandle.current().pid())),
					provider.processes().stream().filter(p -> p.pid() == pid).toList());
		}
	}

	/** native/win_mem_helper.exe: places bytes in its memory and tells what it sees there. */
	static WinHelper memoryHelper() throws Exception {
		return WinHelper.start("win_mem_helper.exe", "300");
	}

	/** The test DLL with a shared section, beside the helpers. */
	static Path sharedDll() {
		return WinHelper.exe("ipcscope_shared_test.dll");
	}

	/** Sends the command and returns the address (0x...) the helper answers under {@code key}. */
	static long address(WinHelper helper, String key, String... words) throws Exception {
		String value = helper.command(words).get(key);
		assertTrue(value != null && value.startsWith("0x"), key + " in the answer to " + String.join(" ", words));
		return Long.parseUnsignedLong(value.substring(2), 16);
	}

	private List<Long> searchReadableRegions(long pid, BytePattern pattern) throws IOException {
		List<Long> hits = new ArrayList<>();
		try (MemorySource memory = provider.open(pid, false)) {
			MemorySearch search = new MemorySearch(memory, pattern);
			for (MemoryRegion region : provider.regions(pid)) {
				if (region.isReadable()) {
					search.all(region.start(), region.end(), ScanMonitor.NONE, hits::add);
				}
			}
		}
		return hits;
	}

	private static MemoryRegion regionAt(List<MemoryRegion> regions, long address) {
		return regions.stream().filter(r -> r.contains(address)).findFirst()
				.orElseThrow(() -> new AssertionError("no region holds 0x" + Long.toHexString(address)));
	}

	private static List<String> hex(List<Long> addresses) {
		return addresses.stream().map(a -> "0x" + Long.toHexString(a)).toList();
	}

	private static String hex(String text) {
		return HexFormat.of().formatHex(text.getBytes(StandardCharsets.US_ASCII));
	}
}
