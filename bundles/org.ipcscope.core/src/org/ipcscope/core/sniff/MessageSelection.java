package org.ipcscope.core.sniff;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which window messages a capture keeps: comma-separated items, each taking messages in, or out
 * with a leading '-':
 * <ul>
 * <li>{@code all}: every message; {@code default}: every message but the noisy system ones
 * ({@link #NOISY}: paint, mouse moves, timers, non-client);</li>
 * <li>{@code copydata}: WM_COPYDATA; {@code registered}: 0xC000-0xFFFF; {@code user}: WM_USER and
 * WM_APP (0x0400-0xBFFF); {@code system}: below WM_USER;</li>
 * <li>a number (decimal or 0x hex), an SDK name such as WM_CLOSE or WM_USER+1, or the name a
 * program gave RegisterWindowMessage (matched exactly, case included).</li>
 * </ul>
 * Example: {@code default,-WM_SETTEXT} or {@code copydata,Mapped,Handle,Shared,0x401}. A message
 * is kept when an item takes it in and none takes it out. Messages above 0xFFFF (reserved by
 * Windows) are kept by {@code all} only.
 */
public final class MessageSelection {

	public static final int LIMIT = 0x10000;

	/** Left out by {@code default}: repainting, mouse moves and hovering, timers, the non-client area. */
	public static final Set<String> NOISY = Set.of("WM_PAINT", "WM_ERASEBKGND", "WM_SYNCPAINT", "WM_NCPAINT",
			"WM_SETCURSOR", "WM_MOUSEMOVE", "WM_MOUSEHOVER", "WM_MOUSELEAVE", "WM_TIMER", "WM_SYSTIMER", "WM_NCHITTEST",
			"WM_NCMOUSEMOVE", "WM_NCMOUSEHOVER", "WM_NCMOUSELEAVE", "WM_NCCALCSIZE", "WM_NCACTIVATE", "WM_GETICON",
			"WM_ENTERIDLE", "WM_CTLCOLORMSGBOX", "WM_CTLCOLOREDIT", "WM_CTLCOLORLISTBOX", "WM_CTLCOLORBTN",
			"WM_CTLCOLORDLG", "WM_CTLCOLORSCROLLBAR", "WM_CTLCOLORSTATIC", "WM_INPUT");

	public static final MessageSelection ALL = parse("all");
	public static final MessageSelection DEFAULT = parse("default");
	public static final MessageSelection COPYDATA = parse("copydata");

	private final String spec;
	private final BitSet included = new BitSet(LIMIT);
	private final BitSet excluded = new BitSet(LIMIT);
	private final Set<String> includedNames = new LinkedHashSet<>();
	private final Set<String> excludedNames = new LinkedHashSet<>();
	private boolean includesAbove;

	private MessageSelection(String spec) {
		this.spec = spec;
	}

	/** @throws IllegalArgumentException naming the item that is not understood */
	public static MessageSelection parse(String spec) {
		String trimmed = spec == null ? "" : spec.strip();
		if (trimmed.isEmpty()) {
			throw new IllegalArgumentException("no messages chosen: give all, default, copydata, registered, user or a list");
		}
		MessageSelection filter = new MessageSelection(trimmed);
		for (String raw : trimmed.split(",")) {
			String item = raw.strip();
			boolean out = item.startsWith("-");
			if (out) {
				item = item.substring(1).strip();
			}
			if (item.isEmpty()) {
				throw new IllegalArgumentException("empty item in the message list: " + trimmed);
			}
			filter.add(item, out ? filter.excluded : filter.included, out);
		}
		return filter;
	}

	private void add(String item, BitSet set, boolean out) {
		switch (item.toLowerCase(Locale.ROOT)) {
		case "all" -> {
			set.set(0, LIMIT);
			includesAbove |= !out;
		}
		case "default" -> {
			BitSet quiet = new BitSet(LIMIT);
			quiet.set(0, LIMIT);
			NOISY.forEach(name -> quiet.clear(WindowMessages.standardId(name).orElseThrow()));
			set.or(quiet);
		}
		case "copydata" -> set.set(WindowMessages.WM_COPYDATA);
		case "registered" -> set.set(WindowMessages.FIRST_REGISTERED, WindowMessages.LAST_REGISTERED + 1);
		case "user" -> set.set(WindowMessages.WM_USER, WindowMessages.FIRST_REGISTERED);
		case "system" -> set.set(0, WindowMessages.WM_USER);
		default -> {
			Integer id = number(item);
			if (id == null) {
				id = WindowMessages.standardId(item).orElse(null);
			}
			if (id != null) {
				set.set(id);
			} else if (isName(item)) {
				(out ? excludedNames : includedNames).add(item);
			} else {
				throw new IllegalArgumentException("not a message number, name or set: '" + item
						+ "' (all, default, copydata, registered, user, system, 0x401, WM_CLOSE, a registered name)");
			}
		}
		}
	}

	private static Integer number(String item) {
		if (item.isEmpty() || !Character.isDigit(item.charAt(0))) {
			return null;
		}
		try {
			long value = Long.decode(item);
			if (value < 0 || value >= LIMIT) {
				throw new IllegalArgumentException("a window message is a number from 0 to 0xffff: " + item);
			}
			return (int) value;
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException("not a message number: " + item);
		}
	}

	/** Registered names are what programs chose: anything printable but the list's comma. */
	private static boolean isName(String item) {
		return item.codePoints().noneMatch(c -> Character.isISOControl(c));
	}

	/** @return the text it was parsed from */
	public String spec() {
		return spec;
	}

	/**
	 * @param name the name the provider resolved for a registered message, or {@code null}
	 * @return whether a message with this number (and name) is kept
	 */
	public boolean accepts(int message, String name) {
		if (message < 0 || message >= LIMIT) {
			return includesAbove;
		}
		if (excluded.get(message) || (name != null && excludedNames.contains(name))) {
			return false;
		}
		return included.get(message) || (name != null && includedNames.contains(name));
	}

	/**
	 * @return whether a message with this number may be kept once its name is known: what a capture
	 *         must look at before it can resolve names (a superset of {@link #accepts})
	 */
	public boolean mayAccept(int message) {
		if (message < 0 || message >= LIMIT) {
			return includesAbove;
		}
		if (excluded.get(message)) {
			return false;
		}
		return included.get(message) || (!includedNames.isEmpty() && WindowMessages.isRegistered(message));
	}

	/** @return the registered names the list names (in or out), in the order given */
	public List<String> names() {
		List<String> names = new ArrayList<>(includedNames);
		names.addAll(excludedNames);
		return names;
	}

	/** @return whether messages above 0xFFFF are kept */
	public boolean includesAbove() {
		return includesAbove;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof MessageSelection f && f.spec.equals(spec);
	}

	@Override
	public int hashCode() {
		return spec.hashCode();
	}

	@Override
	public String toString() {
		return spec;
	}
}
