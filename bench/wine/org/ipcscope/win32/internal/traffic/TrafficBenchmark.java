package org.ipcscope.win32.internal.traffic;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.ipcscope.core.traffic.TrafficRequest;
import org.ipcscope.core.traffic.TrafficSession;
import org.junit.jupiter.api.Test;

/**
 * What traffic capture costs a target: a named pipe ping-pong (the client writes SIZE bytes, the
 * server echoes them, the client times each round trip itself), rounds without and with both
 * processes captured alternating (system property ipcscope.bench.rounds, default 5), each round's
 * median and the median of those; then a flood of 10 000 messages from one sender to a server,
 * not captured (the helpers' own rate) and captured, with the rates and the drops. Measures and
 * prints, asserts nothing: bench/traffic-wine.sh runs its main class (arguments: round trips per
 * round, default 2000; payload sizes, default 64 4096), -Pbench its default cases.
 */
public final class TrafficBenchmark {

	@Test
	void defaultCases() throws Exception {
		run(new String[0]);
	}

	public static void main(String[] args) throws Exception {
		run(args);
		System.exit(0);
	}

	private static void run(String[] args) throws Exception {
		int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
		int[] sizes = args.length > 1 ? new int[args.length - 1] : new int[] { 64, 4096 };
		for (int i = 1; i < args.length; i++) {
			sizes[i - 1] = Integer.parseInt(args[i]);
		}
		int rounds = Integer.getInteger("ipcscope.bench.rounds", 5);
		Win32TrafficCapturer capturer = new Win32TrafficCapturer();
		System.out.println("| payload | capture | median round trip (us), median of " + rounds
				+ " rounds | each round's median (us) | median, on / off | captured / dropped |");
		System.out.println("| ---: | --- | ---: | --- | ---: | --- |");
		try {
			for (int size : sizes) {
				String name = TrafficCaptureTest.uniqueName("bench");
				try (TrafficHelper server = new TrafficHelper("pipe-server", name, "ack", "echo");
						TrafficHelper client = new TrafficHelper("pipe-client", name)) {
					bench(client, n, size); // warm-up
					double[] off = new double[rounds];
					double[] on = new double[rounds];
					long captured = 0;
					long dropped = 0;
					// off and on alternate, so that a change of the machine's load touches both alike
					for (int round = 0; round < rounds; round++) {
						off[round] = bench(client, n, size).get("median_us");
						TrafficSession session = start(capturer, new TrafficRequest(Set.of(server.pid, client.pid),
								"\\\\.\\pipe\\" + name, Set.of(), TrafficRequest.DEFAULT_PAYLOAD_CAP,
								TrafficRequest.DEFAULT_RING_RECORDS));
						try {
							on[round] = bench(client, n, size).get("median_us");
						} finally {
							session.close();
						}
						captured += session.captured();
						dropped += session.dropped();
					}
					System.out.printf("| %d B | off | %.0f | %s | | |%n", size, median(off), list(off));
					System.out.printf("| %d B | on | %.0f | %s | %.2fx | %d / %d |%n", size, median(on), list(on),
							median(on) / median(off), captured, dropped);
				}
			}
			flood(capturer);
		} finally {
			capturer.deactivate();
		}
	}

	/**
	 * The same flood twice, each with a fresh server and sender: first without capture (the
	 * helpers' own rate, the peer), then with the server captured.
	 */
	private static void flood(Win32TrafficCapturer capturer) throws Exception {
		System.out.println();
		System.out.println("| flood of 10 000 x 64 B, one sender | seconds | messages/s | captured | dropped |");
		System.out.println("| --- | ---: | ---: | ---: | ---: |");
		flood(capturer, false);
		flood(capturer, true);
		System.out.printf("%n(default ring of %d records)%n", TrafficRequest.DEFAULT_RING_RECORDS);
	}

	private static void flood(Win32TrafficCapturer capturer, boolean capture) throws Exception {
		String name = TrafficCaptureTest.uniqueName("benchflood");
		int messages = 10_000;
		try (TrafficHelper server = new TrafficHelper("pipe-server", name, "noack");
				TrafficHelper client = new TrafficHelper("pipe-client", name)) {
			RecordingTrafficListener listener = new RecordingTrafficListener();
			TrafficSession session = capture ? capturer.start(new TrafficRequest(Set.of(server.pid),
					"\\\\.\\pipe\\" + name, Set.of(), TrafficRequest.DEFAULT_PAYLOAD_CAP,
					TrafficRequest.DEFAULT_RING_RECORDS), listener) : null;
			try {
				// the server's first read: the one waiting when a capture starts
				client.command("flood 1 64");
				server.line();
				long start = System.nanoTime();
				client.command("flood " + messages + " 64");
				for (int count = 1001; count <= messages + 1; count += 1000) {
					server.line();
				}
				double seconds = (System.nanoTime() - start) / 1e9;
				if (session != null) {
					RecordingTrafficListener.waitFor(() -> session.captured() + session.dropped() >= messages,
							"the flood");
				}
				System.out.printf("| capture %s | %.2f | %.0f | %s | %s |%n", capture ? "on" : "off", seconds,
						messages / seconds, session == null ? "" : Long.toString(session.captured()),
						session == null ? "" : Long.toString(session.dropped()));
			} finally {
				if (session != null) {
					session.close();
				}
			}
		}
	}

	/**
	 * Starts a capture of both helpers; the previous round's DLL unloads itself once the server's
	 * read that was waiting inside its hook returns, so a start that finds it still letting go is
	 * tried again.
	 */
	private static TrafficSession start(Win32TrafficCapturer capturer, TrafficRequest request) throws Exception {
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (true) {
			try {
				return capturer.start(request, new RecordingTrafficListener());
			} catch (IOException e) {
				if (!e.getMessage().contains("still letting go") || System.nanoTime() > deadline) {
					throw e;
				}
				Thread.sleep(50);
			}
		}
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static String list(double[] values) {
		StringBuilder text = new StringBuilder();
		for (double value : values) {
			text.append(text.isEmpty() ? "" : " ").append(Math.round(value));
		}
		return text.toString();
	}

	private static Map<String, Double> bench(TrafficHelper client, int n, int size) throws Exception {
		String line = client.command("bench " + n + " " + size);
		Map<String, Double> values = new HashMap<>();
		for (String pair : line.substring("BENCH".length()).trim().split(" ")) {
			String[] kv = pair.split("=");
			values.put(kv[0], Double.parseDouble(kv[1]));
		}
		return values;
	}
}
