package org.ipcscope.win32.internal.sniff;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.ipcscope.core.sniff.CaptureListener;
import org.ipcscope.core.sniff.CapturedMessage;

/**
 * Hands captured messages to the listener on a thread of its own, in order, so that a slow
 * listener delays neither the target nor the sender; when the listener falls far behind, the
 * capturing thread waits (a proxy message is never dropped).
 */
final class Delivery {

	private static final int QUEUE = 16_384;
	private static final System.Logger LOG = System.getLogger(Delivery.class.getName());

	private sealed interface Event permits Message, Dropped, Ended {
	}

	private record Message(CapturedMessage message) implements Event {
	}

	private record Dropped(long total) implements Event {
	}

	private record Ended(String reason) implements Event {
	}

	private final BlockingQueue<Event> queue = new LinkedBlockingQueue<>(QUEUE);
	private final CaptureListener listener;
	private final Thread thread;
	private volatile boolean finished;

	Delivery(CaptureListener listener, String name) {
		this.listener = listener;
		thread = new Thread(this::run, name);
		thread.setDaemon(true);
		thread.start();
	}

	void captured(CapturedMessage message) {
		put(new Message(message));
	}

	void dropped(long total) {
		put(new Dropped(total));
	}

	/** Delivers what is queued, then {@code ended(reason)} if a reason is given, and stops. */
	void finish(String reason) {
		put(new Ended(reason));
	}

	/** Waits until everything queued before {@link #finish} was delivered. */
	void awaitFinished(long millis) {
		if (Thread.currentThread() == thread) {
			return; // a listener that stops the capture from inside a callback
		}
		try {
			thread.join(millis);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private void put(Event event) {
		if (finished) {
			return;
		}
		try {
			queue.put(event);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private void run() {
		while (true) {
			Event event;
			try {
				event = queue.poll(1, TimeUnit.SECONDS);
			} catch (InterruptedException e) {
				return;
			}
			if (event == null) {
				continue;
			}
			try {
				switch (event) {
				case Message m -> listener.captured(m.message());
				case Dropped d -> listener.dropped(d.total());
				case Ended e -> {
					finished = true;
					if (e.reason() != null) {
						listener.ended(e.reason());
					}
					return;
				}
				}
			} catch (RuntimeException e) {
				// a failing listener must not stop the capture or leave the target unrestored
				LOG.log(System.Logger.Level.ERROR, "WM_COPYDATA capture listener failed", e);
			}
		}
	}
}
