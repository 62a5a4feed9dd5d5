package org.ipcscope.core.struct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ground truth: for every header of the corpus and every ABI, the compiler's own layout of
 * every struct and union it defines must equal the parser's, field by field. {@link LayoutProbe}
 * writes a C file whose data the compiler fills with sizeof, _Alignof and offsetof of each field,
 * and with one copy of the struct per bitfield with only that bitfield set to all ones; it is
 * compiled (not linked), and objdump reads the numbers and the bits back out of the object file.
 * gcc gives System V x86-64; x86_64-w64-mingw32-gcc and i686-w64-mingw32-gcc with -mms-bitfields
 * give the Microsoft x64 and x86 layouts.
 */
class CompilerLayoutTest {

	static final Path CORPUS = Path.of("corpus/struct");
	static final Map<String, String> DEFINES = Map.of("USE_STATE_NAMES", "1");

	enum Compiler {
		GCC(Abi.SYSV64, "gcc", "objdump"),
		MINGW64(Abi.MSVC64, "x86_64-w64-mingw32-gcc", "x86_64-w64-mingw32-objdump"),
		MINGW32(Abi.MSVC32, "i686-w64-mingw32-gcc", "i686-w64-mingw32-objdump");

		final Abi abi;
		final String cc;
		final String objdump;

		Compiler(Abi abi, String cc, String objdump) {
			this.abi = abi;
			this.cc = cc;
			this.objdump = objdump;
		}
	}

	static Stream<Arguments> headersAndCompilers() throws IOException {
		List<Arguments> all = new ArrayList<>();
		try (Stream<Path> files = Files.list(CORPUS)) {
			for (Path header : files.filter(p -> p.toString().endsWith(".h") && !p.toString().endsWith("_inner.h"))
					.sorted().toList()) {
				for (Compiler compiler : Compiler.values()) {
					all.add(Arguments.of(header.getFileName().toString(), compiler));
				}
			}
		}
		return all.stream();
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("headersAndCompilers")
	void layoutEqualsTheCompilers(String headerName, Compiler compiler) throws Exception {
		Path header = CORPUS.resolve(headerName).toAbsolutePath();
		ParsedHeader parsed = ParsedHeader.parse(HeaderSource.ofFile(header),
				new HeaderOptions(compiler.abi, DEFINES, List.of()));
		LayoutProbe probe = new LayoutProbe(parsed, header);
		assertTrue(probe.typeCount() >= 1, "the header defines structs: " + parsed.typeNames());
		Path work = Files.createDirectories(Path.of("target/struct-layout", compiler.name().toLowerCase()));
		String stem = headerName.replace(".h", "");
		Path source = work.resolve(stem + ".c");
		Files.writeString(source, probe.program(), StandardCharsets.UTF_8);
		Path object = work.resolve(stem + ".o");
		List<String> command = new ArrayList<>(List.of(compiler.cc, "-c", "-std=gnu11", "-w", "-o", object.toString()));
		if (compiler.abi != Abi.SYSV64) {
			command.add("-mms-bitfields");
		}
		DEFINES.forEach((k, v) -> command.add("-D" + k + "=" + v));
		command.add(source.toString());
		run(command, work.resolve(stem + ".cc.txt"));
		Path dump = work.resolve(stem + ".objdump.txt");
		run(List.of(compiler.objdump, "-s", object.toString()), dump);
		List<String> mismatches = probe.compare(ObjdumpSections.parse(Files.readString(dump)));
		if (!mismatches.isEmpty()) {
			fail(mismatches.size() + " of " + probe.checkCount() + " checks differ from " + compiler.cc + " for "
					+ headerName + " (" + compiler.abi.id() + "), see " + source + ":\n" + String.join("\n", mismatches));
		}
		assertTrue(probe.checkCount() > probe.typeCount(), "fields checked: " + probe.checkCount());
		assertEquals(List.of(), mismatches);
	}

	private static void run(List<String> command, Path output) throws IOException, InterruptedException {
		Process process;
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
		} catch (IOException e) {
			throw new AssertionError(command.get(0) + " is needed for the layout ground truth"
					+ " (releng/scripts/debian-packages.sh lists its Debian package): " + e.getMessage(), e);
		}
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			fail(command.get(0) + " did not finish in 120 s");
		}
		assertEquals(0, process.exitValue(), () -> String.join(" ", command) + " failed:\n" + read(output));
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		} catch (IOException e) {
			return e.toString();
		}
	}
}
