package org.ipcscope.win32.internal.sniff;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/**
 * ipcscope_copydata.dll (native/copydata/, built into this bundle) at a path that stays the same
 * for the same DLL: the target loads it from that path and may keep it loaded after we are gone,
 * so a later capture of the same target must find the very same module there.
 */
final class CopyDataDll {

	static final String RESOURCE = "win32-x86-64/ipcscope_copydata.dll";
	/** The message the DLL's hook answers to: wParam ATTACH or DETACH, lParam the section's nonce. */
	static final String CONTROL_MESSAGE = "org.ipcscope.copydata.control";
	static final int ATTACH = 1;
	static final int DETACH = 2;

	private static CopyDataDll loaded;

	private final Path file;
	private final Function install;

	private CopyDataDll(Path file) {
		this.file = file;
		this.install = NativeLibrary.getInstance(file.toString()).getFunction("copydata_install");
	}

	static synchronized CopyDataDll load() throws IOException {
		if (loaded == null) {
			loaded = new CopyDataDll(extract());
		}
		return loaded;
	}

	Path file() {
		return file;
	}

	/**
	 * @param threadId the target window's thread
	 * @return the hook's handle (0 on failure, with the error in {@code error})
	 */
	long install(long threadId, IntByReference error) {
		Pointer hook = (Pointer) install.invoke(Pointer.class, new Object[] { (int) threadId, error });
		return Pointer.nativeValue(hook);
	}

	private static Path extract() throws IOException {
		byte[] bytes;
		try (InputStream in = CopyDataDll.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IOException("In-process capture is not available: " + RESOURCE + " is missing from this build.");
			}
			bytes = in.readAllBytes();
		}
		String digest;
		try {
			digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
		} catch (NoSuchAlgorithmException e) {
			throw new IOException(e);
		}
		Path directory = Path.of(System.getProperty("java.io.tmpdir"), "ipcscope-copydata-" + digest);
		Path file = directory.resolve("ipcscope_copydata.dll");
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
