package org.ipcscope.ui.sniff.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.jobs.Job;
import org.ipcscope.core.sniff.CapturedMessage;
import org.ipcscope.tests.support.BlockedFifoWriter;
import org.ipcscope.tests.support.DisplayWaits;
import org.junit.jupiter.api.Test;

/**
 * Capture files loading into the Sniffer view: broken files say where, Clear stops a load, and
 * ten thousand messages fill the table while the load job still runs.
 * Screenshots: target/screenshots/CopyDataLoadTest-*.png
 */
class CopyDataLoadTest extends CopyDataViewFixture {

	@Test
	void aBrokenCaptureFileSaysWhereAndKeepsWhatCameBefore() throws Exception {
		List<CapturedMessage> messages = knownMessages().subList(0, 3);
		Path file = write("broken.jsonl", messages);
		Files.writeString(file, "{\"seq\":4,\"timeUs\":1,\"sender\":\"12\",\"target\":\"0x1\",\"dwData\":\"0x1\",\"payload\":\"\"}\n"
				+ "{\"seq\":5}\n", java.nio.file.StandardOpenOption.APPEND);
		assertNotNull(view.load(file));
		waitUntil(() -> view.files().lastLoad() != null, "the end of the load");
		assertEquals("line 5: sender must be a hex string like \"0x1f\": 12", view.files().lastLoad().failure());
		waitUntil(() -> table().getItemCount() == 3, "the 3 good messages");
		assertTrue(view.status().getText().contains("Could not load broken.jsonl: line 5: sender must be a hex string"),
				view.status().getText());
		screenshot("broken-file");

		Path notACapture = dir.resolve("inventory.json");
		Files.writeString(notACapture, "{\"format\":1,\"taken\":\"2026-11-22T11:31:42Z\",\"objects\":[]}\n");
		assertNotNull(view.load(notACapture));
		waitUntil(() -> view.files().lastLoad() != null, "the end of the load");
		assertTrue(view.files().lastLoad().failure().startsWith("line 1: "), view.files().lastLoad().failure());
		// the load's end is the positive event: it handed on no message, so the table stays empty
		assertEquals(0, view.files().lastLoad().entries());
		DisplayWaits.drain();
		assertEquals(0, table().getItemCount());

		Path binary = dir.resolve("random.bin");
		byte[] noise = new byte[4096];
		new Random(1).nextBytes(noise);
		Files.write(binary, noise);
		assertNotNull(view.load(binary));
		waitUntil(() -> view.files().lastLoad() != null, "the end of the load");
		assertEquals("not UTF-8 text: a capture file is JSON Lines (0 messages read before)", view.files().lastLoad().failure());
		assertEquals(0, view.files().lastLoad().entries());
		DisplayWaits.drain();
		assertEquals(0, table().getItemCount());
	}

	@Test
	void clearDuringALoadStopsItAndNothingArrivesAfter() throws Exception {
		int count = 10_000;
		List<CapturedMessage> messages = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			messages.add(new CapturedMessage(i + 1, i, SENDER, SENDER_PID, RECEIVER.hwnd(), i, 512, new byte[512], 1));
		}
		Path file = write("cleared.jsonl", messages);
		Job load = view.load(file);
		assertNotNull(load);
		waitUntil(() -> view.log().size() > 0, "the first rows");
		view.clear();
		assertTrue(view.status().getText().endsWith("| Load cancelled"), view.status().getText());
		assertTrue(load.join(60_000, null), "the cancelled load did not end");
		assertEquals(null, view.files().lastLoad(), "a cancelled load reports nothing");
		// whatever the cancelled job queued came before the next file's rows: once these show, it was dropped
		List<CapturedMessage> next = knownMessages().subList(0, 2);
		load(write("after-clear.jsonl", next), next.size());
		assertEquals("1", item(0).getText(0));
		assertEquals("2", item(1).getText(0));
		assertEquals(next.size(), view.log().size(), "no row of the cancelled load arrives after Clear");
	}

	@Test
	void tenThousandMessagesLoadWhileTheUserInterfaceKeepsWorking() throws Exception {
		int count = 10_000;
		List<CapturedMessage> messages = new ArrayList<>(count);
		Random random = new Random(10);
		for (int i = 0; i < count; i++) {
			byte[] payload = new byte[1024];
			random.nextBytes(payload);
			messages.add(new CapturedMessage(i + 1, 1_763_820_000_000_000L + i * 37L, SENDER, SENDER_PID,
					RECEIVER.hwnd(), i % 64, payload.length, payload, 1));
		}
		// the file comes through a FIFO: the load job waits for its second half until the table shows the first
		List<String> lines = Files.readAllLines(write("ten-thousand.jsonl", messages), StandardCharsets.UTF_8);
		Path fifo = dir.resolve("ten-thousand.fifo");
		BlockedFifoWriter.mkfifo(fifo);
		int half = count / 2;
		CountDownLatch rest = new CountDownLatch(1);
		Thread writer = new Thread(() -> {
			try (BufferedWriter out = Files.newBufferedWriter(fifo, StandardCharsets.UTF_8)) {
				for (int i = 0; i < lines.size(); i++) {
					if (i == 1 + half) {
						out.flush();
						// a load that blocked the UI thread would wait forever: then the rest comes late and the test fails
						rest.await(90, TimeUnit.SECONDS);
					}
					out.write(lines.get(i));
					out.write('\n');
				}
			} catch (IOException | InterruptedException e) {
				// the test fails on the rows it waits for
			}
		}, "CopyDataViewTest FIFO writer");
		writer.setDaemon(true);
		writer.start();
		try {
			Job job = view.load(fifo);
			assertNotNull(job);
			// the view's own timer fills the table while its load job still runs, waiting for the rest
			waitUntil(() -> table().getItemCount() == half, half + " rows while the load runs");
			assertEquals(null, view.files().lastLoad(), "the load has not ended");
			assertEquals(Job.RUNNING, job.getState());
			assertTrue(view.status().getText().endsWith("| Loading ten-thousand.fifo..."), view.status().getText());
			rest.countDown();
			DisplayWaits.waitUntil(() -> view.files().lastLoad() != null, "the end of the load", Duration.ofSeconds(120));
			assertEquals(null, view.files().lastLoad().failure());
			assertEquals(count, view.files().lastLoad().entries());
			waitUntil(() -> table().getItemCount() == count, count + " rows");
		} finally {
			rest.countDown();
			writer.join(30_000);
		}

		table().setSelection(count - 1);
		table().showSelection();
		table().notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
		spin(100);
		assertEquals(Integer.toString(count), table().getItem(count - 1).getText(0));
		assertArrayEquals(messages.get(count - 1).payload(), view.detail().hexView().bytes());
		view.filters().field(CopyDataView.DW_DATA).setText("63");
		spin(50);
		assertEquals(count / 64, table().getItemCount());
		assertEquals(-1, table().getSelectionIndex(), "the selected message (dwData 15) is filtered out");
		assertEquals(null, view.detail().message());
		table().setSelection(3);
		table().notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
		CapturedMessage selected = view.detail().message();
		assertEquals(3 * 64 + 63 + 1, selected.sequence());
		view.filters().field(CopyDataView.DW_DATA).setText("32-63");
		spin(50);
		// 156 full rounds of dwData 0..63 hold 32 each; the last 16 messages have dwData 0..15
		assertEquals(156 * 32, table().getItemCount());
		assertEquals(4 * 32 - 1, table().getSelectionIndex(), "the selected message stays selected through a filter change");
		assertEquals(selected, view.detail().message());
		screenshot("ten-thousand");
	}
}
