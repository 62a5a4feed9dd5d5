package org.ipcscope.core.struct;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/** The contents of an object file's sections as {@code objdump -s} prints them. */
final class ObjdumpSections {

	private ObjdumpSections() {
	}

	static Map<String, byte[]> parse(String dump) {
		Map<String, byte[]> sections = new HashMap<>();
		String current = null;
		ByteArrayOutputStream bytes = null;
		for (String line : dump.split("\n")) {
			if (line.startsWith("Contents of section ")) {
				if (current != null) {
					sections.put(current, bytes.toByteArray());
				}
				current = line.substring("Contents of section ".length(), line.length() - 1);
				bytes = new ByteArrayOutputStream();
			} else if (current != null && line.startsWith(" ")) {
				// " 0010 01000000 02000000  ........": address, up to four groups of hex, two spaces, text
				String rest = line.substring(1);
				rest = rest.substring(rest.indexOf(' ') + 1);
				int text = rest.indexOf("  ");
				String hex = (text < 0 ? rest : rest.substring(0, text)).replace(" ", "");
				bytes.writeBytes(HexFormat.of().parseHex(hex));
			}
		}
		if (current != null) {
			sections.put(current, bytes.toByteArray());
		}
		return sections;
	}
}
