package org.ipcscope.linux.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.ipcscope.tests.support.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A helper packed in a jar on the class path (the command line's case) is copied out once, named
 * after the jar's path, size and time, and found again without reading the jar; a new build of
 * the jar gets a new copy and the old one goes.
 */
class NativeHelperTest {

	@TempDir
	Path temp;

	@Test
	void copyFromAJarIsFoundByTheJarsStatAndReplacedWithIt() throws Exception {
		Path cache = temp.resolve("cache");
		Path jar = temp.resolve("bundle.jar");
		byte[] first = Files.readAllBytes(NativeHelper.PROC_SCANNER.path());
		writeJar(jar, first, 1_000_000);
		NativeHelper helper = new NativeHelper("ipcscope-proc", cache);
		URL url = new URL("jar:" + jar.toUri() + "!/native/amd64/ipcscope-proc");

		Path copy = helper.locate(url);
		assertNotNull(copy);
		assertTrue(copy.getFileName().toString().startsWith("ipcscope-proc-jar-"), copy.toString());
		assertTrue(Files.isExecutable(copy));
		assertArrayEquals(first, Files.readAllBytes(copy));
		assertEquals(0, new ProcessBuilder(copy.toString(), "/proc").redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start().waitFor(), "the copy does not run");

		// same path, size and time: the copy is used as it is, the jar not read (here: not readable)
		byte[] garbage = new byte[(int) Files.size(jar)];
		Files.write(jar, garbage);
		Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000_000));
		assertEquals(copy, helper.locate(url));

		// a new build of the jar: a new copy, and the earlier one is gone
		byte[] second = first.clone();
		second[second.length - 1] ^= 1;
		writeJar(jar, second, 2_000_000);
		Path newCopy = helper.locate(url);
		assertNotNull(newCopy);
		assertNotEquals(copy, newCopy);
		assertArrayEquals(second, Files.readAllBytes(newCopy));
		assertFalse(Files.exists(copy), "the earlier build's copy was left");
		try (Stream<Path> files = Files.list(cache)) {
			assertEquals(List.of(newCopy.getFileName().toString(), newCopy.getFileName() + ".sum"), files.map(f -> f.getFileName().toString())
					.filter(f -> f.startsWith("ipcscope-proc-jar-")).sorted().toList());
		}
	}

	@Test
	void aCopyChangedAfterItWasWrittenIsWrittenAgainBeforeItRuns() throws Exception {
		Path cache = temp.resolve("cache");
		Path jar = temp.resolve("bundle.jar");
		byte[] program = Files.readAllBytes(NativeHelper.PROC_SCANNER.path());
		writeJar(jar, program, 1_000_000);
		URL url = new URL("jar:" + jar.toUri() + "!/native/amd64/ipcscope-proc");
		Path copy = new NativeHelper("ipcscope-proc", cache).locate(url);
		assertNotNull(copy);

		// other bytes under its name: not what was copied, so copied again
		Path witness = temp.resolve("witness");
		Files.writeString(copy, "#!/bin/sh\ntouch " + witness + "\n");
		assertEquals(copy, new NativeHelper("ipcscope-proc", cache).locate(url));
		assertArrayEquals(program, Files.readAllBytes(copy));

		// writable by others: anyone could have changed it
		Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxrwxrwx"));
		assertEquals(copy, new NativeHelper("ipcscope-proc", cache).locate(url));
		assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(copy));
		assertFalse(Files.exists(witness));
	}

	@Test
	void rootRunsNoProgramFromAnotherUsersCache() throws Exception {
		assumeTrue(TestUser.canCreate(), "needs root to create the user whose cache root is pointed to (useradd)");
		Path jar = temp.resolve("bundle.jar");
		writeJar(jar, Files.readAllBytes(NativeHelper.PROC_SCANNER.path()), 1_000_000);
		URL url = new URL("jar:" + jar.toUri() + "!/native/amd64/ipcscope-proc");
		// the name a copy of this jar's scanner gets
		String name = new NativeHelper("ipcscope-proc", temp.resolve("own-cache")).locate(url).getFileName().toString();
		Path witness = temp.resolve("witness");
		try (TestUser user = TestUser.create("ipcsnh")) {
			// what root with HOME or XDG_CACHE_HOME of this user's would use: the user planted a scanner there
			Path cache = user.home().resolve(".cache/ipcscope");
			user.run("mkdir", "-p", cache.toString());
			Path planted = cache.resolve(name);
			user.run("sh", "-c", "printf '#!/bin/sh\\ntouch %s\\n' \"$1\" >\"$2\" && chmod 755 \"$2\"", "-", witness.toString(),
					planted.toString());
			byte[] plantedBytes = Files.readAllBytes(planted);

			Path located = new NativeHelper("ipcscope-proc", cache).locate(url);
			if (located != null) {
				// as the inventory would
				new ProcessBuilder(located.toString(), "/proc").redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
			}
			assertEquals(null, located, "a program in another user's directory was chosen");
			assertFalse(Files.exists(witness), "root ran the program the user planted");
			assertArrayEquals(plantedBytes, Files.readAllBytes(planted));
			try (Stream<Path> files = Files.list(cache)) {
				assertEquals(List.of(planted), files.toList(), "root wrote into the user's directory");
			}
		}
	}

	private static void writeJar(Path jar, byte[] program, long time) throws IOException {
		try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
			out.putNextEntry(new JarEntry("native/amd64/ipcscope-proc"));
			out.write(program);
			out.closeEntry();
		}
		Files.setLastModifiedTime(jar, FileTime.fromMillis(time));
	}
}
