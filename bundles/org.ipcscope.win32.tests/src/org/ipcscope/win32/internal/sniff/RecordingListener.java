package org.ipcscope.win32.internal.sniff;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.ipcscope.core.sniff.CaptureListener;
import org.ipcscope.core.sniff.CapturedMessage;

/** Keeps what a capture reported, for the test to wait on and assert. */
final class RecordingListener implements CaptureListener {

	final List<CapturedMessage> messages = new CopyOnWriteArrayList<>();
	volatile long dropped;
	volatile String endReason;
	private final CountDownLatch ended = new CountDownLatch(1);

	@Override
	public void captured(CapturedMessage message) {
		messages.add(message);
	}

	@Override
	public void dropped(long totalDropped) {
		dropped = totalDropped;
	}

	@Override
	public void ended(String reason) {
		endReason = reason;
		ended.countDown();
	}

	boolean awaitEnded(long seconds) throws InterruptedException {
		return ended.await(seconds, TimeUnit.SECONDS);
	}

	static void await(BooleanSupplier condition, long seconds, String what) throws InterruptedException {
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		while (!condition.getAsBoolean()) {
			assertTrue(System.nanoTime() - end < 0, "timed out waiting for " + what);
			Thread.sleep(10);
		}
	}
}
