package org.ipcscope.ui.internal.views;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;
import org.ipcscope.core.Owner;
import org.ipcscope.core.change.TrackedObject;
import org.ipcscope.ui.internal.Messages;

/** Builds the tree's groups from the tracked objects that pass the filter. */
final class RowGroups {

	private RowGroups() {
	}

	static List<RowGroup> build(List<TrackedObject> rows, Grouping grouping, Predicate<IpcObject> filter) {
		return grouping == Grouping.KIND ? byKind(rows, filter) : byProcess(rows, filter);
	}

	private static List<RowGroup> byKind(List<TrackedObject> rows, Predicate<IpcObject> filter) {
		Map<IpcKind, List<TrackedObject>> kinds = new EnumMap<>(IpcKind.class);
		for (TrackedObject row : rows) {
			if (filter.test(row.object())) {
				kinds.computeIfAbsent(row.object().kind(), k -> new ArrayList<>()).add(row);
			}
		}
		List<RowGroup> groups = new ArrayList<>();
		kinds.forEach((kind, members) -> groups.add(new RowGroup("kind:" + kind.id(), //$NON-NLS-1$
				kind.label() + " (" + members.size() + ")", -1, members))); //$NON-NLS-1$ //$NON-NLS-2$
		return groups;
	}

	private static List<RowGroup> byProcess(List<TrackedObject> rows, Predicate<IpcObject> filter) {
		Map<Long, List<TrackedObject>> processes = new TreeMap<>();
		Map<Long, String> names = new LinkedHashMap<>();
		List<TrackedObject> orphans = new ArrayList<>();
		for (TrackedObject row : rows) {
			if (!filter.test(row.object())) {
				continue;
			}
			if (row.object().owners().isEmpty()) {
				orphans.add(row);
			}
			row.object().owners().stream().map(Owner::pid).distinct().forEach(pid -> {
				processes.computeIfAbsent(pid, p -> new ArrayList<>()).add(row);
			});
			for (Owner owner : row.object().owners()) {
				names.putIfAbsent(owner.pid(), owner.describeProcess());
			}
		}
		List<RowGroup> groups = new ArrayList<>();
		processes.forEach((pid, members) -> groups.add(new RowGroup("pid:" + pid, //$NON-NLS-1$
				names.get(pid) + " (" + members.size() + ")", pid, members))); //$NON-NLS-1$ //$NON-NLS-2$
		if (!orphans.isEmpty()) {
			groups.add(new RowGroup("pid:none", Messages.IpcObjectsView_NoOwnerGroup + " (" + orphans.size() + ")", -1, //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
					orphans));
		}
		return groups;
	}
}
