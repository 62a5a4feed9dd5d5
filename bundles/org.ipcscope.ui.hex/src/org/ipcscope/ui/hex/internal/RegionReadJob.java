package org.ipcscope.ui.hex.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.ipcscope.core.hex.ChangeHistory;
import org.ipcscope.core.hex.DataInspector;
import org.ipcscope.core.hex.Viewport;
import org.ipcscope.core.hex.ViewportCache;
import org.ipcscope.core.memory.MemoryRead;
import org.ipcscope.core.memory.MemorySnapshot;
import org.ipcscope.core.memory.MemorySource;
import org.ipcscope.core.memory.SourceGoneException;
import org.ipcscope.ui.hex.internal.Frame.Inspected;

/**
 * Reads the visible rows, and only those: on each refresh tick, and at once when the view moved.
 * A tick ages the change marks; a move does not. It reschedules itself while auto-refresh is on
 * and the object is there; results go to the UI thread through {@code onFrame}.
 */
final class RegionReadJob extends Job {

	/** What stays on screen of an object that went away, wherever the user scrolls. */
	static final int LAST_BYTES_KEPT = 4 << 20;

	private final LiveRegion region;
	private final ViewportCache lastRead = new ViewportCache(LAST_BYTES_KEPT);
	private long lastSize;
	private final Consumer<Frame> onFrame;
	private final Consumer<String> onProblem;
	private volatile ReadRequest request;
	private volatile boolean tickWanted = true;
	private volatile boolean again;
	private long nextTick;

	RegionReadJob(LiveRegion region, Consumer<Frame> onFrame, Consumer<String> onProblem) {
		super(Messages.ReadJob_Name);
		this.region = region;
		this.onFrame = onFrame;
		this.onProblem = onProblem;
		setSystem(true);
		setPriority(INTERACTIVE);
	}

	/** Reads the rows now; a refresh tick if {@code tick}, else a move that keeps the marks' ages. */
	void request(ReadRequest newRequest, boolean tick) {
		request = newRequest;
		if (tick) {
			tickWanted = true;
		}
		switch (getState()) {
		case SLEEPING -> wakeUp();
		case NONE -> schedule();
		default -> again = true; // running or about to: run once more with the latest request
		}
	}

	@Override
	public boolean belongsTo(Object family) {
		return family == region;
	}

	@Override
	protected IStatus run(IProgressMonitor monitor) {
		ReadRequest wanted = request;
		if (wanted == null || region.isClosed() || !region.isOpen()) {
			return Status.OK_STATUS;
		}
		if (region.gone() != null) {
			onFrame.accept(fromLastRead(wanted));
			return Status.OK_STATUS;
		}
		again = false;
		long now = System.nanoTime();
		boolean tick = tickWanted || wanted.auto() && now >= nextTick;
		if (tick) {
			tickWanted = false;
			nextTick = now + wanted.interval() * 1_000_000L;
		}
		try {
			onFrame.accept(read(wanted, tick));
		} catch (SourceGoneException e) {
			region.markGone(e.getMessage());
			onProblem.accept(e.getMessage());
			return Status.OK_STATUS;
		} catch (IOException e) {
			onProblem.accept(e.getMessage());
		}
		if (monitor.isCanceled() || region.isClosed()) {
			return Status.CANCEL_STATUS;
		}
		if (again) {
			schedule();
		} else if (wanted.auto()) {
			schedule(Math.max(0, (nextTick - System.nanoTime()) / 1_000_000L));
		}
		return Status.OK_STATUS;
	}

	private Frame read(ReadRequest wanted, boolean tick) throws IOException {
		long start = System.nanoTime();
		return region.withReader(reader -> {
			long size = reader.source().size();
			int length = (int) Math.max(0, Math.min(wanted.length(), size - wanted.offset()));
			Viewport viewport = tick ? reader.refresh(wanted.offset(), length) : reader.move(wanted.offset(), length);
			lastRead.put(new MemoryRead(viewport.offset(), viewport.bytes(), viewport.unreadable()));
			lastSize = size;
			BitSet sinceBaseline = sinceBaseline(viewport);
			int inspected = (int) Math.max(0, Math.min(DataInspector.WINDOW, size - wanted.caret()));
			MemoryRead atCaret = inspectorBytes(viewport, wanted.caret(), inspected, reader.source());
			return new Frame(viewport, sinceBaseline, size, wanted.caret(),
					new Inspected(atCaret.bytes(), atCaret.unreadable()), System.nanoTime() - start);
		});
	}

	/** After the object went: the bytes last read, unknown ones unreadable, no change marks. */
	private Frame fromLastRead(ReadRequest wanted) {
		long start = System.nanoTime();
		int length = (int) Math.max(0, Math.min(wanted.length(), lastSize - wanted.offset()));
		MemoryRead kept = lastRead.get(wanted.offset(), length);
		byte[] ages = new byte[length];
		Arrays.fill(ages, (byte) ChangeHistory.UNCHANGED);
		Viewport viewport = new Viewport(wanted.offset(), kept.bytes(), kept.unreadable(), ages, 0, 1);
		int inspected = (int) Math.max(0, Math.min(DataInspector.WINDOW, lastSize - wanted.caret()));
		MemoryRead atCaret = lastRead.get(wanted.caret(), inspected);
		BitSet sinceBaseline;
		try {
			sinceBaseline = sinceBaseline(viewport);
		} catch (IOException e) {
			sinceBaseline = new BitSet();
		}
		return new Frame(viewport, sinceBaseline, lastSize, wanted.caret(),
				new Inspected(atCaret.bytes(), atCaret.unreadable()), System.nanoTime() - start);
	}

	/** The inspector's bytes come from the rows just read when they cover them: no second read. */
	private static MemoryRead inspectorBytes(Viewport viewport, long caret, int length,
			MemorySource source) throws IOException {
		if (viewport.covers(caret) && caret + length <= viewport.end()) {
			int from = (int) (caret - viewport.offset());
			byte[] bytes = Arrays.copyOfRange(viewport.bytes(), from, from + length);
			return new MemoryRead(caret, bytes, viewport.unreadable().get(from, from + length));
		}
		return source.read(caret, length);
	}

	private BitSet sinceBaseline(Viewport viewport) throws IOException {
		MemorySnapshot baseline = region.baseline();
		BitSet differs = new BitSet();
		if (baseline == null || viewport.length() == 0) {
			return differs;
		}
		MemoryRead before = baseline.read(viewport.offset(), viewport.length());
		for (int i = 0; i < viewport.length(); i++) {
			boolean readable = viewport.isReadable(i);
			if (readable != before.isReadable(i) || readable && before.bytes()[i] != viewport.bytes()[i]) {
				differs.set(i);
			}
		}
		return differs;
	}
}
