package org.ipcscope.win32.internal.traffic;

import java.io.IOException;
import java.nio.file.Path;

import org.ipcscope.win32.internal.BundledDll;

import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinDef.HMODULE;

/**
 * ipcscope_capture.dll (native/capture/, built into this bundle): its file, and where its start
 * function and kernel32's loader functions are relative to the module, which is the same in every
 * process that loads the same file.
 */
final class CaptureDll {

	static final String RESOURCE = "win32-x86-64/ipcscope_capture.dll";
	static final String FILE_NAME = "ipcscope_capture.dll";

	private static CaptureDll loaded;

	final Path file;
	/** capture_start's offset from the module's base */
	final long startOffset;
	/** kernel32's LoadLibraryW and FreeLibrary: kernel32 is at the same address in every process of a session */
	final long loadLibrary;
	final long freeLibrary;

	private CaptureDll(Path file, long startOffset, long loadLibrary, long freeLibrary) {
		this.file = file;
		this.startOffset = startOffset;
		this.loadLibrary = loadLibrary;
		this.freeLibrary = freeLibrary;
	}

	static synchronized CaptureDll load() throws IOException {
		if (loaded == null) {
			Path file = BundledDll.extract(RESOURCE, "Traffic capture");
			HMODULE module = Kernel32.INSTANCE.LoadLibraryEx(file.toString(), null, 0);
			if (module == null) {
				throw new IOException("Could not load " + file + ": error " + Kernel32.INSTANCE.GetLastError());
			}
			long base = Pointer.nativeValue(module.getPointer());
			long start = address(module, "capture_start");
			HMODULE kernel32 = Kernel32.INSTANCE.GetModuleHandle("kernel32.dll");
			loaded = new CaptureDll(file, start - base, address(kernel32, "LoadLibraryW"),
					address(kernel32, "FreeLibrary"));
		}
		return loaded;
	}

	private static long address(HMODULE module, String name) throws IOException {
		Pointer function = RemoteCalls.INSTANCE.GetProcAddress(module, name);
		if (function == null) {
			throw new IOException("No " + name + " in " + module + ": error " + Kernel32.INSTANCE.GetLastError());
		}
		return Pointer.nativeValue(function);
	}
}
