package org.ipcscope.ui.process.internal;

import static org.ipcscope.ui.process.internal.ProcessUi.helper;
import static org.ipcscope.ui.process.internal.ProcessUi.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

import org.ipcscope.core.search.PatternSyntax;
import org.ipcscope.tests.support.HelperProcess;
import org.junit.jupiter.api.Test;

/** The process search job when the process exits under it, and when it is cancelled. */
class ProcessSearchJobTest {

	/** A mapping big enough that the search is still going when the test acts. */
	private static final String MAPPED = Integer.toString(64 << 20);

	@Test
	void aProcessExitingMidSearchEndsItWithAClearMessage() throws Exception {
		String name = "/ipcscope-search-exit-" + ThreadLocalRandom.current().nextInt(1_000_000);
		try (HelperProcess helper = helper(2, "ticker", "EXIT-MID-SEARCH", "posix", name, MAPPED)) {
			AtomicReference<ProcessSearchJob.Result> result = new AtomicReference<>();
			ProcessSearchJob job = new ProcessSearchJob(helper.pid(), PatternSyntax.parse("text:absent-" + name), this,
					result::set);
			job.schedule();
			// once the search is under way, the helper exits
			waitUntil(() -> job.scanned() > 0, "the search to begin");
			helper.close();
			waitUntil(() -> result.get() != null, "the search to end");
			ProcessSearchJob.Result ended = result.get();
			assertTrue(ended.exited(), "ended by the exit: " + ended);
			assertFalse(ended.complete());
			assertTrue(ended.problem().contains("exited"), ended.problem());
			assertTrue(ended.scanned() > 0, "it had begun");
			assertTrue(ended.describe(PatternSyntax.parse("text:x")).contains("the process exited during the search"),
					ended.describe(PatternSyntax.parse("text:x")));
		}
	}

	@Test
	void aCancelledSearchSaysSo() throws Exception {
		String name = "/ipcscope-search-cancel-" + ThreadLocalRandom.current().nextInt(1_000_000);
		try (HelperProcess helper = helper(2, "ticker", "CANCEL-MID-SEARCH", "posix", name, MAPPED)) {
			AtomicReference<ProcessSearchJob.Result> result = new AtomicReference<>();
			ProcessSearchJob job = new ProcessSearchJob(helper.pid(), PatternSyntax.parse("text:CANCEL-MID-SEARCH"), this,
					result::set);
			job.schedule();
			waitUntil(() -> job.scanned() > 0, "the search to begin");
			job.cancel();
			waitUntil(() -> result.get() != null, "the search to end");
			ProcessSearchJob.Result ended = result.get();
			assertEquals("cancelled", ended.problem());
			assertFalse(ended.complete());
			assertFalse(ended.exited());
		}
	}
}
