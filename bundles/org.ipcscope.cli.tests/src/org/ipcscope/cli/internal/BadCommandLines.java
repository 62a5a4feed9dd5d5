package org.ipcscope.cli.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.ipcscope.core.hex.OffsetExpression;
import org.ipcscope.core.search.PatternSyntax;

/**
 * Command lines that are wrong in one place each, generated from a seed: names, PIDs, offsets,
 * lengths, addresses, patterns, expressions and options, made of the pieces that broke parsers
 * before (control characters, non-ASCII digits, overflowing numbers, 100,000 parentheses...).
 * Every one must get exit code 2, 3 or 4 and a message; the fuzz test checks that.
 */
final class BadCommandLines {

	/** Pieces that junk is made of; each is wrong wherever a number, name or pattern is expected. */
	private static final List<String> PIECES = List.of("", " ", "\n", "\t", "\r", "\u001b[31m", "\u001b]0;title\u0007",
			"\u0000", "\u007f", "\u0085", "\u00e9", "\uFFFD", "\uD83D\uDCA5", "\u0663", "\uFF11", "-", "--", "0", "-1", "0x",
			"0X", "0x7fffffffffffffff", "0xffffffffffffffff", "18446744073709551616", "99999999999", "1e309", "NaN",
			"inf", "((((", "))", "%s%n%x", "'", "\"", "\\", "/", "//", "/../../etc/passwd", "#", "#-1", "$", "*", "?",
			"??", "h", "_", ",", ":", "=", "a".repeat(100_000), "(".repeat(60_000), "-".repeat(60_000),
			"9".repeat(5_000), "1/0", "2*0x4000000000000000", "@", "Local\\x");

	private final Random random;
	private final String segment;
	private final long pid;
	private final String address;
	private final List<List<String>> cases = new ArrayList<>();

	/**
	 * @param segment a POSIX segment of 4096 bytes
	 * @param pid     a live process of this user
	 * @param address a mapped address in it, with less than 2^40 bytes mapped after it
	 */
	BadCommandLines(Random random, String segment, long pid, String address) {
		this.random = random;
		this.segment = segment;
		this.pid = pid;
		this.address = address;
	}

	String junk() {
		StringBuilder text = new StringBuilder();
		for (int i = 1 + random.nextInt(3); i > 0; i--) {
			text.append(pick(PIECES));
		}
		return text.toString();
	}

	private String pick(List<String> from) {
		return from.get(random.nextInt(from.size()));
	}

	private boolean coin() {
		return random.nextBoolean();
	}

	List<List<String>> generate(int rounds) {
		for (int i = 0; i < rounds; i++) {
			hex();
			process();
			others();
		}
		return cases;
	}

	private void add(String... args) {
		cases.add(List.of(args));
	}

	/** Junk that is no valid value in [0, below): junk may happen to spell "0" or "$". */
	private String junkOutside(long below) {
		while (true) {
			String text = junk();
			try {
				long value = OffsetExpression.evaluate(text);
				if (value < 0 || value >= below) {
					return text;
				}
			} catch (IllegalArgumentException e) {
				return text;
			}
		}
	}

	private String badOffset() {
		return coin() ? pick(List.of("4096", "0x1000", "0x7fffffffffffffff", "1+0x7fffffffffffffff", "-1", "0-1", "1/0",
				"(".repeat(500) + "1" + ")".repeat(500), "\u0661", "0x\uff11", "$-1", "4095+1")) : junkOutside(4096);
	}

	private String badLength() {
		return coin() ? pick(List.of("4097", "0x7fffffffffffffff", "-1", "0x1000+1", "9223372036854775807",
				"-9223372036854775808", "(" + "-".repeat(300) + "1)")) : junkOutside(4097);
	}

	private void hex() {
		add("hex", segment, "--offset", badOffset());
		add("hex", segment, "--offset", "1", "--length", badLength());
		add("hex", segment, "--length", badLength(), "--width", coin() ? "16" : "8");
		add("hex", segment, "--width", junk());
		add("hex", segment, "--text", junk());
		add("hex", segment, "--watch", pick(List.of("0", "9", "-5", "abc", "1e3", "99999999999999999999", "", " 100")));
		add("hex", segment, "--length", "0x1000001", "--watch", "100");
		add("hex", segment, "--struct", junk());
		add("hex", segment, "--struct", "/proc/self/status:" + junk(), "--abi", pick(List.of("msvc64", "sysv64", junk())));
		add("hex", segment, pick(List.of("--offse", "-o", "--", "--offset", "--length", "--watch", "--namespace", "-")));
		add("hex", segment, segment);
		add("hex");
	}

	/** A name that may or may not exist: the caller runs only those that do not. */
	String name() {
		// a NUL cannot reach a command line through argv (nor a name through the OS)
		return (pick(List.of("", "/", "//", "#", "/x\n", "/a ")) + junk()).replace("\u0000", "");
	}

	private String badPid() {
		return coin() ? pick(List.of("0", "-1", "4294967296", "99999999999", "abc", "0x10", "1e3", " 1", "1 ", "+1",
				"\u0663", "4294967295", "")) : junk();
	}

	private String badAddress() {
		return coin() ? pick(List.of("0xffffffffffffff00", "18446744073709551615", "18446744073709551616", "0x", "-5",
				"0x10", "0", "0xgg", "1e3")) : junk();
	}

	private void process() {
		String live = Long.toString(pid);
		String verb = pick(List.of("regions", "modules", "dump", "search"));
		switch (verb) {
		case "dump" -> add(verb, badPid(), address, "16");
		case "search" -> add(verb, badPid(), "text:x");
		default -> add(verb, badPid());
		}
		add("dump", live, badAddress(), "16");
		add("dump", live, address, pick(List.of("0", "-1", "0x7fffffffffffffff", "0xffffffffffffffff",
				"0x10000000000", "1-2")));
		add("dump", live, address, junk());
		add("dump", live, address, "16", "-o", "/nonexistent-ipcscope-fuzz/d/" + junk());
		add("dump", live, address, "16", "-o");
		add("dump", live, address, "--struct", junk());
		add("search", live, badPattern(""));
		add("search", live, "hex:" + pick(List.of("zz", "0", "???", "?? ??", "4", "0x", "g0", "00 0")));
		add("search", live, "ascii:" + pick(List.of("\u00e9", "a\uD83D\uDCA5", "\uFFFD", "caf\u00e9")));
		add("search", live, pick(List.of("int8:300", "int16:-32769", "int33:1", "int64:18446744073709551616",
				badPattern("int32:"), "intbe:1", "text:", "utf16:", "int8be:")));
		add("search", live, "text:x", "--max", pick(List.of("-1", "1e3", "99999999999999999999", "", "x", "0x10")));
		add(verb, live, "--" + junk());
		add(verb);
	}

	/** A pattern with junk after {@code kind}; junk may happen to spell a number or a kind. */
	private String badPattern(String kind) {
		while (true) {
			String pattern = kind.isEmpty() ? junk() + ":" + junk() : kind + junk();
			try {
				PatternSyntax.parse(pattern);
			} catch (IllegalArgumentException e) {
				return pattern;
			}
		}
	}

	private void others() {
		String verb;
		do { // junk may be empty, and "help" alone is a verb
			verb = pick(List.of("frobnicate", "LIST", "hexx", "--", "-", "help")) + junk();
		} while (CommandLine.VERBS.containsKey(verb) || verb.equals("version"));
		add(verb);
		add("list", "--kind", junk());
		add("list", pick(List.of("--kind", "--fifo-dir", "--jsn", "-j", "json")));
		add(pick(List.of("sniff", "windows")), junk());
	}
}
