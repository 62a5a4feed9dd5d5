package org.ipcscope.cli.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ipcscope.core.struct.Abi;
import org.ipcscope.core.struct.HeaderOptions;
import org.ipcscope.core.struct.HeaderProblem;
import org.ipcscope.core.struct.HeaderSource;
import org.ipcscope.core.struct.OverlaySpec;
import org.ipcscope.core.struct.ParsedHeader;
import org.ipcscope.core.struct.StructOverlay;
import org.ipcscope.core.text.NameBytes;

/**
 * The options {@code hex} and {@code dump} share for a struct overlay: {@code --struct
 * FILE.h:Type[@OFFSET][xN]}, {@code --abi}, {@code --define NAME[=VALUE]} and {@code --include DIR}.
 */
final class StructOptions {

	static final String USAGE = "  --struct FILE.h:Type[@OFFSET][xN]: the fields of a C struct there, with their values"
			+ " (--abi msvc64|msvc32|sysv64, --define NAME[=VALUE], --include DIR; --json)";

	private final Path workingDirectory;
	private String spec;
	private Abi abi;
	private final Map<String, String> defines = new LinkedHashMap<>();
	private final List<Path> includes = new ArrayList<>();

	StructOptions(Path workingDirectory) {
		this.workingDirectory = workingDirectory;
	}

	/**
	 * Takes the option at {@code args[i]} if it is one of these.
	 *
	 * @return the index of its last argument, or -1 when it is not one of these options
	 */
	int take(List<String> args, int i) throws UsageException {
		String option = args.get(i);
		switch (option) {
		case "--struct" -> spec = value(args, i + 1, option);
		case "--abi" -> {
			String text = value(args, i + 1, option);
			try {
				abi = Abi.fromId(text);
			} catch (IllegalArgumentException e) {
				throw new UsageException("--abi is msvc64, msvc32 or sysv64, not '" + text + "'");
			}
		}
		case "--define" -> {
			String text = value(args, i + 1, option);
			int equals = text.indexOf('=');
			String name = equals < 0 ? text : text.substring(0, equals);
			if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
				throw new UsageException("--define takes NAME or NAME=VALUE, not '" + text + "'");
			}
			defines.put(name, equals < 0 ? "1" : text.substring(equals + 1));
		}
		case "--include" -> includes.add(path(value(args, i + 1, option)));
		default -> {
			return -1;
		}
		}
		return i + 1;
	}

	private static String value(List<String> args, int index, String option) throws UsageException {
		if (index >= args.size()) {
			throw new UsageException(option + " needs a value");
		}
		return args.get(index);
	}

	private Path path(String text) throws UsageException {
		try {
			return workingDirectory.resolve(NameBytes.path(text));
		} catch (InvalidPathException e) {
			throw new UsageException("'" + text + "' is not a file name: " + e.getReason());
		}
	}

	/** @return whether --struct was given */
	boolean wanted() {
		return spec != null;
	}

	/** @throws UsageException when --abi, --define or --include came without --struct */
	void checkAlone() throws UsageException {
		if (spec == null && (abi != null || !defines.isEmpty() || !includes.isEmpty())) {
			throw new UsageException("--abi, --define and --include go with --struct");
		}
	}

	/** A header file that cannot be opened or read: exit 4, one line. */
	static final class BadHeader extends Exception {
		private static final long serialVersionUID = 1L;
		final int exitCode;

		BadHeader(String message, int exitCode) {
			super(message);
			this.exitCode = exitCode;
		}
	}

	/**
	 * @param defaultAbi the target's: used when --abi was not given
	 * @throws UsageException for a header that is not the supported C (its file:line:column first), an
	 *                        unknown type, or a bad spec: exit 2, the message, then the usage
	 * @throws BadHeader      when the header file cannot be opened or read
	 */
	StructOverlay overlay(Abi defaultAbi) throws UsageException, BadHeader {
		OverlaySpec parsed;
		try {
			parsed = OverlaySpec.parse(spec);
		} catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
		Path file = path(parsed.header());
		Abi chosen = abi != null ? abi : defaultAbi;
		ParsedHeader header;
		try {
			header = ParsedHeader.parse(HeaderSource.ofFile(file), new HeaderOptions(chosen, defines, includes));
		} catch (HeaderProblem e) {
			boolean unreadable = e.reason().startsWith("cannot open") || e.reason().startsWith("cannot read")
					|| e.reason().endsWith("is not a regular file");
			if (unreadable && e.file().equals(file.toString())) {
				throw new BadHeader(e.getMessage(), CommandLine.EXIT_NOT_FOUND);
			}
			throw new UsageException(e.getMessage());
		}
		try {
			return StructOverlay.of(header, parsed.typeName(), parsed.offset(), parsed.count());
		} catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage() + (header.typeNames().isEmpty() ? ""
					: "; it defines: " + String.join(", ", header.typeNames().stream().limit(20).toList())));
		}
	}
}
