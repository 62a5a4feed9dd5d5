package org.ipcscope.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.ipcscope.core.IpcKind;
import org.junit.jupiter.api.Test;

/** The bash completion script, run in a real bash: it offers the verbs and kinds the command line has. */
class CompletionTest {

	private static List<String> complete(String... words) throws IOException, InterruptedException {
		String root = System.getProperty("ipcscope.root");
		assertNotNull(root, "the system property ipcscope.root (set in this module's pom) names the repository");
		Path script = Path.of(root, "releng/scripts/ipcscope-completion.bash");
		String array = String.join(" ", Arrays.stream(words).map(w -> "'" + w.replace("'", "'\\''") + "'").toList());
		Process bash = new ProcessBuilder("bash", "-c", "source \"$1\"; COMP_WORDS=(" + array + "); COMP_CWORD="
				+ (words.length - 1) + "; _ipcscope; printf '%s\\n' \"${COMPREPLY[@]}\"", "bash", script.toString())
				.redirectErrorStream(true).start();
		bash.getOutputStream().close();
		assertTrue(bash.waitFor(20, TimeUnit.SECONDS), "bash did not end");
		String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertEquals(0, bash.exitValue(), out);
		return out.lines().filter(line -> !line.isEmpty()).toList();
	}

	@Test
	void offersEveryVerbOfTheUsageAndNothingElse() throws Exception {
		List<String> verbs = complete("./ipcscope", "");
		List<String> expected = new java.util.ArrayList<>(CommandLine.VERBS.keySet());
		expected.add("--no-daemon");
		assertEquals(expected.stream().sorted().toList(), verbs.stream().sorted().toList());
	}

	@Test
	void offersEveryKindAndThisProcessesPid() throws Exception {
		List<String> kinds = complete("./ipcscope", "list", "--kind", "");
		assertEquals(Arrays.stream(IpcKind.values()).map(IpcKind::id).sorted().toList(), kinds.stream().sorted().toList());
		String pid = Long.toString(ProcessHandle.current().pid());
		assertTrue(complete("./ipcscope", "regions", pid.substring(0, 1)).contains(pid), "this JVM's pid");
		assertTrue(complete("./ipcscope", "search", pid, "int3").contains("int32:"));
	}

	@Test
	void offersTheSegmentsOfDevShm() throws Exception {
		Path segment = Files.createFile(Path.of("/dev/shm", "ipcscope-completion-" + ProcessHandle.current().pid()));
		try {
			assertTrue(complete("./ipcscope", "hex", "/ipcscope-completion-").contains("/" + segment.getFileName()));
		} finally {
			Files.delete(segment);
		}
	}
}
