package org.ipcscope.ui.sniff.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.ipcscope.core.search.BytePattern;
import org.ipcscope.core.search.PatternSyntax;
import org.ipcscope.core.sniff.CapturedMessage;

/**
 * What the capture table shows: messages whose name, wParam/lParam, dwData, sender and payload
 * match. Each part is typed by the user; an empty part matches everything.
 *
 * <ul>
 * <li>message: comma-separated alternatives, each a part of the Message column's text ({@code Mapped},
 * {@code posted}, {@code WM_USER}), case-insensitive, or a message number ({@code 0x401}, {@code 1025});</li>
 * <li>wParam/lParam: a part of the text either column shows (hex and unsigned decimal), case-insensitive;
 * {@code w:} or {@code l:} in front looks at one of them only;</li>
 * <li>dwData: {@code 16}, {@code 0x10}, or an inclusive range {@code 0x10-0x1f} / {@code 16..31}
 * (unsigned, as dwData is pointer sized);</li>
 * <li>sender: {@code 0x3c4d} or {@code hwnd:15437} is a window handle, {@code 43} or {@code pid:43}
 * a process id;</li>
 * <li>content: text contained in the payload as UTF-8 or UTF-16LE, or a pattern of the search
 * syntax ({@code hex:48 65 ?? 6c}, {@code text:}, {@code ascii:}, {@code utf16:}, {@code int32:}...).</li>
 * </ul>
 */
public record MessageFilter(Predicate<CapturedMessage> dwData, Predicate<CapturedMessage> sender,
		List<BytePattern> content, Predicate<CapturedMessage> message, Predicate<CapturedMessage> params)
		implements Predicate<CapturedMessage> {

	public static final MessageFilter ALL = new MessageFilter(m -> true, m -> true, List.of(), m -> true, m -> true);

	/** @throws IllegalArgumentException with a message fit to show, naming the part that is wrong */
	public static MessageFilter parse(String dwData, String sender, String content) {
		return new MessageFilter(dwDataPredicate(dwData.strip().toLowerCase(Locale.ROOT)),
				senderPredicate(sender.strip()),
				contentPatterns(content), m -> true, m -> true);
	}

	/** @return this filter that also asks for the message and wParam/lParam texts (which are never wrong) */
	public MessageFilter withMessage(String messageText, String paramsText) {
		return new MessageFilter(dwData, sender, content, messagePredicate(messageText), paramsPredicate(paramsText));
	}

	/** @return why these texts make no filter, or null when they do */
	public static String problem(String dwData, String sender, String content) {
		try {
			parse(dwData, sender, content);
			return null;
		} catch (IllegalArgumentException e) {
			return e.getMessage();
		}
	}

	@Override
	public boolean test(CapturedMessage message) {
		if (!this.message.test(message) || !params.test(message) || !dwData.test(message) || !sender.test(message)) {
			return false;
		}
		if (content.isEmpty()) {
			return true;
		}
		for (BytePattern pattern : content) {
			if (contains(message.payload(), pattern)) {
				return true;
			}
		}
		return false;
	}

	static Predicate<CapturedMessage> dwDataPredicate(String text) {
		if (text.isEmpty()) {
			return m -> true;
		}
		String[] bounds = text.contains("..") ? text.split("\\.\\.", -1) : text.split("-", -1); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		if (bounds.length > 2) {
			throw new IllegalArgumentException(Messages.bind(Messages.Filter_BadDwData, text));
		}
		long low = unsigned(bounds[0].strip(), Messages.Filter_BadDwData, text);
		long high = bounds.length == 2 ? unsigned(bounds[1].strip(), Messages.Filter_BadDwData, text) : low;
		if (Long.compareUnsigned(low, high) > 0) {
			throw new IllegalArgumentException(Messages.bind(Messages.Filter_EmptyRange, text));
		}
		// only WM_COPYDATA has a dwData: a registered message's 0 is none, not a match for "0"
		return m -> m.isCopyData() && Long.compareUnsigned(m.dwData(), low) >= 0
				&& Long.compareUnsigned(m.dwData(), high) <= 0;
	}

	static Predicate<CapturedMessage> messagePredicate(String text) {
		Predicate<CapturedMessage> any = m -> false;
		boolean empty = true;
		for (String item : text.split(",")) { //$NON-NLS-1$
			String wanted = item.strip().toLowerCase(Locale.ROOT);
			if (wanted.isEmpty()) {
				continue;
			}
			empty = false;
			Long number = number(wanted);
			Predicate<CapturedMessage> one = m -> MessageColumn.MESSAGE.text(m).toLowerCase(Locale.ROOT).contains(wanted)
					|| number != null && Integer.toUnsignedLong(m.message()) == number;
			any = any.or(one);
		}
		return empty ? m -> true : any;
	}

	static Predicate<CapturedMessage> paramsPredicate(String text) {
		String wanted = text.strip().toLowerCase(Locale.ROOT);
		boolean onlyW = wanted.startsWith("w:"); //$NON-NLS-1$
		boolean onlyL = wanted.startsWith("l:"); //$NON-NLS-1$
		String part = onlyW || onlyL ? wanted.substring(2).strip() : wanted;
		if (part.isEmpty()) {
			return m -> true;
		}
		return m -> !onlyL && MessageColumn.W_PARAM.text(m).toLowerCase(Locale.ROOT).contains(part)
				|| !onlyW && MessageColumn.L_PARAM.text(m).toLowerCase(Locale.ROOT).contains(part);
	}

	/** @return the number a filter item is ({@code 0x401}, {@code 1025}), or null for a name */
	private static Long number(String item) {
		try {
			if (item.startsWith("0x")) { //$NON-NLS-1$
				return Long.parseUnsignedLong(item.substring(2), 16);
			}
			return item.chars().allMatch(Character::isDigit) ? Long.valueOf(Long.parseUnsignedLong(item)) : null;
		} catch (NumberFormatException e) {
			return null;
		}
	}

	static Predicate<CapturedMessage> senderPredicate(String text) {
		if (text.isEmpty()) {
			return m -> true;
		}
		String lower = text.toLowerCase(Locale.ROOT);
		if (lower.startsWith("pid:") || !lower.startsWith("0x") && !lower.startsWith("hwnd:")) { //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
			long pid = unsigned(lower.replaceFirst("^pid:", "").strip(), Messages.Filter_BadSender, text); //$NON-NLS-1$ //$NON-NLS-2$
			return m -> m.senderPid() == pid;
		}
		long hwnd = unsigned(lower.replaceFirst("^hwnd:", "").strip(), Messages.Filter_BadSender, text); //$NON-NLS-1$ //$NON-NLS-2$
		return m -> m.sender() == hwnd;
	}

	/** @return the patterns a content filter text stands for: text as UTF-8 and UTF-16LE, or one pattern of the search syntax */
	public static List<BytePattern> contentPatterns(String text) {
		if (text.isEmpty()) {
			return List.of();
		}
		if (text.matches("(hex|text|ascii|utf16|int\\d+(be|le)?):.*")) { //$NON-NLS-1$
			return List.of(PatternSyntax.parse(text));
		}
		return List.of(BytePattern.text(text, StandardCharsets.UTF_8), BytePattern.utf16le(text));
	}

	private static long unsigned(String number, String message, String whole) {
		try {
			return number.startsWith("0x") ? Long.parseUnsignedLong(number.substring(2), 16) //$NON-NLS-1$
					: Long.parseUnsignedLong(number);
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException(Messages.bind(message, whole), e);
		}
	}

	public static boolean contains(byte[] payload, BytePattern pattern) {
		for (int at = 0; at + pattern.length() <= payload.length; at++) {
			if (pattern.matchesAt(payload, at)) {
				return true;
			}
		}
		return false;
	}
}
