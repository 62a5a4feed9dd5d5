package org.ipcscope.core;

import java.util.Locale;
import java.util.function.Predicate;

/**
 * The filter box's match: every word of the text must occur, case-insensitively, in the name,
 * kind, namespace, a detail, an owner's process name or pid, or the problem.
 */
public final class ObjectFilter implements Predicate<IpcObject> {

	private final String[] words;

	public ObjectFilter(String text) {
		String trimmed = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
		words = trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
	}

	public boolean isEmpty() {
		return words.length == 0;
	}

	@Override
	public boolean test(IpcObject object) {
		if (words.length == 0) {
			return true;
		}
		String haystack = haystack(object);
		for (String word : words) {
			if (!haystack.contains(word)) {
				return false;
			}
		}
		return true;
	}

	private static String haystack(IpcObject object) {
		StringBuilder text = new StringBuilder(object.name()).append('\n').append(object.kind().label()).append('\n')
				.append(object.kind().id()).append('\n').append(object.namespace()).append('\n');
		object.details().values().forEach(v -> text.append(v).append('\n'));
		for (Owner owner : object.owners()) {
			text.append(owner.describeProcess()).append('\n');
		}
		if (object.problem() != null) {
			text.append(object.problem());
		}
		return text.toString().toLowerCase(Locale.ROOT);
	}
}
