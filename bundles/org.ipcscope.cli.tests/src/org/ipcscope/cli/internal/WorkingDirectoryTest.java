package org.ipcscope.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@code ./ipcscope} started in a working directory the JVM cannot start in: one removed meanwhile,
 * and one whose path is longer than PATH_MAX. The JVM printed "Error occurred during initialization
 * of VM" and a stack trace on stdout; the script now says what is wrong in one line, before any JVM.
 */
class WorkingDirectoryTest {

	private static final String MESSAGE = "ipcscope: Java cannot run in this working directory: it was removed, or its"
			+ " path is longer than 4095 bytes; cd to another one";

	@Test
	void removedAndTooDeepDirectoriesGetOneLineAndExitCode4() throws Exception {
		String root = System.getProperty("ipcscope.root");
		assertNotNull(root, "the system property ipcscope.root (set in this module's pom) names the repository");
		Path script = Path.of(root, "ipcscope");
		Path work = Files.createTempDirectory("ipcscope-cwd");
		try {
			// bash as the parent: Java cannot start a process in a directory that is gone
			Path removed = work.resolve("removed");
			CliJvm.Run gone = CliJvm.run(List.of("bash", "-c", "mkdir \"$1\" && cd \"$1\" && rmdir \"$1\" && exec \"$2\" list",
					"-", removed.toString(), script.toString()), work);
			assertRefused(gone);

			// 22 levels of 200 bytes: more than PATH_MAX, made a level at a time (mkdir -p takes at most PATH_MAX)
			CliJvm.Run tooDeep = CliJvm.run(List.of("bash", "-c",
					"for i in $(seq 22); do mkdir \"$1\" && cd \"$1\" || exit 9; done; exec \"$2\" list", "-", "d".repeat(200),
					script.toString()), work);
			assertRefused(tooDeep);
		} finally {
			CliJvm.run(List.of("rm", "-rf", work.toString()), Path.of("/"));
		}
	}

	private static void assertRefused(CliJvm.Run run) {
		assertEquals(CommandLine.EXIT_NOT_FOUND, run.exit(), run.err());
		assertEquals("", run.out());
		// bash itself may say first that it cannot tell its directory ("shell-init: error retrieving...")
		List<String> lines = run.err().lines().toList();
		assertEquals(MESSAGE, lines.get(lines.size() - 1), run.err());
		assertTrue(lines.size() == 1 || lines.size() == 2 && lines.get(0).startsWith("shell-init: "), run.err());
	}
}
