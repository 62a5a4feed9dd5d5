package org.ipcscope.win32.internal.sniff;

import java.util.HashMap;
import java.util.Map;

import org.ipcscope.core.sniff.WindowMessages;

/**
 * Names for captured message numbers: registered messages (0xC000-0xFFFF) share their atom table
 * with registered clipboard formats, so GetClipboardFormatName answers for them; the rest by the
 * SDK's names. One per capture thread (not thread safe).
 */
final class MessageNames {

	private final Map<Integer, String> registered = new HashMap<>();

	/** @return the registered or SDK name, {@code null} when there is none */
	String name(int message) {
		if (!WindowMessages.isRegistered(message)) {
			return WindowMessages.standardName(message).orElse(null);
		}
		return registered.computeIfAbsent(message, MessageNames::lookUp);
	}

	private static String lookUp(int message) {
		char[] name = new char[256];
		int length = SniffUser32.INSTANCE.GetClipboardFormatNameW(message, name, name.length);
		return length <= 0 ? null : new String(name, 0, Math.min(length, name.length));
	}
}
