package org.ipcscope.win32.internal.traffic;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.ipcscope.core.traffic.TrafficRequest;
import org.ipcscope.core.traffic.TrafficSession;
import org.junit.jupiter.api.Test;

/**
 * What traffic capture costs a target: a named pipe ping-pong (the client writes SIZE bytes, the
 * server echoes them, the client times each round trip itself) without and with both processes
 * captured; then a flood of 10 000 messages from one sender to a server, not captured (the
 * helpers' own rate) and captured, with the rates and the drops. Measures and prints, asserts
 * nothing: bench/traffic-wine.sh runs its main class (arguments: round trips per case, default 2000;
 * payload sizes, default 64 4096), -Pbench its default cases.
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
		Win32TrafficCapturer capturer = new Win32TrafficCapturer();
		System.out.println("| payload | capture | median round trip (us) | mean (us) | median, on / off | captured / dropped |");
		System.out.println("| ---: | --- | ---: | ---: | ---: | --- |");
		try {
			for (int size : sizes) {
				String name = TrafficCaptureTest.uniqueName("bench");
				try (TrafficHelper server = new TrafficHelper("pipe-server", name, "ack", "echo");
						TrafficHelper client = new TrafficHelper("pipe-client", name)) {
					bench(client, n, size); // warm-up
					Map<String, Double> off = bench(client, n, size);
					RecordingTrafficListener listener = new RecordingTrafficListener();
					Map<String, Double> on;
					TrafficSession session = capturer.start(new TrafficRequest(Set.of(server.pid, client.pid),
							"\\\\.\\pipe\\" + name, Set.of(), TrafficRequest.DEFAULT_PAYLOAD_CAP,
							TrafficRequest.DEFAULT_RING_RECORDS), listener);
					try {
						on = bench(client, n, size);
					} finally {
						session.close();
					}
					System.out.printf("| %d B | off | %.0f | %.0f | | |%n", size, off.get("median_us"), off.get("mean_us"));
					System.out.printf("| %d B | on | %.0f | %.0f | %.2fx | %d / %d |%n", size, on.get("median_us"),
							on.get("mean_us"), on.get("median_us") / off.get("median_us"), session.captured(),
							session.dropped());
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
