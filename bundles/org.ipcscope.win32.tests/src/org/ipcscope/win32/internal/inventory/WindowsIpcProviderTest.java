package org.ipcscope.win32.internal.inventory;

import static org.ipcscope.win32.internal.inventory.Listing.assertOwnedBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;
import org.ipcscope.core.Owner;
import org.ipcscope.win32.internal.WinHelper;
import org.ipcscope.win32.internal.Wine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Every Windows kind: a separate Windows process (native/win_ipc_helper.c) creates the object,
 * and the provider must find it with the right attributes and with that process as an owner.
 */
@EnabledOnOs(OS.WINDOWS)
class WindowsIpcProviderTest {

	private static final long PAGE = 4096;

	private final String unique = "ipcscope-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
	private final WindowsIpcProvider provider = new WindowsIpcProvider();
	private WinHelper helper;

	@BeforeEach
	void startHelper() throws Exception {
		helper = WinHelper.start();
	}

	@AfterEach
	void stopHelper() throws Exception {
		helper.close();
	}

	@Test
	void sectionsLocalAndGlobalWithSizeAttributesAndOwnerGoneWhenTheOwnerExits() throws Exception {
		String local = "Local\\" + unique + "-local";
		String global = "Global\\" + unique + "-global";
		helper.command("section", local, "100000");
		helper.command("section", global, Long.toString(3L * 1024 * 1024 + 5));

		Listing listing = Listing.of(provider, IpcKind.SECTION).withoutProblemsUnderWine();

		IpcObject localSection = listing.find(IpcKind.SECTION, local);
		assertSection(localSection, "Local", 100_000);
		assertEquals("\\Sessions\\" + CurrentSession.id().orElseThrow() + "\\BaseNamedObjects\\" + unique + "-local",
				localSection.details().get("NT path"));
		assertOwnedBy(localSection, helper);
		assertEquals("0x000F0007", Listing.ownerWithPid(localSection, helper.pid()).access(), "SECTION_ALL_ACCESS");
		IpcObject globalSection = listing.find(IpcKind.SECTION, global);
		assertSection(globalSection, "Global", 3L * 1024 * 1024 + 5);
		assertEquals("\\BaseNamedObjects\\" + unique + "-global", globalSection.details().get("NT path"));
		assertOwnedBy(globalSection, helper);

		WinHelper.assertExitedNormally(helper);
		Listing after = Listing.of(provider, IpcKind.SECTION);
		assertFalse(after.contains(IpcKind.SECTION, local));
		assertFalse(after.contains(IpcKind.SECTION, global));
	}

	@Test
	void fileBackedSectionShowsItsFile() throws Exception {
		Path file = Files.createTempFile("ipcscope-backing ", ".bin");
		try {
			String name = "Local\\" + unique + "-file";
			helper.command("file-section", name, file.toString(), "8192");

			IpcObject section = Listing.of(provider, IpcKind.SECTION).withoutProblemsUnderWine().find(IpcKind.SECTION,
					name);

			assertEquals(8192, section.size());
			assertTrue(section.details().get("Attributes").contains("SEC_FILE"), section.details()::toString);
			assertEquals("file", section.details().get("Backing"));
			assertEquals(file.toRealPath().toString().toLowerCase(), section.details().get("Backing file").toLowerCase());
			assertNull(section.problem());
			assertOwnedBy(section, helper);
		} finally {
			helper.close();
			Files.deleteIfExists(file);
		}
	}

	@Test
	void eventsWithTypeAndState() throws Exception {
		helper.command("event", unique + "-manual-set", "manual", "1");
		helper.command("event", unique + "-auto-clear", "auto", "0");

		Listing listing = Listing.of(provider, IpcKind.EVENT).withoutProblemsUnderWine();

		IpcObject manual = listing.find(IpcKind.EVENT, "Local\\" + unique + "-manual-set");
		assertEquals("manual reset", manual.details().get("Event type"));
		assertEquals("signaled", manual.details().get("State"));
		assertOwnedBy(manual, helper);
		IpcObject auto = listing.find(IpcKind.EVENT, "Local\\" + unique + "-auto-clear");
		assertEquals("auto reset", auto.details().get("Event type"));
		assertEquals("not signaled", auto.details().get("State"));
		assertEquals("0x001F0003", Listing.ownerWithPid(auto, helper.pid()).access(), "EVENT_ALL_ACCESS");
	}

	@Test
	void mutexesFreeOwnedAndAbandoned() throws Exception {
		helper.command("mutex", unique + "-free", "free");
		helper.command("mutex", unique + "-owned", "owned");
		helper.command("mutex", unique + "-abandoned", "abandoned");

		Listing listing = Listing.of(provider, IpcKind.MUTEX).withoutProblemsUnderWine();

		assertEquals("free", listing.find(IpcKind.MUTEX, "Local\\" + unique + "-free").details().get("State"));
		IpcObject owned = listing.find(IpcKind.MUTEX, "Local\\" + unique + "-owned");
		assertEquals("owned (held 1 time(s))", owned.details().get("State"));
		if (Wine.isWine()) {
			// Wine 8 has no MutantOwnerInformation: the holding thread stays unknown.
			assertNull(owned.details().get("Held by"));
		} else {
			assertTrue(owned.details().get("Held by").startsWith("pid " + helper.pid() + ","), owned.details()::toString);
		}
		assertOwnedBy(owned, helper);
		assertEquals("abandoned", listing.find(IpcKind.MUTEX, "Local\\" + unique + "-abandoned").details().get("State"));
	}

	@Test
	void semaphoreCountAndMaximum() throws Exception {
		helper.command("semaphore", unique + "-sem", "2", "5");

		IpcObject semaphore = Listing.of(provider, IpcKind.SEMAPHORE).withoutProblemsUnderWine()
				.find(IpcKind.SEMAPHORE, "Local\\" + unique + "-sem");

		assertEquals("2", semaphore.details().get("Count"));
		assertEquals("5", semaphore.details().get("Maximum"));
		assertOwnedBy(semaphore, helper);
	}

	@Test
	void symbolicLinksWithTheirTarget() throws Exception {
		Listing listing = Listing.of(provider, IpcKind.SYMBOLIC_LINK).withoutProblemsUnderWine();

		// Every session's namespace links Local to itself.
		IpcObject local = listing.find(IpcKind.SYMBOLIC_LINK, "Local\\Local");
		assertEquals("\\Sessions\\" + CurrentSession.id().orElseThrow() + "\\BaseNamedObjects",
				local.details().get("Target"));
		assertEquals("\\BaseNamedObjects", listing.find(IpcKind.SYMBOLIC_LINK, "Local\\Global").details().get("Target"));
	}

	@Test
	void otherTypesAndDirectoriesAreNamedObjectsAndDirectoriesAreWalked() throws Exception {
		helper.command("timer", unique + "-timer");
		helper.command("directory", unique + "-dir");
		helper.command("section", "Local\\" + unique + "-dir\\inner", "4096");

		Listing listing = Listing.of(provider, IpcKind.NAMED_OBJECT, IpcKind.SECTION).withoutProblemsUnderWine();

		IpcObject timer = listing.find(IpcKind.NAMED_OBJECT, "Local\\" + unique + "-timer");
		assertEquals("Timer", timer.details().get("Type"));
		assertOwnedBy(timer, helper);
		IpcObject directory = listing.find(IpcKind.NAMED_OBJECT, "Local\\" + unique + "-dir");
		assertEquals("Directory", directory.details().get("Type"));
		assertOwnedBy(directory, helper);
		IpcObject inner = listing.find(IpcKind.SECTION, "Local\\" + unique + "-dir\\inner");
		assertEquals("Local", inner.namespace());
		assertOwnedBy(inner, helper);
	}

	@Test
	void namedPipeWithInstancesAndServerEndOwner() throws Exception {
		helper.command("pipe", unique + "-pipe", "3");
		helper.command("pipe", unique + "-pipe", "3");

		IpcObject pipe = Listing.of(provider, IpcKind.NAMED_PIPE).withoutProblemsUnderWine().find(IpcKind.NAMED_PIPE,
				"\\\\.\\pipe\\" + unique + "-pipe");

		assertEquals("\\\\.\\pipe", pipe.namespace());
		assertEquals("2", pipe.details().get("Instances"));
		assertEquals("3", pipe.details().get("Max instances"));
		// Wine cannot list \Device\NamedPipe\ (STATUS_BAD_DEVICE_TYPE): the fallback is what runs there.
		assertEquals(Wine.isWine() ? "handle table" : "pipe directory", pipe.details().get("Listed from"));
		List<Owner> owners = pipe.owners().stream().filter(o -> o.pid() == helper.pid()).toList();
		assertEquals(2, owners.size(), pipe.owners()::toString);
		assertTrue(owners.stream().allMatch(o -> o.handle().endsWith("(server end)")), owners::toString);
		assertOwnedBy(pipe, helper);
	}

	@Test
	void mailslotWithSizesAndNoMessageConsumed() throws Exception {
		String name = unique + "\\slot";
		helper.command("mailslot", name, "300");
		helper.command("mailslot-write", name, "hello");
		helper.command("mailslot-write", name, "hello again");

		IpcObject mailslot = Listing.of(provider, IpcKind.MAILSLOT).withoutProblemsUnderWine()
				.find(IpcKind.MAILSLOT, "\\\\.\\mailslot\\" + name);

		assertEquals("300 bytes", mailslot.details().get("Max message size"));
		assertEquals("5 bytes", mailslot.details().get("Next message"));
		// Wine 8 counts 1 whatever is queued (docs/dev/testing.md); Windows counts them all.
		assertEquals(Wine.isWine() ? "1" : "2", mailslot.details().get("Messages waiting"));
		assertOwnedBy(mailslot, helper);
		assertEquals("2", helper.command("mailslot-read", name).get("read"), "messages left after listing");
	}

	@Test
	void anonymousPipeLinksTheProcessesAtBothEnds() throws Exception {
		Map<String, String> made = helper.command("anon-pipe");
		long child = Long.parseLong(made.get("child"));
		String readEnd = "handle 0x" + made.get("read").substring(2).toUpperCase() + " (server end)";

		List<IpcObject> pipes = Listing.of(provider, IpcKind.PIPE).withoutProblemsUnderWine().objects().stream()
				.filter(p -> p.owners().stream().anyMatch(o -> o.pid() == helper.pid() && o.handle().equals(readEnd)))
				.toList();

		assertEquals(1, pipes.size(), pipes::toString);
		IpcObject pipe = pipes.get(0);
		assertEquals(Set.of(helper.pid(), child), Listing.pids(pipe));
		assertEquals("anonymous", pipe.namespace());
		assertEquals("win_ipc_helper.exe (" + helper.pid() + ")", pipe.details().get("Read end (server)"));
		assertEquals("win_ipc_helper.exe (" + child + ")", pipe.details().get("Write end (client)"));
		if (Wine.isWine()) {
			// Wine's CreatePipe names the pipe, both ends alike: that is what links them.
			assertTrue(pipe.name().matches("Win32\\.Pipes\\.[0-9a-f]{8}\\.[0-9a-f]{8}"), pipe.name());
			assertNull(pipe.problem());
		}
	}

	@Test
	void loopbackTcpAndUdpEndpoints() throws Exception {
		Map<String, String> tcp = helper.command("tcp-listen");
		String udpPort = helper.command("udp").get("port");

		Listing listing = Listing.of(provider, IpcKind.TCP, IpcKind.UDP).withoutProblemsUnderWine();

		IpcObject listener = listing.find(IpcKind.TCP, "127.0.0.1:" + tcp.get("port"));
		assertEquals("listening", listener.details().get("State"));
		assertEquals("IPv4", listener.namespace());
		IpcObject connection = listing.find(IpcKind.TCP,
				"127.0.0.1:" + tcp.get("client") + " -> 127.0.0.1:" + tcp.get("port"));
		assertEquals("established", connection.details().get("State"));
		IpcObject udp = listing.find(IpcKind.UDP, "127.0.0.1:" + udpPort);
		for (IpcObject endpoint : List.of(listener, connection, udp)) {
			if (Wine.isWine()) {
				// Wine 8's tables carry pid 0 for every row: the owner is unknown and the row says so.
				assertEquals(List.of(), endpoint.owners(), endpoint::toString);
				assertTrue(endpoint.problem().startsWith("owner unknown: the system's"), endpoint::toString);
			} else {
				assertEquals(List.of(new Owner(helper.pid(), "win_ipc_helper.exe", "socket", null)), endpoint.owners());
			}
		}
	}

	@Test
	void accessDeniedShowsTheNameTheOwnerAndWhy() throws Exception {
		String name = "Local\\" + unique + "-denied";
		helper.command("denied-section", name, "4096");

		IpcObject section = Listing.of(provider, IpcKind.SECTION).withoutProblemsUnderWine().find(IpcKind.SECTION,
				name);

		assertEquals(IpcObject.UNKNOWN_SIZE, section.size());
		assertEquals("size unknown: access denied (0xC0000022)", section.problem());
		assertEquals("\\Sessions\\" + CurrentSession.id().orElseThrow() + "\\BaseNamedObjects\\" + unique + "-denied",
				section.details().get("NT path"));
		// Who holds it comes from the handle table, which the object's DACL does not guard.
		assertOwnedBy(section, helper);
	}

	@Test
	void onlyTheKindsAskedFor() throws Exception {
		helper.command("event", unique + "-only", "manual", "0");

		Listing listing = Listing.of(provider, IpcKind.SEMAPHORE);

		assertTrue(listing.objects().stream().allMatch(o -> o.kind() == IpcKind.SEMAPHORE), listing.objects()::toString);
	}

	private static void assertSection(IpcObject section, String namespace, long requested) {
		assertEquals(IpcKind.SECTION, section.kind());
		assertEquals(namespace, section.namespace());
		assertNull(section.problem());
		long pages = (requested + PAGE - 1) / PAGE * PAGE;
		if (Wine.isWine()) {
			// Wine rounds the maximum size up to whole pages.
			assertEquals(pages, section.size(), section.name() + " size");
		} else {
			assertTrue(section.size() >= requested && section.size() <= pages, section.name() + " size " + section.size());
		}
		assertTrue(section.details().get("Attributes").contains("SEC_COMMIT"), section.details()::toString);
		assertEquals("page file", section.details().get("Backing"));
	}
}
