package org.ipcscope.win32.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.ipcscope.win32.internal.inventory.WindowsIpcProvider;

/**
 * ipcscope's command line (org.ipcscope.cli's Main) in a Windows JVM of its own, as a user's call
 * runs it: the providers come from the win32 bundle's META-INF/services, not from OSGi.
 */
public final class CommandLineJvm {

	private CommandLineJvm() {
	}

	/**
	 * @param service the provider interface whose META-INF/services file the win32 bundle must have
	 *                (checked, so that a missing one fails here and not as "no provider")
	 * @return the started process; its stdin is left open for the caller
	 */
	public static Process start(Class<?> service, String... args) throws Exception {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java.exe").toString(),
				"-Djava.security.properties=" + System.getProperty("java.security.properties"), "-XX:ActiveProcessorCount=2",
				"--enable-native-access=ALL-UNNAMED", "-cp", classPath(service), "org.ipcscope.cli.internal.Main"));
		String jna = System.getProperty("jna.boot.library.path");
		if (jna != null) {
			command.add(1, "-Djna.boot.library.path=" + jna);
		}
		command.addAll(List.of(args));
		return new ProcessBuilder(command).start();
	}

	/** This JVM's class path (it holds org.ipcscope.cli's classes) and the win32 bundle, for its META-INF/services. */
	private static String classPath(Class<?> service) throws Exception {
		Path classes = Path.of(WindowsIpcProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		Path bundle = classes.getParent().getParent();
		assertTrue(Files.isRegularFile(bundle.resolve("META-INF/services/" + service.getName())), bundle.toString());
		String path = System.getProperty("java.class.path");
		assertTrue(path.contains("org.ipcscope.cli"), "org.ipcscope.cli's classes are on the test class path: " + path);
		return path + File.pathSeparator + bundle;
	}
}
