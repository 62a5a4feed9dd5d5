package org.ipcscope.cli.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * The jars a resident server runs from, as they were when it started: a rebuilt or removed jar
 * means the server would answer with old code, so it declines and exits.
 */
final class ProductStamp {

	private final List<String> classPath = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
	private final List<String> atStart = stamps();

	List<String> classPath() {
		return classPath;
	}

	boolean changed() {
		return !atStart.equals(stamps());
	}

	private List<String> stamps() {
		return classPath.stream().map(ProductStamp::stamp).toList();
	}

	/** A class path entry's size and time, or that it is gone: a rebuild changes one of them. */
	private static String stamp(String entry) {
		try {
			BasicFileAttributes attributes = Files.readAttributes(Path.of(entry), BasicFileAttributes.class);
			return entry + " " + attributes.size() + " " + attributes.lastModifiedTime().toMillis();
		} catch (IOException | RuntimeException e) {
			return entry + " gone";
		}
	}
}
