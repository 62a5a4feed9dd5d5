package org.ipcscope.ui.sniff.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.ipcscope.tests.support.Waits;
import org.junit.jupiter.api.Test;

/**
 * The capture life cycle without a widget: start and stop in real jobs, what comes back through
 * the UI executor (here a queue the test runs), sessions that end or fail on their own, loads
 * that are cancelled or replaced, and entries of a session the view let go.
 */
class CaptureControllerTest {

	/** A session: its name, and whether it was closed, by which thread. */
	private static final class Session {
		final String name;
		volatile String closedBy;

		Session(String name) {
			this.name = name;
		}
	}

	private final ConcurrentLinkedQueue<Runnable> ui = new ConcurrentLinkedQueue<>();
	private final CaptureLog<String> log = new CaptureLog<>();
	private final List<CaptureState> states = new ArrayList<>();
	private int startFailures;
	private final CaptureController<Session, String> controller = new CaptureController<>(log, ui::add,
			session -> {
				if (session.name.equals("stuck")) {
					throw new IllegalStateException("the target is gone");
				}
				session.closedBy = Thread.currentThread().getName();
			}, "stop", new CaptureController.Observer() {
				@Override
				public void stateChanged() {
					states.add(controller().state());
				}

				@Override
				public void startFailed() {
					startFailures++;
				}
			});

	private CaptureController<Session, String> controller() {
		return controller;
	}

	/** Runs what jobs handed to the "UI thread" until the condition holds, as a view's display would. */
	private void runUiUntil(Waits.Condition condition, String what) throws InterruptedException {
		Waits.until(() -> {
			for (Runnable r = ui.poll(); r != null; r = ui.poll()) {
				r.run();
			}
			return condition.holds();
		}, what);
	}

	private Session startRunning(String name, AtomicReference<CaptureController.Feed<String>> feed) throws Exception {
		Session session = new Session(name);
		assertNotNull(controller.start(name, "start " + name, f -> {
			feed.set(f);
			return session;
		}));
		runUiUntil(() -> controller.state() == CaptureState.RUNNING, "the session to run");
		return session;
	}

	@Test
	void aStartRunsInAJobAndItsFeedFillsTheLog() throws Exception {
		AtomicReference<CaptureController.Feed<String>> feed = new AtomicReference<>();
		Session session = startRunning("receiver", feed);
		assertEquals(List.of(CaptureState.STARTING, CaptureState.RUNNING), states);
		assertEquals("receiver", controller.detail());
		assertSame(session, controller.session());
		assertTrue(controller.isCapturing());
		assertFalse(controller.isIdle());
		feed.get().captured("a");
		feed.get().captured("b");
		feed.get().dropped(7);
		log.drain();
		assertEquals(2, log.shownCount());
		assertEquals(7, controller.dropped());
		assertNull(controller.start("again", "start again", f -> new Session("again")), "one session at a time");
	}

	@Test
	void stopClosesTheSessionInAJobAndSaysHowItWent() throws Exception {
		Session session = startRunning("receiver", new AtomicReference<>());
		assertNotNull(controller.stop());
		assertEquals(CaptureState.STOPPING, controller.state());
		assertTrue(controller.state().busy());
		assertNull(controller.session());
		runUiUntil(() -> controller.state() == CaptureState.STOPPED, "stopped");
		assertTrue(session.closedBy != null && !session.closedBy.equals(Thread.currentThread().getName()),
				"closed in the job, not on the UI thread: " + session.closedBy);
		assertNull(controller.stop(), "nothing left to stop");

		startRunning("stuck", new AtomicReference<>());
		controller.stop();
		runUiUntil(() -> controller.state() == CaptureState.STOP_FAILED, "the stop's failure");
		assertEquals("the target is gone", controller.detail());
		assertFalse(controller.state().busy());
	}

	@Test
	void aSessionThatEndsOnItsOwnIsStillClosed() throws Exception {
		AtomicReference<CaptureController.Feed<String>> feed = new AtomicReference<>();
		Session session = startRunning("receiver", feed);
		controller.checkEnded();
		assertEquals(CaptureState.RUNNING, controller.state(), "nothing ended yet");
		feed.get().ended(null);
		controller.checkEnded();
		assertEquals(CaptureState.ENDED, controller.state());
		assertEquals("?", controller.detail(), "a reason is always said");
		assertNull(controller.session());
		Waits.until(() -> session.closedBy != null, "the ended session to be closed");
	}

	@Test
	void aFailedStartSaysWhyOnce() throws Exception {
		assertNotNull(controller.start("receiver", "start", f -> {
			throw new IOException("UIPI: the target runs elevated");
		}));
		assertTrue(controller.state().busy());
		runUiUntil(() -> controller.state() == CaptureState.FAILED, "the failure");
		assertEquals("UIPI: the target runs elevated", controller.detail());
		assertEquals(1, startFailures);
		assertTrue(controller.isIdle(), "a failed start leaves room for the next");
	}

	@Test
	void whatALetGoSessionStillSendsIsDropped() throws Exception {
		AtomicReference<CaptureController.Feed<String>> feed = new AtomicReference<>();
		startRunning("receiver", feed);
		feed.get().captured("kept");
		controller.stop();
		runUiUntil(() -> controller.state() == CaptureState.STOPPED, "stopped");
		controller.beginLoad("file.jsonl");
		feed.get().captured("late");
		log.drain();
		assertEquals(0, log.size(), "a load forgets the capture and drops what its session still sends");
		assertNull(controller.feed());
		assertEquals(0, controller.dropped());
	}

	@Test
	void aStartThatFinishesAfterTheViewClosedIsClosedAtOnce() throws Exception {
		Session session = new Session("late");
		CountDownLatch release = new CountDownLatch(1);
		controller.start("late", "start late", f -> {
			release.await(30, TimeUnit.SECONDS);
			return session;
		});
		controller.dispose();
		release.countDown();
		Waits.until(() -> {
			for (Runnable r = ui.poll(); r != null; r = ui.poll()) {
				r.run();
			}
			return session.closedBy != null;
		}, "the late session to be closed");
		assertNull(controller.session());
	}

	@Test
	void clearCancelsARunningLoadAndAnEndedLoadStaysCurrentNoLonger() throws Exception {
		int epoch = controller.beginLoad("big.jsonl");
		CountDownLatch cancelled = new CountDownLatch(1);
		Job load = Job.create("load", monitor -> {
			while (!monitor.isCanceled()) {
				log.offer(epoch, "row");
				Thread.onSpinWait();
			}
			cancelled.countDown();
			return Status.CANCEL_STATUS;
		});
		controller.loading(load);
		load.schedule();
		assertEquals(CaptureState.LOADING, controller.state());
		assertEquals("big.jsonl", controller.detail());
		assertTrue(controller.isCurrentLoad(load));
		assertTrue(controller.isIdle(), "a load does not lock the capture settings");
		Waits.until(() -> {
			log.drain();
			return log.size() > 0;
		}, "rows of the load");
		controller.clear();
		assertEquals(CaptureState.LOAD_CANCELLED, controller.state());
		assertFalse(controller.isCurrentLoad(load));
		assertTrue(cancelled.await(30, TimeUnit.SECONDS), "the load job saw the cancel");
		load.join();
		log.drain();
		assertEquals(0, log.size(), "what the cancelled load queued after Clear is dropped");

		Job next = Job.create("next", monitor -> Status.OK_STATUS);
		controller.beginLoad("small.jsonl");
		controller.loading(next);
		assertTrue(controller.isCurrentLoad(next));
		controller.loadEnded(false);
		assertEquals(CaptureState.LOADED, controller.state());
		assertEquals("small.jsonl", controller.detail());
		assertFalse(controller.isCurrentLoad(next), "an ended load is told once");
		controller.clear();
		assertEquals(CaptureState.LOADED, controller.state(), "clearing after a load ended cancels nothing");
	}

	@Test
	void aNoteReplacesTheStateUntilItMoves() throws Exception {
		controller.say("Pick a window to capture first.");
		assertEquals("Pick a window to capture first.", controller.note());
		assertEquals(CaptureState.IDLE, controller.state());
		controller.beginLoad("file.jsonl");
		assertNull(controller.note());
	}
}
