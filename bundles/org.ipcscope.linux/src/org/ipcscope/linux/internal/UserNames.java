package org.ipcscope.linux.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Turns numeric uids into user names from a passwd file, read once per instance. */
final class UserNames {

	private final Map<Integer, String> names = new HashMap<>();

	UserNames(Path passwd) {
		try {
			for (String line : Files.readAllLines(passwd)) {
				String[] fields = line.split(":", -1);
				if (fields.length > 2) {
					try {
						names.putIfAbsent(Integer.parseInt(fields[2]), fields[0]);
					} catch (NumberFormatException e) {
						// a malformed line names nobody; the uid is shown as a number instead
					}
				}
			}
		} catch (IOException e) {
			// without a passwd file every owner shows as its uid
		}
	}

	static UserNames ofSystem() {
		return new UserNames(Path.of("/etc/passwd"));
	}

	/**
	 * Puts the uid as a number under {@code uidKey} and, when known, the user name under
	 * {@code userKey}: the values beside {@link #describe(int)}'s display string.
	 */
	void putValues(Map<String, Object> values, String uidKey, String userKey, int uid) {
		values.put(uidKey, uid);
		String name = names.get(uid);
		if (name != null) {
			values.put(userKey, name);
		}
	}

	/** @return "name (uid)" or just the uid when the name is unknown */
	String describe(int uid) {
		String name = names.get(uid);
		return name == null ? Integer.toString(uid) : name + " (" + uid + ")";
	}
}
