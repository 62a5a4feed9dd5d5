package org.ipcscope.core.struct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preprocessor and the parser on their own: what they take, what they skip, how they fail. */
class HeaderParserTest {

	private static ParsedHeader parse(String text, Abi abi, Map<String, String> defines) throws HeaderProblem {
		return ParsedHeader.parse(HeaderSource.ofText(text, "<pasted>"), new HeaderOptions(abi, defines, List.of()));
	}

	private static ParsedHeader parse(String text) throws HeaderProblem {
		return parse(text, Abi.SYSV64, Map.of());
	}

	private static HeaderProblem problem(String text) {
		return assertThrows(HeaderProblem.class, () -> parse(text));
	}

	@Test
	void errorsNameTheFileLineAndColumn() {
		assertEquals("<pasted>:3:5: unknown type 'mystery'",
				problem("struct a {\n  int x;\n    mystery y;\n};").getMessage());
		assertEquals("<pasted>:1:18: ';' expected after a member, not '}'", problem("struct a { int x }").getMessage());
		HeaderProblem unclosed = problem("\n\nstruct a { int x;");
		assertEquals(3, unclosed.line());
		assertEquals(10, unclosed.column());
		assertEquals("<pasted>:2:1: #endif missing at the end of <pasted>".substring(0, 9),
				problem("#ifdef X\nstruct a { int x; };").getMessage().substring(0, 9));
		assertEquals("<pasted>:1:19: 'NOPE' is not a constant this header defines",
				problem("struct a { char x[NOPE]; };").getMessage());
		assertEquals("<pasted>:2:2: #error wrong ABI", problem("#ifndef _WIN32\n#error wrong ABI\n#endif").getMessage());
		assertTrue(problem("struct a { int x : 40; };").getMessage().contains("wider (40) than its type int"));
	}

	@Test
	void functionsVariablesAndOtherDeclarationsAreSkipped() throws HeaderProblem {
		ParsedHeader header = parse("""
				extern int counter;
				int add(int a, int b);
				static inline int twice(int x) { if (x) { return 2 * x; } return 0; }
				__declspec(dllexport) void exported(void);
				SOME_MACRO_WE_DO_NOT_KNOW(1, 2);
				typedef int (*handler_t)(void *);
				struct after { handler_t h; int x; };
				""");
		assertEquals(List.of("handler_t", "struct after"), header.typeNames());
		assertEquals(16, header.sizeOf("after"));
	}

	@Test
	void conditionalsChooseByDefinesAndTheAbi() throws HeaderProblem {
		String text = """
				#define BASE 4
				#if defined(_WIN64) && BASE * 2 == 8
				struct s { char win64[1]; };
				#elif defined _WIN32
				struct s { char win32[2]; };
				#elif EXTRA >= 3 || !defined(NOTHING)
				struct s { char other[EXTRA + BASE]; };
				#else
				struct s { char never[1]; };
				#endif
				""";
		assertEquals("win64", parse(text, Abi.MSVC64, Map.of()).layout("s").children().get(0).name());
		assertEquals("win32", parse(text, Abi.MSVC32, Map.of()).layout("s").children().get(0).name());
		assertEquals(9, parse(text, Abi.SYSV64, Map.of("EXTRA", "5")).sizeOf("s"));
		assertEquals(1, parse(text, Abi.SYSV64, Map.of("EXTRA", "1", "NOTHING", "")).sizeOf("s"),
				"EXTRA >= 3 is false, and NOTHING is defined");
	}

	@Test
	void macrosWithParametersAndSizeofInArraySizes() throws HeaderProblem {
		ParsedHeader header = parse("""
				#define SLOTS(n) ((n) * 2 + 1)
				#define WIDTH sizeof(struct point)
				struct point { short x, y; };
				enum { FIRST = 3, SECOND };
				struct table { char name[SLOTS(3)]; unsigned char raw[WIDTH]; int by_enum[SECOND << 1]; };
				""");
		Field table = header.layout("struct table");
		assertEquals(List.of(7L), table.children().get(0).dims());
		assertEquals(List.of(4L), table.children().get(1).dims());
		assertEquals(List.of(8L), table.children().get(2).dims());
	}

	@Test
	void tcharFollowsUnicode() throws HeaderProblem {
		String text = "struct s { TCHAR name[4]; };";
		assertEquals(4, parse(text, Abi.MSVC64, Map.of()).sizeOf("s"));
		assertEquals(8, parse(text, Abi.MSVC64, Map.of("UNICODE", "1")).sizeOf("s"));
		assertEquals(FieldKind.WIDE_STRING,
				parse(text, Abi.SYSV64, Map.of("_UNICODE", "1")).layout("s").children().get(0).kind());
	}

	@Test
	void includesResolveNextToTheHeaderAndNotOutOfItsTree(@TempDir Path dir) throws Exception {
		Path project = Files.createDirectories(dir.resolve("project/include"));
		Files.writeString(project.resolve("types.h"), "#pragma once\n#include \"main.h\"\ntypedef int id_t2;\n");
		Files.writeString(project.resolve("main.h"), "#include \"types.h\"\n#include \"types.h\"\n"
				+ "struct rec { id_t2 id; };\n");
		ParsedHeader header = ParsedHeader.parse(HeaderSource.ofFile(project.resolve("main.h")),
				HeaderOptions.of(Abi.SYSV64));
		assertEquals(4, header.sizeOf("rec"), "an include cycle is read once");

		Files.writeString(dir.resolve("outside.h"), "typedef int outside_t;\n");
		Files.writeString(project.resolve("escape.h"), "#include \"../../outside.h\"\nstruct e { outside_t o; };\n");
		HeaderProblem escape = assertThrows(HeaderProblem.class,
				() -> ParsedHeader.parse(HeaderSource.ofFile(project.resolve("escape.h")), HeaderOptions.of(Abi.SYSV64)));
		assertTrue(escape.getMessage().startsWith(project.resolve("escape.h") + ":1:10: #include \"../../outside.h\" leads out of"),
				escape.getMessage());
		Files.createSymbolicLink(project.resolve("link.h"), dir.resolve("outside.h"));
		Files.writeString(project.resolve("linked.h"), "#include \"link.h\"\n");
		assertThrows(HeaderProblem.class,
				() -> ParsedHeader.parse(HeaderSource.ofFile(project.resolve("linked.h")), HeaderOptions.of(Abi.SYSV64)),
				"a link out of the tree is refused too");

		ParsedHeader allowed = ParsedHeader.parse(HeaderSource.ofFile(project.resolve("escape.h")),
				new HeaderOptions(Abi.SYSV64, Map.of(), List.of(dir)));
		assertEquals(4, allowed.sizeOf("e"), "an include directory allows it");

		HeaderProblem missing = assertThrows(HeaderProblem.class, () -> ParsedHeader
				.parse(HeaderSource.ofFile(dir.resolve("absent.h")), HeaderOptions.of(Abi.SYSV64)));
		assertTrue(missing.reason().startsWith("cannot open"), missing.getMessage());
	}

	@Test
	void hostileHeadersEndInAProblemNotInAStackOverflowOrFullMemory() {
		assertTrue(problem("struct a { char x[" + "(".repeat(20_000) + "1" + ")".repeat(20_000) + "]; };").reason()
				.contains("nested deeper than"));
		StringBuilder laughs = new StringBuilder("#define L0 1\n");
		for (int i = 1; i <= 40; i++) {
			laughs.append("#define L").append(i).append(" L").append(i - 1).append("+L").append(i - 1).append('\n');
		}
		assertTrue(problem(laughs + "struct a { char x[L40]; };").reason().matches("macro expansion of L[0-9]+ grows past .*"));
		assertTrue(problem("struct a { ".repeat(5000) + "int x; " + "} y; ".repeat(5000) + "};").reason()
				.contains("structs nested deeper than"));
		assertTrue(problem("struct a { long x[1LL << 60]; };").reason().contains("larger than 2^48"));
		assertTrue(problem("struct a { char x[1LL << 47]; char y[1LL << 47]; char z[1LL << 47]; };").reason()
				.contains("larger than 2^48"));
		assertTrue(problem("struct a { int x" + "[1]".repeat(10_000) + "; };").reason().contains("more than 64 dimensions"));
		assertEquals("<pasted>:2:19: 'SELF' is not a constant this header defines",
				problem("#define SELF SELF\nstruct a { char x[SELF]; };").getMessage());
	}

	@Test
	void typesByTheirNames() throws HeaderProblem {
		ParsedHeader header = parse("typedef struct tag { int a; } alias_t; union u { char c; }; enum e { X };");
		assertTrue(header.hasType("alias_t"));
		assertTrue(header.hasType("struct tag"));
		assertTrue(header.hasType("tag"));
		assertTrue(header.hasType("u"));
		assertTrue(header.hasType("DWORD"), "built in");
		assertFalse(header.hasType("nothing"));
		assertEquals("alias_t", header.layout("alias_t").typeName());
		assertThrows(IllegalArgumentException.class, () -> header.layout("nothing"));
	}
}
