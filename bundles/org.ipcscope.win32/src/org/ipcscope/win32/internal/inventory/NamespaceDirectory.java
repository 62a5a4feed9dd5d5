package org.ipcscope.win32.internal.inventory;

/**
 * An object directory that holds named objects, with the way users address its objects.
 *
 * @param ntPath     the directory's NT path, for example {@code \Sessions\1\BaseNamedObjects}
 * @param namespace  the namespace shown to users: "Global", "Local" or "Session N"
 * @param namePrefix what users write before an object's name: {@code Global\}, {@code Local\},
 *                   {@code Session\N\}
 */
record NamespaceDirectory(String ntPath, String namespace, String namePrefix) {

	static final String GLOBAL_PATH = "\\BaseNamedObjects";
	static final String SESSIONS_PATH = "\\Sessions";

	static NamespaceDirectory global() {
		return new NamespaceDirectory(GLOBAL_PATH, "Global", "Global\\");
	}

	static NamespaceDirectory local(int session) {
		return new NamespaceDirectory(sessionPath(session), "Local", "Local\\");
	}

	static NamespaceDirectory session(int session) {
		return new NamespaceDirectory(sessionPath(session), "Session " + session, "Session\\" + session + "\\");
	}

	private static String sessionPath(int session) {
		return SESSIONS_PATH + "\\" + session + "\\BaseNamedObjects";
	}

	/** @return true for a session other than this process's, found by listing {@code \Sessions} */
	boolean isOtherSession() {
		return namePrefix.startsWith("Session\\");
	}

	/** A directory inside this one: same namespace, its name in front of its objects' names. */
	NamespaceDirectory child(String entryName) {
		return new NamespaceDirectory(ntPath(entryName), namespace, userName(entryName) + "\\");
	}

	String userName(String entryName) {
		return namePrefix + entryName;
	}

	String ntPath(String entryName) {
		return ntPath + "\\" + entryName;
	}
}
