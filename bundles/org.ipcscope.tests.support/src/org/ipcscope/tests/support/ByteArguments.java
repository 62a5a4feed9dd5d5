package org.ipcscope.tests.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A command whose arguments are any bytes. ProcessBuilder encodes Strings in the locale's
 * charset and cannot pass a byte that is not UTF-8; here /bin/sh makes each argument from octal
 * escapes with printf and execs the command, which so gets exactly these bytes (and the pid of
 * the shell).
 */
public final class ByteArguments {

	private ByteArguments() {
	}

	/** @return what to start: /bin/sh running the command {@code argv}, each argument as its bytes */
	public static String[] command(List<byte[]> argv) {
		StringBuilder script = new StringBuilder();
		List<String> words = new ArrayList<>();
		for (int i = 0; i < argv.size(); i++) {
			// the x keeps a trailing newline from the command substitution, which strips them
			script.append("a").append(i).append("=$(printf '").append(octal(argv.get(i))).append("x'); a").append(i)
					.append("=${a").append(i).append("%x}; ");
			words.add("\"$a" + i + "\"");
		}
		script.append("exec ").append(String.join(" ", words));
		return new String[] { "/bin/sh", "-c", script.toString() };
	}

	/** @return the command with these arguments, the Strings as UTF-8 */
	public static String[] command(String program, Object... arguments) {
		List<byte[]> argv = new ArrayList<>();
		argv.add(program.getBytes(StandardCharsets.UTF_8));
		for (Object argument : arguments) {
			argv.add(argument instanceof byte[] bytes ? bytes : argument.toString().getBytes(StandardCharsets.UTF_8));
		}
		return command(argv);
	}

	private static String octal(byte[] bytes) {
		StringBuilder out = new StringBuilder();
		for (byte b : bytes) {
			int value = b & 0xff;
			if (value >= 'a' && value <= 'z' || value >= 'A' && value <= 'Z' || value >= '0' && value <= '9') {
				out.append((char) value);
			} else {
				out.append(String.format("\\%03o", value));
			}
		}
		return out.toString();
	}
}
