package org.ipcscope.core.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Native programs packed in a bundle, copied out where they can run (POSIX): written whole under
 * a temporary name and renamed, so that a process that runs the file never sees half of it, and
 * the copies of earlier builds removed.
 */
public final class ProgramCopies {

	private static final String PARTIAL = ".part";

	private ProgramCopies() {
	}

	/** Writes {@code program} to {@code target}, executable by this user only. */
	public static void write(Path target, byte[] program) throws IOException {
		Path directory = target.toAbsolutePath().getParent();
		Files.createDirectories(directory);
		Path partial = Files.createTempFile(directory, target.getFileName().toString(), PARTIAL,
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		try {
			Files.write(partial, program);
			// another JVM may be doing the same: whichever rename comes last leaves the same bytes
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		} finally {
			Files.deleteIfExists(partial);
		}
	}

	/**
	 * Removes the files beside {@code kept} whose names start with {@code prefix} (earlier builds'
	 * copies), leaving {@code kept} and copies other processes are still writing. A failure only
	 * leaves disk space taken.
	 */
	public static void removeOthers(Path kept, String prefix) {
		try (DirectoryStream<Path> others = Files.newDirectoryStream(kept.toAbsolutePath().getParent(), prefix + "*")) {
			for (Path other : others) {
				if (!other.getFileName().equals(kept.getFileName()) && !other.getFileName().toString().endsWith(PARTIAL)) {
					Files.deleteIfExists(other);
				}
			}
		} catch (IOException | RuntimeException e) {
			// they cost only disk space
		}
	}
}
