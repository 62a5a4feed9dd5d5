package org.ipcscope.cli.internal;

/**
 * The command users type to run the command line: {@code ipcscope} on Linux (the product's
 * launcher and the repository's script), {@code ipcscope-cli} on Windows, whose launcher says so
 * with {@code -Dipcscope.command}. Usage and hints name it, so they can be typed as printed.
 */
final class CommandName {

	private CommandName() {
	}

	static String get() {
		String name = System.getProperty("ipcscope.command", "");
		return name.matches("[A-Za-z0-9._-]{1,32}") ? name : "ipcscope";
	}
}
