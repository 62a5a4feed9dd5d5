package org.ipcscope.core.clipboard;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which formats' content a read fetches. Asking for content can make the owner work: a Windows
 * owner renders a format it delayed (WM_RENDERFORMAT), an X11 owner converts its data. So nothing
 * is fetched unless asked for, by name or id, or all at once.
 *
 * @param formats names (case-insensitive) or ids (decimal or 0x hex) of the formats to read
 * @param all     read every format
 * @param cap     at most this many bytes of each format are kept
 */
public record ContentRequest(Set<String> formats, boolean all, int cap) {

	public static final int DEFAULT_CAP = 64 * 1024;

	/** Reads no content. */
	public static final ContentRequest NONE = new ContentRequest(Set.of(), false, DEFAULT_CAP);

	public ContentRequest {
		formats = formats.stream().map(f -> f.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
		if (cap < 0) {
			throw new IllegalArgumentException("cap must not be negative: " + cap);
		}
	}

	public static ContentRequest all(int cap) {
		return new ContentRequest(Set.of(), true, cap);
	}

	public static ContentRequest of(List<String> formats, int cap) {
		return new ContentRequest(Set.copyOf(formats), false, cap);
	}

	public boolean none() {
		return !all && formats.isEmpty();
	}

	public boolean wants(long id, String name) {
		return all || formats.contains(name.toLowerCase(Locale.ROOT)) || formats.contains(Long.toString(id))
				|| formats.contains("0x" + Long.toHexString(id));
	}

	/** @return this request with {@code name} added */
	public ContentRequest plus(String name) {
		if (all) {
			return this;
		}
		Set<String> more = new HashSet<>(formats);
		more.add(name);
		return new ContentRequest(more, false, cap);
	}
}
