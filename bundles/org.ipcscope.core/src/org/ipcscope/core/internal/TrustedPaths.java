package org.ipcscope.core.internal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Whether another user could change a path (POSIX): the rules by which we write only where no one
 * else can, and run only programs no one else could have changed. A path is safe when it and every
 * directory above it are owned by this process's user or root and writable by no one else: a
 * sticky directory ({@code /tmp}) may be writable by all, as its entries are then safe from
 * renaming by others; a directory writable by its group only when that group is this user's own
 * (user private groups, umask 002) and this user is not root. A symbolic link counts when it is
 * owned by one of those, and what it points to is checked the same way. The ownership is read
 * with {@code lstat}: no link is followed unchecked.
 */
public final class TrustedPaths {

	private static final int TYPE = 0170000;
	private static final int DIRECTORY = 0040000;
	private static final int REGULAR = 0100000;
	private static final int LINK = 0120000;
	private static final int STICKY = 01000;
	private static final int MAX_LINKS = 40;

	private static volatile Integer[] self;

	private TrustedPaths() {
	}

	/** This process's effective user id. */
	public static int uid() throws IOException {
		return ids()[0];
	}

	private static Integer[] ids() throws IOException {
		Integer[] ids = self;
		if (ids == null) {
			// /proc/self belongs to the effective ids
			Map<String, Object> attributes = Files.readAttributes(Path.of("/proc/self"), "unix:uid,gid");
			ids = new Integer[] { (Integer) attributes.get("uid"), (Integer) attributes.get("gid") };
			self = ids;
		}
		return ids;
	}

	/**
	 * Checks that no one but this user and root can change {@code directory} or anything above it.
	 *
	 * @throws NoSuchFileException if part of it does not exist
	 * @throws IOException saying which part another user could change, and why
	 */
	public static void checkDirectory(Path directory) throws IOException {
		check(directory, false);
	}

	/**
	 * Checks that {@code program} is a regular file that no one but this user and root could have
	 * changed, in a directory that is safe as {@link #checkDirectory} says.
	 */
	public static void checkProgram(Path program) throws IOException {
		check(program, true);
	}

	/**
	 * Checks that {@code directory} is this user's own (not a link, owned by this user, mode 0700
	 * or narrower) in a directory that is safe as {@link #checkDirectory} says: a place to write
	 * files that others must not touch.
	 */
	public static void checkPrivate(Path directory) throws IOException {
		Path absolute = directory.toAbsolutePath().normalize();
		if (absolute.getParent() != null) {
			checkDirectory(absolute.getParent());
		}
		Map<String, Object> attributes = attributes(absolute);
		int mode = (Integer) attributes.get("mode");
		if ((mode & TYPE) != DIRECTORY || !attributes.get("uid").equals(uid()) || (mode & 0077) != 0) {
			throw new IOException(absolute + " must be a directory of this user's that no one else may enter, but it is "
					+ describe(attributes));
		}
	}

	/**
	 * Makes {@code directory} and the directories above it that are missing, each only inside a
	 * directory checked safe, with mode 0700; then checks {@code directory} is private.
	 */
	public static Path createPrivate(Path directory) throws IOException {
		Path absolute = create(directory);
		checkPrivate(absolute);
		return absolute;
	}

	/**
	 * Makes {@code directory} and the directories above it that are missing, each only inside a
	 * directory checked safe, with mode 0700; then checks {@code directory} is safe (one that
	 * existed may be open to others for reading).
	 */
	public static Path createDirectory(Path directory) throws IOException {
		Path absolute = create(directory);
		checkDirectory(absolute);
		return absolute;
	}

	private static Path create(Path directory) throws IOException {
		Path absolute = directory.toAbsolutePath().normalize();
		Path parent = absolute.getParent();
		if (parent != null && !Files.exists(parent, LinkOption.NOFOLLOW_LINKS)) {
			create(parent);
		}
		if (parent != null) {
			checkDirectory(parent);
		}
		if (!Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
			try {
				// mkdir never follows a link, and makes nothing where one appeared meanwhile
				Files.createDirectory(absolute,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
			} catch (FileAlreadyExistsException e) {
				// another process made it: checked as any other
			}
		}
		return absolute;
	}

	private static void check(Path path, boolean program) throws IOException {
		Deque<Path> names = new ArrayDeque<>();
		Path absolute = path.toAbsolutePath().normalize();
		absolute.forEach(names::addLast);
		Path current = absolute.getRoot();
		checkOne(current, attributes(current), false);
		int links = 0;
		while (!names.isEmpty()) {
			Path next = current.resolve(names.removeFirst());
			Map<String, Object> attributes = attributes(next);
			int mode = (Integer) attributes.get("mode");
			if ((mode & TYPE) == LINK) {
				checkOwner(next, attributes);
				if (++links > MAX_LINKS) {
					throw new IOException(path + " goes through more than " + MAX_LINKS + " symbolic links");
				}
				// the link cannot change (its directory is safe): follow it, checking from its target's root
				Path target = current.resolve(Files.readSymbolicLink(next)).normalize();
				Deque<Path> rest = new ArrayDeque<>();
				target.forEach(rest::addLast);
				while (!names.isEmpty()) {
					rest.addLast(names.removeFirst());
				}
				names = rest;
				current = target.getRoot();
				continue;
			}
			checkOne(next, attributes, program && names.isEmpty());
			current = next;
		}
	}

	private static void checkOne(Path path, Map<String, Object> attributes, boolean program) throws IOException {
		checkOwner(path, attributes);
		int mode = (Integer) attributes.get("mode");
		int type = mode & TYPE;
		if (program) {
			if (type != REGULAR || (mode & 0022) != 0) {
				throw new IOException(path + " is not a program only its owner may change: it is " + describe(attributes));
			}
			return;
		}
		if (type != DIRECTORY) {
			throw new IOException(path + " is not a directory: it is " + describe(attributes));
		}
		boolean sticky = (mode & STICKY) != 0;
		boolean groupOk = (mode & 0020) == 0 || (uid() != 0 && attributes.get("gid").equals(ids()[1]));
		if (!sticky && (!groupOk || (mode & 0002) != 0)) {
			throw new IOException(path + " may be changed by other users: it is " + describe(attributes));
		}
	}

	private static void checkOwner(Path path, Map<String, Object> attributes) throws IOException {
		Object owner = attributes.get("uid");
		if (!owner.equals(0) && !owner.equals(uid())) {
			throw new IOException(path + " belongs to another user: it is " + describe(attributes));
		}
	}

	private static Map<String, Object> attributes(Path path) throws IOException {
		return Files.readAttributes(path, "unix:uid,gid,mode", LinkOption.NOFOLLOW_LINKS);
	}

	/** For messages: "a directory of uid 1001, mode 777". */
	static String describe(Map<String, Object> attributes) throws IOException {
		int mode = (Integer) attributes.get("mode");
		String type = switch (mode & TYPE) {
		case DIRECTORY -> "a directory";
		case REGULAR -> "a file";
		case LINK -> "a symbolic link";
		default -> "a special file";
		};
		Object owner = attributes.get("uid");
		return type + " of " + (owner.equals(uid()) ? "this user" : "uid " + owner) + ", mode "
				+ Integer.toOctalString(mode & 07777);
	}
}
