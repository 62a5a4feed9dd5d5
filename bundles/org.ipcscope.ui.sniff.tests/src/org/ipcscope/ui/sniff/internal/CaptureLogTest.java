package org.ipcscope.ui.sniff.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.ipcscope.core.sniff.CapturedMessage;
import org.junit.jupiter.api.Test;

/** The table's model: batches from other threads, pause keeps everything, filter and clear. */
class CaptureLogTest {

	private static CapturedMessage message(long sequence, long dwData) {
		return new CapturedMessage(sequence, sequence, 1, 1, 2, dwData, 0, new byte[0], 0);
	}

	@Test
	void messagesOfferedByManyThreadsAllArriveInEachThreadsOrder() throws Exception {
		CaptureLog<CapturedMessage> log = new CaptureLog<>();
		int threads = 4;
		int each = 100_000;
		CountDownLatch go = new CountDownLatch(1);
		List<Thread> senders = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			long base = t * 1_000_000L;
			Thread sender = new Thread(() -> {
				try {
					go.await();
				} catch (InterruptedException e) {
					return;
				}
				for (int i = 0; i < each; i++) {
					log.offer(message(base + i, base));
				}
			});
			sender.start();
			senders.add(sender);
		}
		int batches = 0;
		go.countDown();
		while (senders.stream().anyMatch(Thread::isAlive)) {
			if (log.drain()) {
				batches++;
			}
		}
		log.drain();
		assertEquals(threads * each, log.size());
		assertEquals(threads * each, log.shownCount());
		long[] last = new long[threads];
		java.util.Arrays.fill(last, -1);
		for (int row = 0; row < log.shownCount(); row++) {
			CapturedMessage m = log.shown(row);
			int t = (int) (m.dwData() / 1_000_000L);
			assertTrue(m.sequence() > last[t], "thread " + t + " out of order at row " + row);
			last[t] = m.sequence();
		}
		System.out.println("CaptureLogTest: " + threads * each + " messages from " + threads + " threads in "
				+ batches + " batches");
	}

	@Test
	void pauseKeepsMessagesButNotShowsThemUntilResume() {
		CaptureLog<CapturedMessage> log = new CaptureLog<>();
		log.offer(message(1, 1));
		assertTrue(log.drain());
		log.setPaused(true);
		log.offer(message(2, 2));
		log.offer(message(3, 3));
		assertFalse(log.drain(), "the shown rows do not change while paused");
		assertEquals(3, log.size());
		assertEquals(1, log.shownCount());
		assertEquals(2, log.heldBack());
		log.setFilter(MessageFilter.parse("1-2", "", ""));
		assertEquals(1, log.shownCount(), "a filter change while paused does not let held messages in");
		log.setPaused(false);
		assertEquals(2, log.shownCount());
		assertEquals(2, log.shown(1).dwData());
		assertEquals(0, log.heldBack());
	}

	@Test
	void filterAppliesToKeptAndNewMessages() {
		CaptureLog<CapturedMessage> log = new CaptureLog<>();
		for (int i = 1; i <= 10; i++) {
			log.offer(message(i, i));
		}
		log.drain();
		log.setFilter(MessageFilter.parse("0x3..5", "", ""));
		assertEquals(3, log.shownCount());
		log.offer(message(11, 4));
		log.offer(message(12, 40));
		log.drain();
		assertEquals(4, log.shownCount());
		assertEquals(11, log.shown(3).sequence());
		log.setFilter(MessageFilter.ALL);
		assertEquals(12, log.shownCount());
	}

	@Test
	void clearForgetsKeptAndQueuedMessages() {
		CaptureLog<CapturedMessage> log = new CaptureLog<>();
		log.offer(message(1, 1));
		log.drain();
		log.offer(message(2, 2));
		log.clear();
		assertFalse(log.drain());
		assertEquals(0, log.size());
		assertEquals(0, log.shownCount());
		assertTrue(log.all().isEmpty());
	}

	@Test
	void whatAProducerStartedBeforeAClearStillSendsIsDropped() {
		CaptureLog<CapturedMessage> log = new CaptureLog<>();
		int loadStarted = log.epoch();
		log.offer(loadStarted, message(1, 1));
		log.drain();
		log.clear();
		log.offer(loadStarted, message(2, 2));
		log.offer(message(3, 3));
		log.drain();
		assertEquals(1, log.size(), "only the message offered after the clear by a live producer");
		assertEquals(3, log.shown(0).sequence());
	}

	@Test
	void aBoundedLogLetsTheOldestGoAndCountsThem() {
		CaptureLog<CapturedMessage> log = new CaptureLog<>(100, Long.MAX_VALUE, m -> 0);
		log.setFilter(m -> m.dwData() % 2 == 0);
		for (int i = 1; i <= 250; i++) {
			log.offer(message(i, i));
		}
		log.drain();
		assertTrue(log.size() <= 100, "kept " + log.size());
		assertEquals(250, log.size() + log.droppedFromView());
		// what is kept is the newest, in order, and the shown rows are the kept even ones
		assertEquals(250, log.all().get(log.size() - 1).sequence());
		assertEquals(251 - log.size(), log.all().get(0).sequence());
		assertEquals(log.all().stream().filter(m -> m.dwData() % 2 == 0).count(), log.shownCount());
		for (int row = 0; row < log.shownCount(); row++) {
			assertEquals(0, log.shown(row).dwData() % 2);
			assertTrue(row == 0 || log.shown(row).sequence() == log.shown(row - 1).sequence() + 2);
		}
		log.clear();
		assertEquals(0, log.droppedFromView());
	}

	@Test
	void aLogBoundedInBytesKeepsItsPayloadsUnderTheBound() {
		CaptureLog<CapturedMessage> log = new CaptureLog<>(Integer.MAX_VALUE, 10_000, m -> m.payload().length);
		for (int i = 1; i <= 50; i++) {
			log.offer(new CapturedMessage(i, i, 1, 1, 2, i, 1000, new byte[1000], 0));
			log.drain();
		}
		assertTrue(log.all().stream().mapToLong(m -> m.payload().length).sum() <= 10_000);
		assertEquals(50, log.size() + log.droppedFromView());
		assertEquals(log.size(), log.shownCount());
		assertEquals(50, log.shown(log.shownCount() - 1).sequence());
	}
}
