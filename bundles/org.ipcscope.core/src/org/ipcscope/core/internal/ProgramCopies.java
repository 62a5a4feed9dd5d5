package org.ipcscope.core.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.zip.CRC32;

/**
 * Native programs packed in a bundle, copied out where they can run (POSIX): only into a directory
 * no one else can change ({@link TrustedPaths#createDirectory}), written whole under a temporary
 * name and renamed, so that a process that runs the file never sees half of it, with a record of
 * its size and checksum beside it ({@code NAME.sum}); the copies of earlier builds removed. A copy
 * runs only when {@link #check} finds it safe and intact: no one but this user or root could have
 * changed it (that is what keeps other users out), and its bytes are what was written (that
 * catches a copy damaged, or another program put under its name, by this user).
 */
public final class ProgramCopies {

	private static final String PARTIAL = ".part";
	private static final String RECORD = ".sum";

	private ProgramCopies() {
	}

	/** Writes {@code program} to {@code target}, executable by this user only, and its record. */
	public static void write(Path target, byte[] program) throws IOException {
		Path directory = TrustedPaths.createDirectory(target.toAbsolutePath().getParent());
		Path file = directory.resolve(target.getFileName());
		// another JVM may be doing the same: whichever rename comes last leaves the same bytes
		replace(directory, file.getFileName() + RECORD, record(program).getBytes(StandardCharsets.US_ASCII));
		replace(directory, file.getFileName().toString(), program);
	}

	/** Writes {@code bytes} to a new file (mode 0700: never through a link) and renames it to {@code name}. */
	private static void replace(Path directory, String name, byte[] bytes) throws IOException {
		Path partial = Files.createTempFile(directory, name, PARTIAL,
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		try {
			Files.write(partial, bytes, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
			Files.move(partial, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		} finally {
			Files.deleteIfExists(partial);
		}
	}

	/**
	 * Checks that {@code program} may run: safe from other users ({@link TrustedPaths#checkProgram})
	 * and as it was written (its size and checksum are those recorded beside it).
	 *
	 * @throws IOException saying why not
	 */
	public static void check(Path program) throws IOException {
		TrustedPaths.checkProgram(program);
		Path record = program.resolveSibling(program.getFileName() + RECORD);
		TrustedPaths.checkProgram(record);
		if (!record(Files.readAllBytes(program)).equals(Files.readString(record, StandardCharsets.US_ASCII))) {
			throw new IOException(program + " is not the program that was copied there (its size or checksum differs)");
		}
	}

	/** Whether {@link #check} passes. */
	public static boolean isIntact(Path program) {
		try {
			check(program);
			return true;
		} catch (IOException | RuntimeException e) {
			return false;
		}
	}

	private static String record(byte[] program) {
		CRC32 crc = new CRC32();
		crc.update(program);
		return program.length + " " + Long.toHexString(crc.getValue()) + "\n";
	}

	/**
	 * Removes the files beside {@code kept} whose names start with {@code prefix} (earlier builds'
	 * copies and their records), leaving {@code kept}, its record and copies other processes are
	 * still writing. A failure only leaves disk space taken.
	 */
	public static void removeOthers(Path kept, String prefix) {
		String keptName = kept.getFileName().toString();
		try (DirectoryStream<Path> others = Files.newDirectoryStream(kept.toAbsolutePath().getParent(), prefix + "*")) {
			for (Path other : others) {
				String name = other.getFileName().toString();
				if (!name.equals(keptName) && !name.equals(keptName + RECORD) && !name.endsWith(PARTIAL)) {
					Files.deleteIfExists(other);
				}
			}
		} catch (IOException | RuntimeException e) {
			// they cost only disk space
		}
	}
}
