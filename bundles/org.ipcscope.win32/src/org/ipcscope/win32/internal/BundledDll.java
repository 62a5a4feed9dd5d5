package org.ipcscope.win32.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A DLL of this bundle that is loaded into other processes, copied out to a path that stays the
 * same for the same bytes: a target may keep it loaded after we are gone, so a later capture of
 * the same target must find the very same module there.
 */
public final class BundledDll {

	private BundledDll() {
	}

	/**
	 * @param resource the DLL on this bundle's class path ({@code win32-x86-64/x.dll})
	 * @param what     what needs it, for the message when it is missing
	 * @return the DLL's file in the user's temporary directory
	 */
	public static Path extract(String resource, String what) throws IOException {
		byte[] bytes;
		try (InputStream in = BundledDll.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IOException(what + " is not available: " + resource + " is missing from this build.");
			}
			bytes = in.readAllBytes();
		}
		String digest;
		try {
			digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
		} catch (NoSuchAlgorithmException e) {
			throw new IOException(e);
		}
		String fileName = resource.substring(resource.lastIndexOf('/') + 1);
		String stem = fileName.substring(0, fileName.lastIndexOf('.')).replace('_', '-');
		Path directory = Path.of(System.getProperty("java.io.tmpdir"), stem + "-" + digest);
		Path file = directory.resolve(fileName);
		if (Files.isRegularFile(file) && Files.size(file) == bytes.length) {
			return file;
		}
		Files.createDirectories(directory);
		Path part = Files.createTempFile(directory, "dll", ".part");
		Files.write(part, bytes);
		try {
			Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
		} catch (IOException e) {
			// another capture put it there first (and a loaded DLL cannot be replaced anyway)
			Files.deleteIfExists(part);
			if (!Files.isRegularFile(file)) {
				throw e;
			}
		}
		return file;
	}
}
