package org.ipcscope.win32.internal.sniff;

import java.io.IOException;
import java.nio.file.Path;

import org.ipcscope.win32.internal.BundledDll;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/**
 * ipcscope_copydata.dll (native/copydata/, built into this bundle), copied out by {@link BundledDll}.
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
		return BundledDll.extract(RESOURCE, "In-process capture");
	}
}
