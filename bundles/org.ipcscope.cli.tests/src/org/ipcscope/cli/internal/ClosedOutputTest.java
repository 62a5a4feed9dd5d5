package org.ipcscope.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.ipcscope.tests.support.HelperProcess;
import org.junit.jupiter.api.Test;

/**
 * {@code hex --watch} in a JVM of its own whose output is read through a pipe that is then closed,
 * as {@code | head} does. PrintStream keeps quiet about the failed writes: before, it watched on
 * for ever, printing into nothing.
 */
class ClosedOutputTest {

	@Test
	void watchEndsWhenItsOutputIsClosed() throws Exception {
		String name = "/ipcscope-closed-" + ProcessHandle.current().pid();
		try (HelperProcess helper = HelperProcess.start(1, HelperProcess.helper("ipc_helper").toString(), "counter", name,
				"4096")) {
			Process watch = new ProcessBuilder(CliJvm.command(CliJvm.jars(), "hex", name, "--length", "64", "--watch", "20"))
					.redirectError(ProcessBuilder.Redirect.DISCARD).start();
			try {
				BufferedReader out = new BufferedReader(new InputStreamReader(watch.getInputStream(), StandardCharsets.UTF_8));
				assertTrue(out.readLine().startsWith("00000000  "), "the first row");
				// the counter changes every 100 ms: the next rounds print, and meet the closed pipe
				watch.getInputStream().close();
				assertTrue(watch.waitFor(20, TimeUnit.SECONDS), "hex --watch went on with its output closed");
				assertEquals(CommandLine.EXIT_NOT_FOUND, watch.exitValue());
			} finally {
				watch.destroyForcibly();
			}
		}
	}
}
