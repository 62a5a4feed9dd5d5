package org.ipcscope.core.sniff;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.ipcscope.core.text.FlatJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated JSON Lines into the capture-file readers ({@link CaptureJsonLines#read},
 * {@link CaptureJsonLines#parseLine}, {@link FlatJson#parse}): each input is read or refused with
 * a message that says what is wrong (IOException "line N: ..." from a file, IllegalArgumentException
 * from a line), within a deadline, and nothing else is thrown. The seed is printed;
 * -Dipcscope.fuzz.seed=N reads the same inputs.
 */
class CaptureReadersFuzzTest {

	private static final int CASES = 3000;
	private static final int DEADLINE_SECONDS = 10;
	private static final List<String> PIECES = List.of("{", "}", "[", "]", "\"", "\\", "\\u", "\\u12", "\\uzzzz", "\\x",
			":", ",", " ", "\t", "\n", "\r", "\u0000", "\u001b", "\uFFFD", "\uD83D", "null", "true", "1e309", "-0", "0x",
			"0xffffffffffffffffff", "99999999999999999999", "-9223372036854775809", "\"payload\":", "\"format\":",
			"\"ipcscope-copydata\"", "\"strategy\":\"x\"", "\"target\":\"0x\"", "\"cbData\":-1", "=", "====", "A".repeat(10_000),
			"[".repeat(10_000), "\"".repeat(1001));
	private static final ExecutorService READER = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(task, "capture fuzz");
		thread.setDaemon(true);
		return thread;
	});

	@AfterAll
	static void stop() {
		READER.shutdownNow();
	}

	@Test
	void randomAndMutatedCapturesAreReadOrRefusedWithAMessage() throws Exception {
		long seed = Long.getLong("ipcscope.fuzz.seed", System.nanoTime());
		Random random = new Random(seed);
		String valid = validCapture(random);
		int cases = 0;
		for (int i = 0; i < CASES; i++) {
			String input = switch (i % 3) {
			case 0 -> mutate(valid, random);
			case 1 -> randomLines(random);
			default -> spliced(valid, random);
			};
			check(input, seed);
			cases++;
		}
		System.out.println("CaptureReadersFuzzTest: " + cases + " capture files and " + cases + " lines, seed " + seed);
	}

	private static void check(String input, long seed) throws Exception {
		String what = "input of " + input.length() + " chars (seed " + seed + "): "
				+ (input.length() > 200 ? input.substring(0, 200) + "..." : input);
		Future<Throwable> file = READER.submit(() -> outcome(() -> CaptureJsonLines.read(new BufferedReader(new StringReader(input)))));
		Throwable thrown = await(file, what);
		if (thrown != null) {
			assertTrue(thrown instanceof IOException && thrown.getMessage() != null
					&& thrown.getMessage().matches("(?s)line \\d+: \\S.*"), what + " -> " + thrown);
			assertSays(thrown, what);
		}
		String line = input.lines().findFirst().orElse("");
		for (Future<Throwable> parsed : List.of(READER.submit(() -> outcome(() -> CaptureJsonLines.parseLine(line))),
				READER.submit(() -> outcome(() -> FlatJson.parse(line))))) {
			Throwable refused = await(parsed, what);
			if (refused != null) {
				assertTrue(refused instanceof IllegalArgumentException && refused.getMessage() != null
						&& !refused.getMessage().isBlank(), what + " -> " + refused);
				assertSays(refused, what);
			}
		}
	}

	/** A message that says what failed, not the JDK's words for a number it could not parse. */
	private static void assertSays(Throwable thrown, String what) {
		assertTrue(!thrown.getMessage().contains("For input string"), what + " -> " + thrown.getMessage());
	}

	private interface Reading {
		Object read() throws Exception;
	}

	/** @return what the reading threw, or null if it read */
	private static Throwable outcome(Reading reading) {
		try {
			reading.read();
			return null;
		} catch (Exception | StackOverflowError e) {
			return e;
		}
	}

	private static Throwable await(Future<Throwable> reading, String what) throws InterruptedException {
		try {
			return reading.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
		} catch (TimeoutException e) {
			reading.cancel(true);
			throw new AssertionError(what + " was not read within " + DEADLINE_SECONDS + " s");
		} catch (ExecutionException e) {
			throw new AssertionError(what + " -> " + e.getCause(), e.getCause());
		}
	}

	private static String validCapture(Random random) throws IOException {
		WindowInfo target = new WindowInfo(0x1234, "Cls \"q\"", "T\u00eftle\n", 42, 7, "recv.exe", false);
		List<CapturedMessage> messages = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			byte[] payload = new byte[random.nextInt(64)];
			random.nextBytes(payload);
			messages.add(new CapturedMessage(i, 1763820000000000L + i, 0x99, 5, target.hwnd(), random.nextLong(),
					payload.length + random.nextInt(3), payload, i - 2));
		}
		StringWriter out = new StringWriter();
		CaptureJsonLines.write(out, target, CaptureStrategy.PROXY, messages);
		return out.toString();
	}

	private static String mutate(String valid, Random random) {
		StringBuilder text = new StringBuilder(valid);
		for (int n = 1 + random.nextInt(4); n > 0 && text.length() > 0; n--) {
			int at = random.nextInt(text.length());
			switch (random.nextInt(4)) {
			case 0 -> text.setCharAt(at, (char) random.nextInt(0x80));
			case 1 -> text.deleteCharAt(at);
			case 2 -> text.insert(at, PIECES.get(random.nextInt(PIECES.size())));
			default -> text.setLength(at);
			}
		}
		return text.toString();
	}

	private static String randomLines(Random random) {
		StringBuilder text = new StringBuilder();
		for (int n = random.nextInt(8); n >= 0; n--) {
			text.append(PIECES.get(random.nextInt(PIECES.size())));
		}
		return text.toString();
	}

	private static String spliced(String valid, Random random) {
		List<String> lines = new ArrayList<>(valid.lines().toList());
		for (int n = 1 + random.nextInt(3); n > 0; n--) {
			int at = random.nextInt(lines.size());
			String line = lines.get(at);
			int cut = random.nextInt(line.length() + 1);
			lines.set(at, line.substring(0, cut) + PIECES.get(random.nextInt(PIECES.size())) + line.substring(cut));
			if (random.nextBoolean()) {
				lines.add(random.nextInt(lines.size() + 1), lines.get(random.nextInt(lines.size())));
			}
		}
		return String.join("\n", lines);
	}
}
