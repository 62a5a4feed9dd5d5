package org.ipcscope.linux.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.ipcscope.tests.support.CommandRun;
import org.junit.jupiter.api.Test;

/**
 * The native /proc scanner on what a maps file or a process's name may hold, in a /proc tree
 * made here (the scanner takes its root as an argument), and the same scanner built from its
 * source with AddressSanitizer and UndefinedBehaviorSanitizer, run on the real /proc and on that
 * tree: any fault, leak or undefined behaviour ends it with a report on stderr.
 */
class ProcScanRobustnessTest {

	private static Path work;
	private static Path fakeProc;

	/** The lines of the made-up maps that are no mapping the scanner may report, each for its own reason. */
	private static final List<byte[]> NOT_MAPPINGS = List.of(
			"7f0000003000-7f0000004000 rw-s 00000000 00:05 125 /dev/shm/nul\0tail".getBytes(StandardCharsets.UTF_8),
			"/dev/shm/lonely".getBytes(StandardCharsets.UTF_8),
			"7f0000004000-7f0000005000 rw-p 00000000 00:00 0 [anon:/dev/shm/fake]".getBytes(StandardCharsets.UTF_8),
			"7f0000005000-7f0000006000 rw 00000000 00:05 126 /dev/shm/short".getBytes(StandardCharsets.UTF_8));

	private static final String LONG_PATH = "/dev/shm/" + "a".repeat(100_000);

	@BeforeAll
	static void makeProcTree() throws IOException {
		work = Files.createTempDirectory("ipcscope-scan-robust");
		fakeProc = work.resolve("proc");
		Path process = Files.createDirectories(fakeProc.resolve("123"));
		Files.createDirectories(process.resolve("fd"));
		// a name with a NUL inside: before the fix its second half became a field of its own
		Files.write(process.resolve("comm"), "na\0me\n".getBytes(StandardCharsets.UTF_8));
		ByteArrayOutputStream maps = new ByteArrayOutputStream();
		line(maps, "7f0000000000-7f0000002000 rw-s 00000000 00:05 123 /dev/shm/good");
		line(maps, "7f0000002000-7f0000003000 rw-s 00000000 00:05 124 " + LONG_PATH);
		for (byte[] notMapping : NOT_MAPPINGS) {
			maps.writeBytes(notMapping);
			maps.write('\n');
		}
		line(maps, "7f0000006000-7f0000007000 rw-s 00000000 00:05 127 /dev/shm/new\\012line");
		// cut short, without its newline: sscanf read on past the end of the buffer
		maps.writeBytes("7f0000007000-7f0000008000 rw-s 00000000 00:05".getBytes(StandardCharsets.UTF_8));
		Files.write(process.resolve("maps"), maps.toByteArray());
		// not processes: the scanner takes only names of digits
		Files.createDirectories(fakeProc.resolve("12x/fd"));
		Files.createDirectories(fakeProc.resolve("99999999999999/fd"));
	}

	private static void line(ByteArrayOutputStream out, String line) {
		out.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
	}

	@AfterAll
	static void clean() throws IOException {
		try (Stream<Path> files = Files.walk(work)) {
			files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
		}
	}

	@Test
	void oddMapsLinesAndNamesKeepTheRecordsFramed() throws Exception {
		Path scanner = NativeHelper.PROC_SCANNER.path();
		assertNotNull(scanner, "native/amd64/ipcscope-proc is missing from the bundle");
		assertFakeTreeScanned(run(scanner.toString(), fakeProc.toString(), "textmaps"));
	}

	@Test
	void theScannerBuiltWithSanitizersFindsNothingWrong() throws Exception {
		Path sanitized = buildSanitized();
		// the real /proc both ways (the kernel's PROCMAP_QUERY where it has it, maps' text), with the peers
		for (List<String> arguments : List.of(List.of("/proc", "maps", "peers"), List.of("/proc", "textmaps"),
				List.of("/proc"))) {
			List<String> command = new ArrayList<>(List.of(sanitized.toString()));
			command.addAll(arguments);
			Run run = run(command.toArray(String[]::new));
			ProcScan.Result result = ProcScan.decode(run.out, arguments.contains("peers"));
			long self = ProcessHandle.current().pid();
			assertTrue(result.processes().stream().anyMatch(p -> p.pid() == self && !p.descriptors().isEmpty()),
					"this process was not found by " + arguments);
		}
		assertFakeTreeScanned(run(sanitized.toString(), fakeProc.toString(), "textmaps"));
		// a root that cannot be listed is said so, without a fault
		Run missing = start(sanitized.toString(), work.resolve("no-such-proc").toString());
		assertEquals(1, missing.exit);
		assertTrue(missing.err.endsWith("No such file or directory\n") && missing.err.lines().count() == 1, missing.err);
	}

	private static void assertFakeTreeScanned(Run run) {
		ProcScan.Result result = ProcScan.decode(run.out, false);
		assertEquals(1, result.processes().size(), "only 123 is a process: " + result.processes());
		ProcessTable.ProcessRecord process = result.processes().get(0);
		assertEquals(123, process.pid());
		assertEquals("na", process.name(), "the name ends at its NUL");
		assertEquals(List.of(new ProcessTable.Mapping(123, "/dev/shm/good", 123, 0x2000, "rw-s"),
				new ProcessTable.Mapping(123, LONG_PATH, 124, 0x1000, "rw-s"),
				new ProcessTable.Mapping(123, "/dev/shm/new\\012line", 127, 0x1000, "rw-s")), process.mappings());
	}

	/** Compiles the scanner's source as the bundle does, plus the sanitizers, into this test's directory. */
	private static Path buildSanitized() throws Exception {
		String source = System.getProperty("ipcscope.proc.source");
		assertNotNull(source, "the system property ipcscope.proc.source (set in this module's pom) names the scanner's source");
		Path binary = work.resolve("ipcscope-proc-sanitized");
		Run gcc = start("gcc", "-O1", "-g", "-fno-omit-frame-pointer", "-fsanitize=address,undefined",
				"-fno-sanitize-recover=all", "-Wall", "-Wextra", "-Werror", "-pthread", "-o", binary.toString(), source);
		assertEquals(0, gcc.exit, "gcc could not build the sanitized scanner: " + gcc.err);
		return binary;
	}

	record Run(int exit, byte[] out, String err) {
	}

	/** Runs it to its end and checks that it ended well and said nothing (a sanitizer's report goes to stderr). */
	private static Run run(String... command) throws Exception {
		Run run = start(command);
		assertEquals(0, run.exit, String.join(" ", command) + ": " + run.err);
		assertEquals("", run.err, String.join(" ", command));
		return run;
	}

	private static Run start(String... command) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(command);
		// leaks are faults too; a report ends the run with a non-zero exit
		builder.environment().put("ASAN_OPTIONS", "detect_leaks=1:abort_on_error=0:exitcode=99");
		builder.environment().put("UBSAN_OPTIONS", "print_stacktrace=1:halt_on_error=1:exitcode=98");
		CommandRun run = CommandRun.run(builder, Duration.ofSeconds(120), CommandRun.ALL);
		return new Run(run.exit(), run.out(), run.errText());
	}
}
