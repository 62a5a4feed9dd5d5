package org.ipcscope.linux.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.ipcscope.core.Inventory;
import org.ipcscope.core.InventorySnapshot;
import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;
import org.ipcscope.core.InventoryService;
import org.ipcscope.tests.support.HelperProcess;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** Many objects, objects that vanish while listed, and objects of another user. */
class InventoryRobustnessTest {

	private static final int MANY = 5000;
	private static final int MIN_ROUNDS = 10;

	@Test
	void findsFiveThousandObjectsAtOnce() throws Exception {
		String prefix = "/ipcscope-many-" + ProcessHandle.current().pid();
		try (HelperProcess helper = HelperProcess.start(1, HelperProcess.helper("ipc_helper").toString(), "many",
				prefix, Integer.toString(MANY))) {
			InventorySnapshot snapshot = Inventory.collect(List.of(new LinuxIpcProvider()), Set.of(IpcKind.POSIX_SHM));
			Map<String, Long> sizes = snapshot.objects().stream().filter(o -> o.name().startsWith(prefix + "-"))
					.collect(Collectors.toMap(IpcObject::name, IpcObject::size));
			assertEquals(MANY, sizes.size());
			for (int i = 0; i < MANY; i++) {
				assertEquals(4096 + i, sizes.get(prefix + "-" + i), prefix + "-" + i);
			}
		}
	}

	@Test
	void objectsVanishingWhileListedNeverBreakTheListing() throws Exception {
		String prefix = "/ipcscope-churn-" + ProcessHandle.current().pid();
		try (HelperProcess helper = HelperProcess.start(1, HelperProcess.helper("ipc_helper").toString(), "churn",
				prefix)) {
			LinuxIpcProvider provider = new LinuxIpcProvider();
			// The listings race the churn only if they see its objects: go on until enough of them did
			int rounds = 0;
			int sawChurn = 0;
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
			while (rounds < MIN_ROUNDS || sawChurn < MIN_ROUNDS / 2) {
				assertTrue(System.nanoTime() < deadline,
						"only " + sawChurn + " of " + rounds + " listings saw a churned object in 120 s");
				InventorySnapshot snapshot = Inventory.collect(List.of(provider), Set.of());
				// Inventory turns a provider's exception into a problem: there must be none
				assertTrue(snapshot.problems().stream().noneMatch(p -> p.contains("failed")), snapshot.problems().toString());
				rounds++;
				if (snapshot.objects().stream().anyMatch(o -> o.name().contains(prefix))) {
					sawChurn++;
				}
			}
		}
	}

	@Test
	void objectsOfAnotherUserShowWhatIsKnownAndWhyTheRestIsNot() throws Exception {
		String name = "/ipcscope-foreign-" + ProcessHandle.current().pid();
		assumeTrue((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid") == 0,
				"runs as root only: it starts a listing as user nobody");
		try (HelperProcess helper = HelperProcess.start(1, HelperProcess.helper("ipc_helper").toString(), "posix",
				name, "12288")) {
			String json = runAsNobody();
			int at = json.indexOf("\"name\": \"" + name + "\"");
			assertTrue(at > 0, "segment of root not listed for nobody: " + json);
			String row = json.substring(json.lastIndexOf('{', at), json.indexOf('\n', at));
			assertTrue(row.contains("\"size\": 12288"), row);
			assertTrue(row.contains("\"owners\": []"), row);
			assertTrue(row.contains("\"problem\": \"owners unknown: "), row);
			assertTrue(json.contains("processes not visible: they belong to other users"), json);
		}
	}

	/** Runs {@link InventoryDump} as user nobody, with copies of the jars it can read. */
	private static String runAsNobody() throws IOException, InterruptedException, URISyntaxException {
		Path dir = Files.createTempDirectory("ipcscope-nobody", PosixFilePermissions.asFileAttribute(
				PosixFilePermissions.fromString("rwxr-xr-x")));
		List<String> classPath = new ArrayList<>();
		for (Class<?> type : List.of(InventoryService.class, LinuxIpcProvider.class, com.sun.jna.Native.class,
				InventoryDump.class)) {
			Path source = location(type);
			Path copy = dir.resolve(classPath.size() + "-" + source.getFileName());
			if (Files.isDirectory(source)) {
				copyTree(source, copy);
			} else {
				Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
			}
			classPath.add(copy.toString());
		}
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Process process = new ProcessBuilder("runuser", "-u", "nobody", "--", java.toString(), "-cp",
				String.join(":", classPath), InventoryDump.class.getName()).redirectErrorStream(false).start();
		byte[] out = process.getInputStream().readAllBytes();
		assertTrue(process.waitFor(60, TimeUnit.SECONDS), "dump as nobody did not end");
		String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		assertEquals(0, process.exitValue(), err);
		return new String(out, StandardCharsets.UTF_8);
	}

	private static Path location(Class<?> type) throws URISyntaxException {
		Bundle bundle = FrameworkUtil.getBundle(type);
		String location = bundle == null ? null : bundle.getLocation();
		if (location != null && location.contains("file:")) {
			Path path = Path.of(location.substring(location.indexOf("file:") + "file:".length()));
			if (Files.exists(path)) {
				return path;
			}
		}
		return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
	}

	private static void copyTree(Path source, Path target) throws IOException {
		try (var paths = Files.walk(source)) {
			for (Path path : (Iterable<Path>) paths::iterator) {
				Path copy = target.resolve(source.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(copy);
				} else {
					Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}
}
