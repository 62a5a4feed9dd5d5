package org.ipcscope.linux.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

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
			assertEquals(1, files.filter(f -> f.getFileName().toString().startsWith("ipcscope-proc-jar-")).count());
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
