package org.ipcscope.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ipcscope.core.InventoryService;
import org.ipcscope.core.memory.MemorySourceService;
import org.ipcscope.core.process.ProcessMemoryProvider;
import org.ipcscope.core.text.NameBytes;
import org.ipcscope.core.text.Printable;
import org.ipcscope.tests.support.BlockedFifoWriter;
import org.ipcscope.tests.support.ByteArguments;
import org.ipcscope.tests.support.HelperProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Names as the system has them and as the command line prints them: every byte reaches the
 * system, every name {@code list} prints opens, and nothing a name holds reaches the terminal raw.
 */
class NamesAndEscapesTest {

	private static final Pattern OBJECT = Pattern
			.compile("\\{\"kind\": \"([a-z-]+)\", \"name\": \"((?:[^\"\\\\]|\\\\.)*)\"");

	private static TrackedService<InventoryService> inventory;
	private static TrackedService<MemorySourceService> memory;
	private static TrackedService<ProcessMemoryProvider> processes;

	private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
	private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

	@BeforeAll
	static void services() {
		inventory = new TrackedService<>(InventoryService.class);
		memory = new TrackedService<>(MemorySourceService.class);
		processes = new TrackedService<>(ProcessMemoryProvider.class);
	}

	@AfterAll
	static void release() {
		inventory.close();
		memory.close();
		processes.close();
	}

	/** Runs a command in this JVM, its output from the start. */
	private int run(String... args) throws InterruptedException {
		outBytes.reset();
		errBytes.reset();
		return CommandLine.run(List.of(args), Providers.NONE.withInventory(() -> inventory.await(20))
				.withMemory(() -> memory.await(20)).withProcesses(() -> processes.await(20)),
				new PrintStream(outBytes, true, StandardCharsets.UTF_8), new PrintStream(errBytes, true, StandardCharsets.UTF_8));
	}

	private String out() {
		return outBytes.toString(StandardCharsets.UTF_8);
	}

	private String err() {
		return errBytes.toString(StandardCharsets.UTF_8);
	}

	private static String unique(String what) {
		return "ipcscope-cli-" + what + "-" + ProcessHandle.current().pid() + "-" + ThreadLocalRandom.current().nextInt(1_000_000);
	}

	private static byte[] bytes(String text, int... raw) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
		for (int b : raw) {
			out.write(b);
		}
		return out.toByteArray();
	}

	private static HelperProcess helper(int objects, Object... arguments) throws IOException {
		return HelperProcess.start(objects, ByteArguments.command(HelperProcess.helper("ipc_helper").toString(), arguments));
	}

	@Test
	void hexOpensANameThatIsNotUtf8AsTheShellGaveItAndAsListPrintsIt() throws Exception {
		byte[] raw = bytes("/" + unique("raw") + "-", 0xff);
		try (HelperProcess helper = helper(1, "posix", raw, "64")) {
			CliJvm.Run hex = CliJvm.runWithBytes("hex", raw, "--length", "1");
			assertEquals(0, hex.exit(), hex.err());
			assertEquals("00000000  42                                                |B|\n00000001\n", hex.out());

			CliJvm.Run table = CliJvm.runWithBytes("list", "--kind", "posix-shm");
			String shown = Printable.escape(NameBytes.decode(raw));
			assertTrue(shown.endsWith("-\\xff"), shown);
			assertTrue(table.out().lines().anyMatch(l -> l.contains(" " + shown + " ")), table.out());
			CliJvm.Run escaped = CliJvm.runWithBytes("hex", shown, "--length", "1");
			assertEquals(0, escaped.exit(), "the name as list prints it: " + escaped.err());
			assertEquals(hex.out(), escaped.out());
		}
	}

	@Test
	void aTrailingSpaceNamesAnotherSegment() throws Exception {
		String name = "/" + unique("space");
		try (HelperProcess helper = helper(1, "posix", name, "64")) {
			assertEquals(CommandLine.EXIT_OK, run("hex", name, "--length", "1"), err());
			assertEquals(CommandLine.EXIT_NOT_FOUND, run("hex", name + " ", "--length", "1"), out());
			assertEquals("", out());
			assertTrue(err().startsWith("No shared memory named '" + name + " '"), err());
		}
	}

	@Test
	void controlCharactersInANameShowEscapedOnOneRowAndExactInJson() throws Exception {
		String marker = unique("escape");
		byte[] raw = bytes("/" + marker + "\n\u001b]0;x\u0007\u001b[31mred\\");
		String name = NameBytes.decode(raw);
		try (HelperProcess helper = helper(1, "posix", raw, "64")) {
			assertEquals(0, run("list", "--kind", "posix-shm"), err());
			List<String> rows = out().lines().filter(l -> l.contains(marker)).toList();
			assertEquals(1, rows.size(), "one row: " + out());
			assertTrue(rows.get(0).contains(" /" + marker + "\\n\\x1b]0;x\\x07\\x1b[31mred\\\\ "), rows.get(0));
			assertTrue(rows.get(0).contains("ipc_helper (" + helper.pid() + ")"), rows.get(0));
			assertFalse(out().chars().anyMatch(c -> c < 0x20 && c != '\n'), "a control character reached the terminal");

			assertEquals(0, run("list", "--kind", "posix-shm", "--json"), err());
			assertTrue(listed(out()).contains("posix-shm " + name), "the exact name in the JSON: " + out());
			assertEquals(0, run("hex", name, "--length", "1"), err());
			assertTrue(out().startsWith("00000000  42"), out());

			// a message that echoes the name escapes it too
			assertEquals(CommandLine.EXIT_NOT_FOUND, run("hex", name + "\u001b[2J"));
			assertTrue(err().startsWith("No shared memory named '/" + marker + "\\n\\x1b]0;x\\x07\\x1b[31mred\\\\\\x1b[2J'; "),
					err());
			assertEquals(1, err().lines().count(), err());
		}
	}

	@Test
	void regionsShowAMappedFilesNameEscapedAndExactInJson() throws Exception {
		String marker = unique("mapped");
		byte[] raw = bytes("/" + marker + "\u001b[31m", 0xff);
		try (HelperProcess helper = helper(1, "posix", raw, "4096")) {
			String pid = Long.toString(helper.pid());
			assertEquals(0, run("regions", pid), err());
			List<String> rows = out().lines().filter(l -> l.contains(marker)).toList();
			assertEquals(1, rows.size(), out());
			assertTrue(rows.get(0).endsWith(" /dev/shm/" + marker + "\\x1b[31m\\xff"), rows.get(0));
			assertFalse(out().chars().anyMatch(c -> c < 0x20 && c != '\n'), "a control character reached the terminal");
			assertEquals(0, run("regions", pid, "--json"), err());
			assertTrue(out().contains("\"path\": \"/dev/shm/" + marker + "\\u001b[31m\\udcff\""), out());
		}
	}

	@Test
	void everySegmentAndFifoListedOpensByItsJsonName() throws Exception {
		byte[] segment = bytes("/" + unique("every") + "-\t", 0xfe, ' ');
		Path directory = Files.createTempDirectory("ipcscope-names");
		byte[] fifo = bytes(NameBytes.name(directory) + "/fifo-\n", 0xff, 0x1b);
		try (HelperProcess helper = helper(2, "posix", segment, "64", "fifo", fifo)) {
			assertEquals(0, run("list", "--kind", "posix-shm,fifo", "--json", "--fifo-dir", NameBytes.name(directory)), err());
			List<String> listed = listed(out());
			assertTrue(listed.contains("posix-shm " + NameBytes.decode(segment)), "the segment: " + listed);
			assertTrue(listed.contains("fifo " + NameBytes.decode(fifo)), "the FIFO: " + listed);
			for (String object : listed) {
				String kind = object.substring(0, object.indexOf(' '));
				String name = object.substring(kind.length() + 1);
				if (kind.equals("posix-shm")) {
					int code = run("hex", name, "--length", "1");
					// another process's segment may go meanwhile: then it is not in /dev/shm any more
					assertTrue(code == 0 || !Files.exists(NameBytes.path("/dev/shm" + name), LinkOption.NOFOLLOW_LINKS),
							Printable.escape(name) + ": " + err());
				} else {
					Path path = NameBytes.path(name);
					assertTrue(!Files.exists(path, LinkOption.NOFOLLOW_LINKS)
							|| (((Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS)) & 0170000) == 0010000,
							Printable.escape(name) + " is a FIFO by the name listed");
				}
			}
			assertTrue(Files.exists(NameBytes.path(NameBytes.decode(fifo)), LinkOption.NOFOLLOW_LINKS), "the helper's FIFO");
		} finally {
			Files.deleteIfExists(NameBytes.path(NameBytes.decode(fifo)));
			Files.deleteIfExists(directory);
		}
	}

	@Test
	void hexRefusesALinkToAFifoAndItsBlockedWriterStaysBlocked() throws Exception {
		int uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
		assumeTrue(uid == 0, "root opening what anyone planted in /dev/shm is the danger, and only root sees the"
				+ " kernel's wait in /proc/PID/wchan; this runs as uid " + uid);
		Path directory = Files.createTempDirectory("ipcscope-fifo");
		Path fifo = directory.resolve("fifo");
		String link = unique("link");
		Path linkPath = Path.of("/dev/shm", link);
		try {
			BlockedFifoWriter.mkfifo(fifo);
			Files.createSymbolicLink(linkPath, fifo);
			try (BlockedFifoWriter writer = BlockedFifoWriter.start(fifo)) {
				assertEquals(CommandLine.EXIT_NOT_FOUND, run("hex", "/" + link));
				assertEquals("Cannot read /" + link + ": " + linkPath + " is a symbolic link, not a shared memory segment\n",
						err());
				assertEquals("", out());
				// the refusal came first: the writer still waits for a reader
				assertTrue(writer.isBlocked(), "the writer was woken: hex opened the FIFO");
			}
		} finally {
			Files.deleteIfExists(linkPath);
			Files.deleteIfExists(fifo);
			Files.deleteIfExists(directory);
		}
	}

	/** @return "KIND NAME" of each object of a {@code list --json}, the name's JSON escapes decoded */
	private static List<String> listed(String json) {
		List<String> objects = new ArrayList<>();
		Matcher object = OBJECT.matcher(json);
		while (object.find()) {
			objects.add(object.group(1) + " " + jsonString(object.group(2)));
		}
		return objects;
	}

	private static String jsonString(String literal) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < literal.length(); i++) {
			char c = literal.charAt(i);
			if (c != '\\') {
				text.append(c);
				continue;
			}
			char escape = literal.charAt(++i);
			switch (escape) {
			case 'n' -> text.append('\n');
			case 't' -> text.append('\t');
			case 'r' -> text.append('\r');
			case 'b' -> text.append('\b');
			case 'f' -> text.append('\f');
			case 'u' -> {
				text.append((char) Integer.parseInt(literal, i + 1, i + 5, 16));
				i += 4;
			}
			default -> text.append(escape);
			}
		}
		return text.toString();
	}
}
