package org.ipcscope.ui.traffic.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.eclipse.osgi.util.NLS;
import org.ipcscope.core.search.BytePattern;
import org.ipcscope.core.traffic.TrafficOp;
import org.ipcscope.core.traffic.TrafficRecord;
import org.ipcscope.ui.sniff.internal.MessageFilter;

/**
 * What the traffic table shows. Each part is typed by the user; an empty part matches everything.
 *
 * <ul>
 * <li>process: a pid, or part of a process name (when the view knows the names);</li>
 * <li>op: op ids separated by commas or spaces ({@code read,write});</li>
 * <li>object: part of the channel's name, case-insensitive;</li>
 * <li>payload: the Sniffer's content filter: text as UTF-8 or UTF-16LE, or a pattern of the search
 * syntax ({@code hex:48 65 ?? 6c}).</li>
 * </ul>
 */
record TrafficFilter(Predicate<TrafficRecord> process, Set<TrafficOp> ops, String object, List<BytePattern> content)
		implements Predicate<TrafficRecord> {

	static final TrafficFilter ALL = new TrafficFilter(r -> true, EnumSet.allOf(TrafficOp.class), "", List.of()); //$NON-NLS-1$

	/**
	 * @param names process names by pid; read when the filter runs, so names learnt later count
	 * @throws IllegalArgumentException with a message fit to show
	 */
	static TrafficFilter parse(String process, String ops, String object, String content, Map<Long, String> names) {
		return new TrafficFilter(processPredicate(process.strip(), names), ops(ops), object.strip().toLowerCase(Locale.ROOT),
				MessageFilter.contentPatterns(content));
	}

	@Override
	public boolean test(TrafficRecord r) {
		if (!ops.contains(r.op()) || !process.test(r)) {
			return false;
		}
		if (!object.isEmpty() && (r.object() == null || !r.object().toLowerCase(Locale.ROOT).contains(object))) {
			return false;
		}
		if (content.isEmpty()) {
			return true;
		}
		for (BytePattern pattern : content) {
			if (MessageFilter.contains(r.payload(), pattern)) {
				return true;
			}
		}
		return false;
	}

	private static Predicate<TrafficRecord> processPredicate(String text, Map<Long, String> names) {
		if (text.isEmpty()) {
			return r -> true;
		}
		if (text.length() <= 18 && text.chars().allMatch(Character::isDigit)) {
			long pid = Long.parseLong(text);
			return r -> r.pid() == pid;
		}
		String part = text.toLowerCase(Locale.ROOT);
		return r -> {
			String name = names.get(r.pid());
			return name != null && name.toLowerCase(Locale.ROOT).contains(part);
		};
	}

	private static Set<TrafficOp> ops(String text) {
		Set<TrafficOp> ops = EnumSet.noneOf(TrafficOp.class);
		for (String id : text.strip().toLowerCase(Locale.ROOT).split("[,\\s]+")) { //$NON-NLS-1$
			if (id.isEmpty()) {
				continue;
			}
			try {
				ops.add(TrafficOp.ofId(id));
			} catch (IllegalArgumentException e) {
				throw new IllegalArgumentException(NLS.bind(Messages.Filter_BadOp, id), e);
			}
		}
		return ops.isEmpty() ? EnumSet.allOf(TrafficOp.class) : ops;
	}
}
