package org.ipcscope.win32.internal.memory;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/**
 * The modules of a process (EnumProcessModulesEx, all of them also in a WOW64 process), each with
 * the sections of its PE image that are shared, read from the image's headers in the process.
 */
final class LoadedModules {

	/** Long paths (\\?\ prefixed) can hold up to 32767 characters. */
	static final int MAX_PATH = 32768;

	private LoadedModules() {
	}

	/** @param process opened with PROCESS_QUERY_INFORMATION and PROCESS_VM_READ */
	static List<LoadedModule> of(OpenedProcess process) {
		List<LoadedModule> modules = new ArrayList<>();
		IntByReference needed = new IntByReference();
		Memory handles = new Memory(1024 * 8);
		try {
			for (int attempt = 0; attempt < 4; attempt++) {
				if (!ProcessFunctions.INSTANCE.K32EnumProcessModulesEx(process.handle(), handles, (int) handles.size(),
						needed, ProcessFunctions.LIST_MODULES_ALL)) {
					return modules;
				}
				if (needed.getValue() <= handles.size()) {
					break;
				}
				handles.close();
				handles = new Memory(needed.getValue() + 64 * 8);
			}
			int count = (int) Math.min(needed.getValue(), handles.size()) / 8;
			char[] name = new char[MAX_PATH];
			try (Memory info = new Memory(24)) {
				for (int i = 0; i < count; i++) {
					Pointer module = handles.getPointer(i * 8L);
					if (!ProcessFunctions.INSTANCE.K32GetModuleInformation(process.handle(), module, info, (int) info.size())) {
						continue;
					}
					long base = Pointer.nativeValue(info.getPointer(0));
					long size = Integer.toUnsignedLong(info.getInt(8));
					int length = ProcessFunctions.INSTANCE.K32GetModuleFileNameExW(process.handle(), module, name, name.length);
					String path = ProcessLayout.upToNul(name, length);
					modules.add(new LoadedModule(fileName(path), base, size, path, sharedSections(process, base)));
				}
			}
		} finally {
			handles.close();
		}
		return modules;
	}

	private static String fileName(String path) {
		int slash = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
		return slash < 0 ? path : path.substring(slash + 1);
	}

	/** @return the image's sections with IMAGE_SCN_MEM_SHARED, read from its headers in the process */
	static List<PeSection> sharedSections(OpenedProcess process, long base) {
		try {
			Optional<ByteBuffer> first = process.readFully(base, PeHeaders.FIRST_READ);
			if (first.isEmpty()) {
				return List.of();
			}
			int length = PeHeaders.headersLength(first.get());
			Optional<ByteBuffer> headers = length <= PeHeaders.FIRST_READ ? first : process.readFully(base, length);
			return headers.map(bytes -> PeHeaders.sections(bytes).stream().filter(PeSection::isShared).toList())
					.orElse(List.of());
		} catch (IllegalArgumentException e) {
			// not an image's headers (unloaded meanwhile): no sections to show
			return List.of();
		}
	}
}
