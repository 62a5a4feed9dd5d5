package org.ipcscope.win32.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;
import org.ipcscope.core.ProviderResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * A separate Windows process (native/win_shm_helper.c) creates a Local and a Global section;
 * the provider must find both with the right names and sizes, and lose them when it exits.
 */
@EnabledOnOs(OS.WINDOWS)
class WindowsSectionProviderTest {

	private static final long PAGE = 4096;
	private static final long LOCAL_SIZE = 100_000;
	private static final long GLOBAL_SIZE = 3L * 1024 * 1024 + 5;

	private final String unique = "ipcscope-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
	private final String localName = "Local\\" + unique + "-local";
	private final String globalName = "Global\\" + unique + "-global";
	private Process helper;

	@AfterEach
	void stopHelper() {
		if (helper != null && helper.isAlive()) {
			helper.destroyForcibly();
		}
	}

	@Test
	void findsSectionsOfAnotherProcessAndLosesThemWhenItExits() throws Exception {
		startHelper();

		Map<String, IpcObject> found = sections(new WindowsSectionProvider().list());

		assertSection(found.get(localName), "Local", LOCAL_SIZE);
		assertSection(found.get(globalName), "Global", GLOBAL_SIZE);
		int session = CurrentSession.id().orElseThrow();
		assertEquals("\\Sessions\\" + session + "\\BaseNamedObjects\\" + unique + "-local",
				found.get(localName).details().get("NT path"));
		assertEquals("\\BaseNamedObjects\\" + unique + "-global", found.get(globalName).details().get("NT path"));

		helper.getOutputStream().close();
		assertTrue(helper.waitFor(20, TimeUnit.SECONDS), "helper did not exit after stdin closed");
		assertEquals(0, helper.exitValue(), "helper exit code");

		Map<String, IpcObject> after = sections(new WindowsSectionProvider().list());
		assertEquals(Optional.empty(), Optional.ofNullable(after.get(localName)));
		assertEquals(Optional.empty(), Optional.ofNullable(after.get(globalName)));
	}

	private void startHelper() throws IOException {
		String helpers = System.getProperty("ipcscope.win32.helpers");
		assertNotNull(helpers, "system property ipcscope.win32.helpers (directory of the native helpers) not set");
		Path exe = Path.of(helpers, "win_shm_helper.exe");
		assertTrue(Files.isRegularFile(exe), "no helper at " + exe);
		helper = new ProcessBuilder(exe.toString(), localName, Long.toString(LOCAL_SIZE), globalName,
				Long.toString(GLOBAL_SIZE)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		BufferedReader out = new BufferedReader(new InputStreamReader(helper.getInputStream(), StandardCharsets.UTF_8));
		String first = assertTimeoutPreemptively(Duration.ofSeconds(30), out::readLine, "helper did not answer");
		assertEquals("READY", first, "helper's first line");
	}

	private static Map<String, IpcObject> sections(ProviderResult result) {
		if (Wine.isWine()) {
			// Real Windows may deny other sessions' directories; Wine has nothing to deny.
			assertEquals(List.of(), result.problems(), "problems");
		}
		return result.objects().stream().collect(Collectors.toMap(IpcObject::name, Function.identity()));
	}

	private static void assertSection(IpcObject section, String namespace, long requested) {
		assertNotNull(section, "not listed");
		assertEquals(IpcKind.SECTION, section.kind());
		assertEquals(namespace, section.namespace());
		assertEquals(null, section.problem());
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
