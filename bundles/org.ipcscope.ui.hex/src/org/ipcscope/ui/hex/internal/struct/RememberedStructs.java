package org.ipcscope.ui.hex.internal.struct;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.ipcscope.ui.hex.internal.preferences.HexPreferences;

/**
 * The struct overlays chosen per object name, in this bundle's instance preferences, so that
 * reopening a segment brings its overlays back. Keys are the names in base64: a name may hold
 * any byte, and preference keys may not hold '/'.
 */
public final class RememberedStructs {

	static final String NODE = "structOverlays"; //$NON-NLS-1$

	private RememberedStructs() {
	}

	private static IEclipsePreferences node() {
		return (IEclipsePreferences) HexPreferences.node().node(NODE);
	}

	private static String key(String objectName) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(objectName.getBytes(StandardCharsets.UTF_8));
	}

	static List<StructChoice> load(String objectName) {
		return StructChoice.decodeAll(node().get(key(objectName), null));
	}

	public static void save(String objectName, List<StructChoice> choices) {
		IEclipsePreferences node = node();
		if (choices.isEmpty()) {
			node.remove(key(objectName));
		} else {
			node.put(key(objectName), StructChoice.encodeAll(choices));
		}
		try {
			node.flush();
		} catch (Exception e) {
			// kept for this session; the next start does not bring it back
		}
	}
}
