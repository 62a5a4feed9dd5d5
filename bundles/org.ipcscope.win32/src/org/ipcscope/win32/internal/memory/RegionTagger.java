package org.ipcscope.win32.internal.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

import org.ipcscope.core.process.MemoryRegion;

/**
 * Turns VirtualQueryEx's runs of pages into the region map: free runs are left out (as Linux maps
 * leave out what is not mapped), a run is cut where a tagged range begins or ends inside it (a
 * PEB, TEB or shared section has its own row even where the pages around it look alike), and each
 * piece gets the tags that cover it, its allocation's tag (a heap) and its state word (reserved,
 * guard), joined by ", ". Writable pages of a range known to be shared (a DLL's shared section,
 * from its PE header) are spelt {@code rw-s} even where the system reports them copy-on-write.
 */
final class RegionTagger {

	private RegionTagger() {
	}

	/**
	 * @param runs             in ascending order
	 * @param allocationTags   tags by allocation base (heaps)
	 * @param ranges           tagged address ranges, any order, may overlap
	 * @param pathOf           the mapped file or module of a run, or empty
	 */
	static List<MemoryRegion> regions(List<MemoryBasicInformation> runs, Map<Long, String> allocationTags,
			List<TaggedRange> ranges, Function<MemoryBasicInformation, String> pathOf) {
		List<MemoryRegion> regions = new ArrayList<>(runs.size());
		for (MemoryBasicInformation run : runs) {
			if (run.isFree()) {
				continue;
			}
			TreeSet<Long> cuts = new TreeSet<>(List.of(run.baseAddress(), run.end()));
			for (TaggedRange range : ranges) {
				if (range.start() > run.baseAddress() && range.start() < run.end()) {
					cuts.add(range.start());
				}
				if (range.end() > run.baseAddress() && range.end() < run.end()) {
					cuts.add(range.end());
				}
			}
			String permissions = PageProtection.permissions(run);
			String type = PageProtection.type(run.type());
			String path = pathOf.apply(run);
			Long from = null;
			for (long to : cuts) {
				if (from != null) {
					regions.add(new MemoryRegion(from, to, shared(permissions, from, to, ranges), type, path,
							tag(run, from, to, allocationTags, ranges)));
				}
				from = to;
			}
		}
		return regions;
	}

	private static String shared(String permissions, long from, long to, List<TaggedRange> ranges) {
		if (permissions.charAt(1) != 'w' || ranges.stream().noneMatch(r -> r.shared() && r.covers(from, to))) {
			return permissions;
		}
		return permissions.substring(0, 3) + 's';
	}

	private static String tag(MemoryBasicInformation run, long from, long to, Map<Long, String> allocationTags,
			List<TaggedRange> ranges) {
		List<String> tags = new ArrayList<>();
		String allocation = allocationTags.get(run.allocationBase());
		if (allocation != null) {
			tags.add(allocation);
		}
		for (TaggedRange range : ranges) {
			if (range.covers(from, to) && !tags.contains(range.tag())) {
				tags.add(range.tag());
			}
		}
		String state = PageProtection.stateWord(run);
		if (!state.isEmpty()) {
			tags.add(state);
		}
		return String.join(", ", tags);
	}
}
