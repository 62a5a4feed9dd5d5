package org.ipcscope.core.struct;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to read a header: the ABI (its sizes, bitfield rules and predefined macros such as
 * {@code _WIN64}), the user's defines (name to value; {@code "1"} for a bare {@code --define NAME}),
 * and the directories {@code #include} may also look in.
 */
public record HeaderOptions(Abi abi, Map<String, String> defines, List<Path> includeDirectories) {

	public HeaderOptions {
		defines = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(defines));
		includeDirectories = List.copyOf(includeDirectories);
	}

	public static HeaderOptions of(Abi abi) {
		return new HeaderOptions(abi, Map.of(), List.of());
	}
}
