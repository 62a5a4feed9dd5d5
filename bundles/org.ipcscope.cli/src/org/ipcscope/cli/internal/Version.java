package org.ipcscope.cli.internal;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** The version of the bundle a class comes from: its jar's Bundle-Version, read once. */
final class Version {

	private Version() {
	}

	/** @return {@code 0.1.0.202612020612}, or "(version unknown)" where the class does not come from a jar */
	static String of(Class<?> type) {
		try {
			Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
			if (Files.isRegularFile(location)) {
				try (JarFile jar = new JarFile(location.toFile())) {
					Manifest manifest = jar.getManifest();
					String version = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-Version");
					if (version != null) {
						return version;
					}
				}
			}
		} catch (IOException | URISyntaxException | RuntimeException e) {
			// a class path of directories (a test run) or an unusual class loader
		}
		return "(version unknown)";
	}
}
