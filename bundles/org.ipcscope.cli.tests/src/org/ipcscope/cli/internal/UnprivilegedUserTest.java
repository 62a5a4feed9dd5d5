package org.ipcscope.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

import org.ipcscope.tests.support.HelperProcess;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The command line run as user nobody on what belongs to root: a segment nobody may not read and
 * process 1. Before, the segment's message was its bare path, and the refusal told nobody that the
 * process "must run as your user (or you as root)".
 */
class UnprivilegedUserTest {

	@Test
	void refusalsSayWhoOwnsWhat() throws Exception {
		Assumptions.assumeTrue((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0,
				"runs commands as user nobody: only root can");
		String name = "/ipcscope-private-" + ProcessHandle.current().pid();
		Path scratch = Files.createTempDirectory("ipcscope-nobody");
		try (HelperProcess helper = HelperProcess.start(1, HelperProcess.helper("ipc_helper").toString(), "posix", name,
				"4096")) {
			Path segment = Path.of("/dev/shm" + name);
			Files.setPosixFilePermissions(segment, PosixFilePermissions.fromString("rw-------"));
			int nobody = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0 ? uid("nobody") : -1;

			CliJvm.Run hex = CliJvm.runAs("nobody", scratch, "hex", name);
			assertEquals(CommandLine.EXIT_NOT_FOUND, hex.exit(), hex.err());
			assertEquals("Cannot read " + name + ": " + segment + ": permission denied: owned by uid 0, mode 0600\n",
					hex.err());

			CliJvm.Run regions = CliJvm.runAs("nobody", scratch, "regions", "1");
			assertEquals(CommandLine.EXIT_NOT_FOUND, regions.exit(), regions.err());
			assertEquals("reading process 1 was refused: it runs as uid " + ownerOfProcess1() + " and you are uid " + nobody
					+ "; only its user or root may read it\n", regions.err());
		} finally {
			try (Stream<Path> files = Files.walk(scratch)) {
				files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
			}
		}
	}

	private static int uid(String user) throws Exception {
		CliJvm.Run id = CliJvm.run(java.util.List.of("id", "-u", user), Path.of("/"));
		return Integer.parseInt(id.out().strip());
	}

	private static String ownerOfProcess1() throws Exception {
		return Files.readAllLines(Path.of("/proc/1/status")).stream().filter(l -> l.startsWith("Uid:")).findFirst()
				.orElseThrow().substring(4).strip().split("\\s+")[0];
	}
}
