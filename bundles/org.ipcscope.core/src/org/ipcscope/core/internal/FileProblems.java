package org.ipcscope.core.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Map;

import org.ipcscope.core.text.NameBytes;

/**
 * Why a file could not be opened, in words: the JDK's file exceptions carry only the path
 * ("/nonexistent/f"), which tells a user nothing about what to change.
 */
public final class FileProblems {

	private FileProblems() {
	}

	/**
	 * @return "PATH: no such directory /a", "PATH: permission denied: owned by uid 0, mode 0600"
	 *         and the like; the exception's own message when it is not about a file
	 */
	public static String describe(IOException e) {
		if (!(e instanceof FileSystemException problem) || problem.getFile() == null) {
			return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
		}
		try {
			return describe(NameBytes.path(problem.getFile()), e);
		} catch (InvalidPathException notAPath) {
			return e.getMessage();
		}
	}

	/** @param file what was opened: some of the JDK's exceptions (ELOOP) do not name it */
	public static String describe(Path file, IOException e) {
		String reason;
		if (Files.isSymbolicLink(file) && e.getMessage() != null && e.getMessage().contains("symbolic link")) {
			reason = "a symbolic link, not followed (someone else may have put it there)";
		} else if (e instanceof NoSuchFileException) {
			Path missing = firstMissing(file);
			reason = missing == null || missing.equals(file) ? "no such file or directory" : "no such directory " + missing;
		} else if (e instanceof AccessDeniedException) {
			reason = "permission denied: " + whyDenied(file);
		} else if (e instanceof NotDirectoryException) {
			reason = "not a directory";
		} else if (e instanceof FileSystemException problem && problem.getReason() != null) {
			reason = problem.getReason();
		} else {
			reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
		}
		return NameBytes.name(file) + ": " + reason;
	}

	/** @return the first of the path's directories that does not exist, or the path itself */
	private static Path firstMissing(Path file) {
		Path absolute = file.toAbsolutePath();
		Path at = absolute.getRoot();
		for (Path name : absolute) {
			at = at == null ? name : at.resolve(name);
			if (!Files.exists(at, LinkOption.NOFOLLOW_LINKS)) {
				return at;
			}
		}
		return null;
	}

	/** The owner and mode of the file, or of the directory on its way that may not be entered. */
	private static String whyDenied(Path file) {
		Path absolute = file.toAbsolutePath();
		Path at = absolute.getRoot();
		for (Path name : absolute) {
			Path next = at == null ? name : at.resolve(name);
			if (!next.equals(absolute) && Files.isDirectory(next) && !Files.isExecutable(next)) {
				return "directory " + next + " is " + ownerAndMode(next) + " and may not be entered";
			}
			at = next;
		}
		return ownerAndMode(absolute);
	}

	private static String ownerAndMode(Path path) {
		try {
			Map<String, Object> unix = Files.readAttributes(path, "unix:uid,mode", LinkOption.NOFOLLOW_LINKS);
			return String.format("owned by uid %d, mode %04o", (Integer) unix.get("uid"), (Integer) unix.get("mode") & 07777);
		} catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
			return "its owner and mode cannot be read either";
		}
	}
}
