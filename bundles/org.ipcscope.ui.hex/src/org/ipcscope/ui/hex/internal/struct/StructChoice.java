package org.ipcscope.ui.hex.internal.struct;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ipcscope.core.struct.Abi;
import org.ipcscope.core.struct.HeaderOptions;
import org.ipcscope.core.struct.HeaderSource;
import org.ipcscope.ui.hex.internal.HexEditor;
import org.ipcscope.ui.hex.internal.Messages;

/**
 * What the user chose in Attach Struct...: a header (a file, or pasted text), the defines its
 * {@code #if}s see, the ABI, the type, where it starts and how many elements follow. It is what is
 * remembered per object name, so it holds no parsed state.
 *
 * @param headerFile the header's path, or null when the text was pasted
 * @param pasted     the pasted header, or null when it is a file
 */
public record StructChoice(String headerFile, String pasted, Map<String, String> defines, Abi abi, String typeName,
		long offset, int count) {

	/** How messages name a pasted header. */
	static final String PASTED_NAME = Messages.Attach_PastedName;
	/** A pasted header longer than this is not remembered (a file is). */
	static final int MAX_REMEMBERED_TEXT = 256 * 1024;

	public StructChoice {
		defines = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(defines));
		if ((headerFile == null) == (pasted == null)) {
			throw new IllegalArgumentException("a header is a file or a text"); //$NON-NLS-1$
		}
	}

	HeaderSource source() {
		return headerFile != null ? HeaderSource.ofFile(Path.of(headerFile)) : HeaderSource.ofText(pasted, PASTED_NAME);
	}

	HeaderOptions options() {
		return new HeaderOptions(abi, defines, List.of());
	}

	/** @return a one-line label: {@code struct live_state @ 0x10 x4 (sysv64)} */
	String label() {
		return typeName + (count > 1 ? "[" + count + "]" : "") + " @ " + HexEditor.formatOffset(offset) + " (" //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$
				+ abi.id() + ")"; //$NON-NLS-1$
	}

	StructChoice at(long newOffset) {
		return new StructChoice(headerFile, pasted, defines, abi, typeName, newOffset, count);
	}

	/**
	 * Parses {@code NAME=VALUE} and bare {@code NAME} separated by commas or spaces.
	 *
	 * @throws IllegalArgumentException naming the bad entry
	 */
	static Map<String, String> parseDefines(String text) {
		Map<String, String> defines = new LinkedHashMap<>();
		for (String entry : text.trim().split("[,\\s]+")) { //$NON-NLS-1$
			if (entry.isEmpty()) {
				continue;
			}
			int equals = entry.indexOf('=');
			String name = equals < 0 ? entry : entry.substring(0, equals);
			if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) { //$NON-NLS-1$
				throw new IllegalArgumentException(org.eclipse.osgi.util.NLS.bind(Messages.Attach_BadDefine, entry));
			}
			defines.put(name, equals < 0 ? "1" : entry.substring(equals + 1)); //$NON-NLS-1$
		}
		return defines;
	}

	static String formatDefines(Map<String, String> defines) {
		List<String> parts = new ArrayList<>();
		defines.forEach((name, value) -> parts.add(value.equals("1") ? name : name + "=" + value)); //$NON-NLS-1$ //$NON-NLS-2$
		return String.join(", ", parts); //$NON-NLS-1$
	}

	// ---- remembering: each field base64 (any byte survives), fields by ',', choices by ';'

	String encode() {
		List<String> fields = List.of(headerFile == null ? "" : "f" + headerFile, pasted == null ? "" : "t" + pasted, //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$
				formatDefines(defines), abi.id(), typeName, Long.toString(offset), Integer.toString(count));
		List<String> encoded = new ArrayList<>();
		for (String field : fields) {
			encoded.add(Base64.getEncoder().encodeToString(field.getBytes(StandardCharsets.UTF_8)));
		}
		return String.join(",", encoded); //$NON-NLS-1$
	}

	/** @return the choice, or null when the text is not one (an older or damaged preference) */
	static StructChoice decode(String text) {
		String[] parts = text.split(",", -1); //$NON-NLS-1$
		if (parts.length != 7) {
			return null;
		}
		try {
			String[] f = new String[7];
			for (int i = 0; i < 7; i++) {
				f[i] = new String(Base64.getDecoder().decode(parts[i]), StandardCharsets.UTF_8);
			}
			String file = f[0].startsWith("f") ? f[0].substring(1) : null; //$NON-NLS-1$
			String pasted = f[1].startsWith("t") ? f[1].substring(1) : null; //$NON-NLS-1$
			return new StructChoice(file, pasted, parseDefines(f[2]), Abi.fromId(f[3]), f[4], Long.parseLong(f[5]),
					Integer.parseInt(f[6]));
		} catch (IllegalArgumentException e) {
			return null;
		}
	}

	static String encodeAll(List<StructChoice> choices) {
		return String.join(";", //$NON-NLS-1$
				choices.stream().filter(c -> c.pasted == null || c.pasted.length() <= MAX_REMEMBERED_TEXT)
						.map(StructChoice::encode).toList());
	}

	static List<StructChoice> decodeAll(String text) {
		List<StructChoice> choices = new ArrayList<>();
		if (text == null || text.isEmpty()) {
			return choices;
		}
		for (String one : text.split(";")) { //$NON-NLS-1$
			StructChoice choice = decode(one);
			if (choice != null) {
				choices.add(choice);
			}
		}
		return choices;
	}
}
