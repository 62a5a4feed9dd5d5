package org.ipcscope.core.change;

/** How an object differs from the refreshes before it. */
public enum Change {
	/** Appeared in one of the last refreshes. */
	ADDED,
	/** Its size, details, owners or problem changed in one of the last refreshes. */
	CHANGED,
	/** Gone; still shown for a few refreshes so that the user sees it went. */
	REMOVED,
	/** As before. */
	UNCHANGED
}
