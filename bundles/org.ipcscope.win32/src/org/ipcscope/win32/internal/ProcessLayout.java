package org.ipcscope.win32.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.Tlhelp32;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinDef.DWORD;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.ptr.IntByReference;

/**
 * What is known about the pages of a process beyond VirtualQueryEx: its modules (with their
 * shared sections, from the PE headers in its memory), its heaps (the PEB's ProcessHeaps array:
 * GetProcessHeaps answers only for the calling process), its PEB, and each thread's TEB and stack
 * (NtQueryInformationThread, then the TEB's NT_TIB). Every part is best effort: what cannot be
 * read is left out, so the region map still shows the pages without those tags.
 */
final class ProcessLayout {

	private static final int MAX_PATH = 32768;
	/** The PEB of Windows 10 x64 is 0x7C8 bytes. */
	private static final int PEB_SIZE = 0x7C8;

	private final OpenedProcess process;
	private final List<LoadedModule> modules;

	private ProcessLayout(OpenedProcess process, List<LoadedModule> modules) {
		this.process = process;
		this.modules = modules;
	}

	/** @param process opened with PROCESS_QUERY_INFORMATION and PROCESS_VM_READ */
	static ProcessLayout of(OpenedProcess process) {
		return new ProcessLayout(process, readModules(process));
	}

	List<LoadedModule> modules() {
		return modules;
	}

	/** Every run of pages from address 0 to the end of the user address space. */
	static List<MemoryBasicInformation> walk(OpenedProcess process) {
		List<MemoryBasicInformation> runs = new ArrayList<>();
		long address = 0;
		while (Long.compareUnsigned(address, WindowsProcessMemorySource.ADDRESS_SPACE) < 0) {
			Optional<MemoryBasicInformation> run = process.query(address);
			if (run.isEmpty() || run.get().end() <= address) {
				break;
			}
			runs.add(run.get());
			address = run.get().end();
		}
		return runs;
	}

	/**
	 * @return tags of whole allocations: "heap (default)" for the process heap, "heap" for the
	 *         others the PEB lists or, where it lists none, for each private allocation that starts
	 *         with a heap segment's signature
	 */
	Map<Long, String> heapTags(List<MemoryBasicInformation> runs) {
		Map<Long, String> tags = new HashMap<>();
		Optional<PebHeaps> heaps = process.readFully(process.pebAddress(), PebHeaps.SIZE).map(PebHeaps::decode);
		if (heaps.isPresent() && heaps.get().hasHeapArray()) {
			int count = heaps.get().numberOfHeaps();
			process.readFully(heaps.get().processHeaps(), count * 8).ifPresent(array -> {
				ByteBuffer handles = array.order(ByteOrder.LITTLE_ENDIAN);
				for (int i = 0; i < count; i++) {
					long heap = handles.getLong(i * 8);
					if (heap != 0) {
						tags.put(heap, "heap");
					}
				}
			});
		} else {
			for (MemoryBasicInformation run : runs) {
				if (run.baseAddress() == run.allocationBase() && run.type() == MemoryBasicInformation.MEM_PRIVATE
						&& run.isReadable() && process.readFully(run.baseAddress(), HeapSignature.LENGTH)
								.filter(HeapSignature::isHeap).isPresent()) {
					tags.put(run.allocationBase(), "heap");
				}
			}
		}
		heaps.filter(h -> h.processHeap() != 0).ifPresent(h -> tags.put(h.processHeap(), "heap (default)"));
		return tags;
	}

	/** @return the PEB, the TEB and stack of every thread, the modules' shared sections */
	List<TaggedRange> ranges() {
		List<TaggedRange> ranges = new ArrayList<>();
		long peb = process.pebAddress();
		if (peb != 0) {
			ranges.add(TaggedRange.pages(peb, peb + PEB_SIZE, "PEB"));
		}
		for (Map.Entry<Integer, Long> thread : threadEnvironments().entrySet()) {
			long teb = thread.getValue();
			ranges.add(TaggedRange.pages(teb, teb + TebStack.TEB_SIZE, "TEB of thread " + thread.getKey()));
			process.readFully(teb, TebStack.SIZE).map(TebStack::decode).filter(TebStack::isValid)
					.ifPresent(stack -> ranges.add(TaggedRange.pages(stack.bottom(), stack.stackBase(),
							"stack of thread " + thread.getKey())));
		}
		for (LoadedModule module : modules) {
			for (PeSection section : module.sharedSections()) {
				long start = module.base() + section.virtualAddress();
				ranges.add(TaggedRange.pages(start, start + section.virtualSize(), module.sharedSectionTag(section), true));
			}
		}
		return ranges;
	}

	/** @return the TEB address of each of the process's threads, by thread id */
	private Map<Integer, Long> threadEnvironments() {
		Map<Integer, Long> tebs = new LinkedHashMap<>();
		HANDLE snapshot = Kernel32.INSTANCE.CreateToolhelp32Snapshot(Tlhelp32.TH32CS_SNAPTHREAD, new DWORD(0));
		if (snapshot == null || WinBase.INVALID_HANDLE_VALUE.equals(snapshot)) {
			return tebs;
		}
		try (Memory info = new Memory(ThreadBasicInformation.SIZE)) {
			Tlhelp32.THREADENTRY32 entry = new Tlhelp32.THREADENTRY32();
			for (boolean more = Kernel32.INSTANCE.Thread32First(snapshot, entry); more; more = Kernel32.INSTANCE
					.Thread32Next(snapshot, entry)) {
				if (entry.th32OwnerProcessID == process.pid()) {
					tebAddress(entry.th32ThreadID, info).ifPresent(teb -> tebs.put(entry.th32ThreadID, teb));
				}
			}
		} finally {
			Kernel32.INSTANCE.CloseHandle(snapshot);
		}
		return tebs;
	}

	private static Optional<Long> tebAddress(int threadId, Memory info) {
		HANDLE thread = Kernel32.INSTANCE.OpenThread(ProcessFunctions.THREAD_QUERY_LIMITED_INFORMATION, false, threadId);
		if (thread == null) {
			return Optional.empty();
		}
		try {
			int status = ProcessNtFunctions.INSTANCE.NtQueryInformationThread(thread,
					ProcessNtFunctions.THREAD_BASIC_INFORMATION, info, (int) info.size(), new IntByReference());
			if (!NtStatus.isSuccess(status)) {
				return Optional.empty();
			}
			long teb = ThreadBasicInformation.decode(info.getByteBuffer(0, info.size())).tebBaseAddress();
			return teb == 0 ? Optional.empty() : Optional.of(teb);
		} finally {
			Kernel32.INSTANCE.CloseHandle(thread);
		}
	}

	private static List<LoadedModule> readModules(OpenedProcess process) {
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
					String path = upToNul(name, length);
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

	/** @return the module holding the address, if any */
	Optional<LoadedModule> moduleAt(long address) {
		return modules.stream().filter(m -> m.contains(address)).findFirst();
	}

	/** @return the file mapped at the address (a drive-letter path), or empty */
	String mappedFile(long address, DosDevices devices) {
		char[] name = new char[MAX_PATH];
		int length = ProcessFunctions.INSTANCE.K32GetMappedFileNameW(process.handle(), new Pointer(address), name,
				name.length);
		return length > 0 ? devices.toDosPath(upToNul(name, length)) : "";
	}

	/** Wine counts the terminating NUL in some of the lengths it returns (a mapped .nls file's name). */
	static String upToNul(char[] chars, int length) {
		int end = 0;
		while (end < Math.min(length, chars.length) && chars[end] != 0) {
			end++;
		}
		return new String(chars, 0, end);
	}
}
