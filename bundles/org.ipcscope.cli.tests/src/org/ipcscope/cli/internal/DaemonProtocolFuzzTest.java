package org.ipcscope.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The server's request decoder and the client's reply decoder ({@link DaemonProtocol}) fed random
 * bytes and mutations of valid messages: each is either decoded (a mutation can stay valid; it
 * then encodes back to what was decoded) or refused with an {@link IOException} that says why;
 * nothing else escapes, nothing hangs. The seed is fixed (set {@code ipcscope.fuzz.seed} for
 * another), so a failure repeats; the failing input is printed in hex.
 */
class DaemonProtocolFuzzTest {

	private static final int CASES = 40_000;
	private static final long SEED = Long.getLong("ipcscope.fuzz.seed", 20261202L);

	private interface Decoder {
		Object decode(byte[] input) throws IOException;
	}

	@Test
	void requestsRandomAndMutatedAreDecodedOrRefusedWithAMessage() {
		List<byte[]> valid = new ArrayList<>();
		for (List<String> args : List.of(List.of("list"), List.of("list", "--json", "--kind", "fifo"),
				List.of("daemon", "status"), List.of("list", "odd ä", "", "--fifo-dir=/tmp/x y"))) {
			Map<String, String> environment = new LinkedHashMap<>();
			environment.put("LC_ALL", "C.UTF-8");
			if (args.size() > 2) {
				environment.put("IPCSCOPE_FIFO_DIRS", "a:b");
			}
			valid.add(request(new DaemonProtocol.Request(Path.of("/work dir/é"), environment, args)));
		}
		fuzz("request", valid, input -> {
			DaemonProtocol.Request request = DaemonProtocol.Request.read(channel(input));
			// what is accepted is a request as a client would send it, and stays the same through another round
			assertTrue(request.workingDirectory().isAbsolute(), request.toString());
			assertEquals(request, DaemonProtocol.Request.read(channel(request(request))));
			return request;
		});
	}

	@Test
	void repliesRandomAndMutatedAreDecodedOrRefusedWithAMessage() {
		List<byte[]> valid = new ArrayList<>();
		for (String out : List.of("", "KIND NAME\nfifo /tmp/x\n", "ä".repeat(300))) {
			valid.add(reply(new DaemonProtocol.Reply(true, 0, out.getBytes(StandardCharsets.UTF_8), "warning\n".getBytes(StandardCharsets.UTF_8))));
		}
		valid.add(reply(DaemonProtocol.Reply.DECLINED));
		fuzz("reply", valid, input -> DaemonProtocol.Reply.read(channel(input)));
	}

	private static void fuzz(String what, List<byte[]> valid, Decoder decoder) {
		Random random = new Random(SEED);
		int[] outcomes = new int[2]; // decoded, refused
		assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
			for (int i = 0; i < CASES; i++) {
				byte[] input = i % 4 == 0 ? randomBytes(random) : mutate(valid.get(random.nextInt(valid.size())), random);
				try {
					decoder.decode(input);
					outcomes[0]++;
				} catch (IOException e) {
					if (e.getMessage() == null || e.getMessage().isBlank()) {
						fail(what + " case " + i + " refused without a message: " + HexFormat.of().formatHex(input));
					}
					outcomes[1]++;
				} catch (RuntimeException | Error e) {
					throw new AssertionError(what + " case " + i + " threw " + e + " for " + HexFormat.of().formatHex(input), e);
				}
			}
		}, what + " decoding hung (seed " + SEED + ")");
		System.out.println("DaemonProtocolFuzzTest: " + CASES + " " + what + " cases (seed " + SEED + "): " + outcomes[0]
				+ " decoded, " + outcomes[1] + " refused with a message");
		assertEquals(CASES, outcomes[0] + outcomes[1]);
		assertTrue(outcomes[1] > CASES / 2, "most random input must be refused");
	}

	private static byte[] randomBytes(Random random) {
		byte[] bytes = new byte[random.nextInt(64)];
		random.nextBytes(bytes);
		if (random.nextBoolean() && bytes.length >= 8) {
			// past the magic, to the length and the strings
			System.arraycopy("IPCS".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 4);
			if (random.nextBoolean()) {
				ByteBuffer.wrap(bytes, 4, 4).putInt(bytes.length - 8);
			}
		}
		return bytes;
	}

	private static byte[] mutate(byte[] valid, Random random) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(valid);
		byte[] bytes = out.toByteArray();
		int mutations = 1 + random.nextInt(4);
		for (int m = 0; m < mutations && bytes.length > 0; m++) {
			int at = random.nextInt(bytes.length);
			switch (random.nextInt(8)) {
			case 0 -> bytes[at] = (byte) random.nextInt(256);
			case 1 -> bytes[at] = 0; // a string ends early
			case 2 -> bytes = java.util.Arrays.copyOf(bytes, at); // cut off
			case 3 -> { // a length that lies
				if (bytes.length >= 8) {
					int[] lengths = { -1, Integer.MIN_VALUE, Integer.MAX_VALUE, (1 << 20) + 1, 1 << 20, bytes.length, random.nextInt() };
					ByteBuffer.wrap(bytes, 4, 4).putInt(lengths[random.nextInt(lengths.length)]);
				}
			}
			case 4 -> { // bytes that are not UTF-8
				bytes[at] = (byte) (0x80 | random.nextInt(0x80));
			}
			case 5 -> { // the environment count
				byte[] digits = Integer.toString(random.nextInt(20) - 5).getBytes(StandardCharsets.US_ASCII);
				System.arraycopy(digits, 0, bytes, at, Math.min(digits.length, bytes.length - at));
			}
			case 6 -> { // a part repeated
				ByteArrayOutputStream longer = new ByteArrayOutputStream();
				longer.write(bytes, 0, at);
				longer.write(bytes, random.nextInt(at + 1), Math.min(32, bytes.length - at));
				longer.write(bytes, at, bytes.length - at);
				bytes = longer.toByteArray();
			}
			default -> bytes[at] ^= (byte) (1 << random.nextInt(8));
			}
		}
		return bytes;
	}

	private static java.nio.channels.ReadableByteChannel channel(byte[] input) {
		return Channels.newChannel(new ByteArrayInputStream(input));
	}

	private static byte[] request(DaemonProtocol.Request request) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			request.write(Channels.newChannel(out));
		} catch (IOException e) {
			throw new AssertionError(e);
		}
		return out.toByteArray();
	}

	private static byte[] reply(DaemonProtocol.Reply reply) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			reply.write(Channels.newChannel(out));
		} catch (IOException e) {
			throw new AssertionError(e);
		}
		return out.toByteArray();
	}
}
