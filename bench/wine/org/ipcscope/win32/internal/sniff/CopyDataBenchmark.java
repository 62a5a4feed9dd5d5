package org.ipcscope.win32.internal.sniff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ipcscope.core.sniff.CaptureOptions;
import org.ipcscope.core.sniff.CaptureSession;
import org.ipcscope.core.sniff.CaptureStrategy;
import org.junit.jupiter.api.Test;

/**
 * What each capture strategy costs a sender: the round trip of a synchronous WM_COPYDATA
 * (SendMessageTimeout, measured by the sender process itself) without capture, through the proxy
 * and with the in-process DLL, and the messages per second one sender then gets through.
 * Measures and prints, asserts nothing: bench/copydata-wine.sh runs its main class (arguments: messages
 * per case, default 2000; payload sizes, default 64 4096 65536), -Pbench its default cases.
 */
public final class CopyDataBenchmark {

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
		List<Integer> sizes = new ArrayList<>();
		for (int i = 1; i < args.length; i++) {
			sizes.add(Integer.parseInt(args[i]));
		}
		if (sizes.isEmpty()) {
			sizes = List.of(64, 4096, 65536);
		}
		WindowsCopyDataSniffer sniffer = new WindowsCopyDataSniffer();
		System.out.println("| payload | capture | median (us) | p95 (us) | added (median) | messages/s | captured | dropped |");
		System.out.println("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
		try (CopyDataHelper receiver = CopyDataHelper.receiver("IpcScopeBench", "Bench", CopyDataHelper.MESSAGE_ONLY)) {
			var window = sniffer.windows().stream().filter(w -> w.hwnd() == receiver.hwnd).findFirst().orElseThrow();
			for (int size : sizes) {
				bench(n, size); // warm-up of the receiver and the sender's code paths
				Map<String, Double> none = bench(n, size);
				row(size, "none", none, none, -1, -1);
				for (CaptureStrategy strategy : CaptureStrategy.values()) {
					RecordingListener listener = new RecordingListener();
					Map<String, Double> with;
					CaptureSession session = sniffer.start(window, strategy, CaptureOptions.DEFAULT, listener);
					try {
						with = bench(n, size);
						RecordingListener.await(() -> listener.messages.size() + listener.dropped >= n, 60, "the capture");
					} finally {
						session.close();
					}
					row(size, strategy.id(), with, none, session.captured(), session.dropped());
				}
			}
		} finally {
			sniffer.deactivate();
		}
	}

	private static Map<String, Double> bench(int n, int size) throws Exception {
		String line = CopyDataHelper.run("bench", "IpcScopeBench", "Bench", CopyDataHelper.MESSAGE_ONLY,
				Integer.toString(n), Integer.toString(size)).get(0);
		Map<String, Double> values = new HashMap<>();
		for (String pair : line.substring("BENCH".length()).trim().split(" ")) {
			String[] kv = pair.split("=");
			values.put(kv[0], Double.parseDouble(kv[1]));
		}
		return values;
	}

	private static void row(int size, String capture, Map<String, Double> with, Map<String, Double> none, long captured,
			long dropped) {
		System.out.printf("| %d B | %s | %.0f | %.0f | %s | %.0f | %s | %s |%n", size, capture, with.get("median_us"),
				with.get("p95_us"), capture.equals("none") ? "" : String.format("%+.0f us", with.get("median_us") - none.get("median_us")),
				with.get("per_second"), captured < 0 ? "" : Long.toString(captured), dropped < 0 ? "" : Long.toString(dropped));
		System.out.flush();
	}
}
