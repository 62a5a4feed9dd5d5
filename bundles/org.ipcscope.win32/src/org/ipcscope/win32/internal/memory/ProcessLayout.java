package org.ipcscope.win32.internal.memory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.ipcscope.win32.internal.nt.DosDevices;

import com.sun.jna.Pointer;

/**
 * What is known about the pages of a process beyond VirtualQueryEx: its modules (with their
 * shared sections, from the PE headers in its memory), its heaps (the PEB's ProcessHeaps array:
 * GetProcessHeaps answers only for the calling process), its PEB, and each thread's TEB and stack
 * (NtQueryInformationThread, then the TEB's NT_TIB). Every part is best effort: what cannot be
 * read is left out, so the region map still shows the pages without those tags.
 */
final class ProcessLayout {

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
		return new ProcessLayout(process, LoadedModules.of(process));
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
		for (Map.Entry<Integer, Long> thread : ThreadEnvironments.of(process.pid()).entrySet()) {
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


	/**
	 * @return the path of a run: for an image its module's, for a mapped view the mapped file
	 *         (asked once an allocation), for private memory empty
	 */
	Function<MemoryBasicInformation, String> paths(DosDevices devices) {
		Map<Long, String> mappedFiles = new HashMap<>();
		Function<MemoryBasicInformation, String> mapped = run -> mappedFiles.computeIfAbsent(run.allocationBase(),
				base -> mappedFile(base, devices));
		return run -> switch (run.type()) {
		case MemoryBasicInformation.MEM_IMAGE -> modules.stream().filter(m -> m.contains(run.baseAddress()))
				.map(LoadedModule::path).findFirst().orElseGet(() -> mapped.apply(run));
		case MemoryBasicInformation.MEM_MAPPED -> mapped.apply(run);
		default -> "";
		};
	}

	private String mappedFile(long address, DosDevices devices) {
		char[] name = new char[LoadedModules.MAX_PATH];
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
