package org.ipcscope.ui.sniff.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.IBaseLabelProvider;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchListener;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.part.ViewPart;

/**
 * A view of one capture, live or from a file: a banner, the view's own settings, a filter bar,
 * the capture table over the detail pane, and a status line. The Message Sniffer and the
 * Traffic view are two of them.
 *
 * Entries reach the view through the {@link CaptureLog}: the capture thread only queues, the UI
 * thread drains every {@value #DRAIN_MILLIS} ms, and the virtual table formats only the rows it
 * shows. The {@link CaptureController} keeps the session's life cycle, {@link CaptureFiles}
 * opens and saves files; start, stop, load and save run in jobs.
 *
 * @param <S> a running session
 * @param <T> what a row is
 * @param <H> the header of the view's capture files
 */
public abstract class CaptureView<S, T, H> extends ViewPart implements CaptureController.Observer {

	/** How often queued entries go to the table: often enough to look live, seldom enough to stay cheap. */
	public static final int DRAIN_MILLIS = 100;
	/** How long closing the workbench waits for a capture to stop and its targets to be restored. */
	private static final long SHUTDOWN_WAIT_MILLIS = 5000;

	/**
	 * A view's words, from its NLS messages, and its Pause command. In the status line's patterns
	 * {0} {1} {2} of {@code counts} are kept, dropped and shown.
	 */
	public record Texts(String pauseCommand, String stopJob, String loadRefused, String startFailedTitle, String counts,
			String droppedFromView, String paused, String filterError) {
	}

	private final CaptureLog<T> log;
	private CaptureController<S, T> controller;
	private CaptureFiles<H, T> files;
	private Label banner;
	private FilterBar filters;
	private CaptureTable<T> table;
	private MessageDetailPane detail;
	private Label status;
	private String filterError;
	private IWorkbenchListener shutdown;

	protected CaptureView(CaptureLog<T> log) {
		this.log = log;
	}

	// ---- what each view says and does its own way

	protected abstract CaptureColumn[] columns();

	protected abstract IBaseLabelProvider labels();

	protected abstract FilterBar.Field[] filterFields();

	/** @throws IllegalArgumentException with a message fit to show */
	protected abstract Predicate<? super T> filter(String[] texts);

	protected abstract CaptureFormat<H, T> format();

	/** Closes a session, restoring what it changed; in a job. */
	protected abstract void close(S session);

	protected abstract Texts texts();

	/** @return the state in words; {@code detail} as {@link CaptureController#detail()} */
	protected abstract String stateText(CaptureState state, String detail);

	/** Shows an entry, or null, in the detail pane. */
	protected abstract void showInDetail(MessageDetailPane pane, T entry);

	/** @return the header a save writes: what the entries were captured from */
	protected abstract H saveHeader();

	/** Adds the view's own controls between the banner and the filters. */
	protected void createSettings(Composite parent) {
		// none by default
	}

	/** The parts exist: say what is available, wire the table. */
	protected void partCreated() {
		// nothing more by default
	}

	/** @return more to say in the status line before the state, or null */
	protected String extraStatus() {
		return null;
	}

	/** The filter fields changed and were parsed. */
	protected void filtersChanged() {
		// nothing more by default
	}

	/** A file is about to load: forget what describes the capture shown now. */
	protected void beforeLoad() {
		// nothing by default
	}

	/** A load ended (the state moves right after). */
	protected void loaded(CaptureFileJob.Outcome<H> outcome) {
		// nothing by default
	}

	// ---- the parts

	@Override
	public void createPartControl(Composite parent) {
		GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);
		banner = new Label(parent, SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, false).hint(300, SWT.DEFAULT).applyTo(banner);
		createSettings(parent);
		filters = new FilterBar(parent, this::applyFilter, filterFields());
		GridDataFactory.fillDefaults().grab(true, false).applyTo(filters);
		SashForm sash = new SashForm(parent, SWT.VERTICAL);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
		table = new CaptureTable<>(sash, log, columns(), labels());
		detail = new MessageDetailPane(sash);
		sash.setWeights(60, 40);
		status = new Label(parent, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(status);

		Display display = parent.getDisplay();
		controller = new CaptureController<>(log, display::asyncExec, this::close, texts().stopJob(), this);
		files = new CaptureFiles<>(format(), log, controller, display::asyncExec);
		Table widget = table.table();
		widget.addListener(SWT.Selection, e -> showSelected());
		MenuManager menu = new MenuManager();
		widget.setMenu(menu.createContextMenu(widget));
		getSite().registerContextMenu(menu, table.viewer());
		getSite().setSelectionProvider(table.viewer());
		partCreated();
		shutdown = new IWorkbenchListener() {
			@Override
			public boolean preShutdown(IWorkbench workbench, boolean forced) {
				controller.stopBeforeExit(SHUTDOWN_WAIT_MILLIS);
				return true;
			}

			@Override
			public void postShutdown(IWorkbench workbench) {
				// stopped in preShutdown
			}
		};
		PlatformUI.getWorkbench().addWorkbenchListener(shutdown);
		refreshPauseCommand();
		updateStatus();
		display.timerExec(DRAIN_MILLIS, this::tick);
	}

	/** Shows a sentence above everything, or hides the banner for null. */
	protected void showBanner(String text) {
		banner.setText(text == null ? "" : text); //$NON-NLS-1$
		((GridData) banner.getLayoutData()).exclude = text == null;
		banner.setVisible(text != null);
		banner.getParent().layout(true, true);
	}

	// ---- the table, fed in batches

	private void tick() {
		if (table.table().isDisposed()) {
			return;
		}
		try {
			boolean changed = log.drain();
			controller.checkEnded();
			if (changed) {
				table.showNewRows();
			}
			updateStatus();
		} finally {
			// one bad batch must not stop the feed
			table.table().getDisplay().timerExec(DRAIN_MILLIS, this::tick);
		}
	}

	/** Rebuilds the rows and the detail pane, after a filter change, a clear, a new capture or load. */
	protected void reshow() {
		table.reshow();
		showSelected();
	}

	private void showSelected() {
		showInDetail(detail, table.selected());
	}

	private void applyFilter() {
		try {
			log.setFilter(filter(filters.texts()));
			filterError = null;
		} catch (IllegalArgumentException e) {
			filterError = e.getMessage();
		}
		filtersChanged();
		reshow();
		updateStatus();
	}

	@Override
	public void stateChanged() {
		updateStatus();
	}

	@Override
	public void startFailed() {
		// the user asked for this capture and must read why it did not start
		MessageDialog.openError(getSite().getShell(), texts().startFailedTitle(), stateLine());
	}

	private String stateLine() {
		String note = controller.note();
		return note != null ? note : stateText(controller.state(), controller.detail());
	}

	/** Sets the status line: the short, changing facts first, as the state can be a long sentence. */
	protected void updateStatus() {
		if (status.isDisposed()) {
			return;
		}
		Texts texts = texts();
		long droppedFromView = log.droppedFromView();
		String text = NLS.bind(texts.counts(),
				new Object[] { log.size() + droppedFromView, controller.dropped(), log.shownCount() });
		if (droppedFromView > 0) {
			text += NLS.bind(texts.droppedFromView(), droppedFromView);
		}
		if (log.isPaused()) {
			text += NLS.bind(texts.paused(), log.heldBack());
		}
		if (filterError != null) {
			text += NLS.bind(texts.filterError(), filterError);
		}
		String extra = extraStatus();
		if (extra != null) {
			text += " | " + extra; //$NON-NLS-1$
		}
		text += " | " + stateLine(); //$NON-NLS-1$
		if (!text.equals(status.getText())) {
			status.setText(text);
			status.setToolTipText(text);
		}
	}

	// ---- pause and clear

	public void setPaused(boolean paused) {
		log.setPaused(paused);
		if (!paused) {
			log.drain();
			table.showNewRows();
		}
		updateStatus();
		refreshPauseCommand();
	}

	public boolean isPaused() {
		return log.isPaused();
	}

	private void refreshPauseCommand() {
		ICommandService commands = getSite().getService(ICommandService.class);
		if (commands != null) {
			commands.refreshElements(texts().pauseCommand(), null);
		}
	}

	/** Forgets what the view shows; a load is cancelled, a capture goes on. */
	public void clear() {
		controller.clear();
		reshow();
		updateStatus();
	}

	// ---- files

	/** Opens a capture file in a job; the table fills as it reads. @return the job, or null if refused */
	public Job load(Path file) {
		if (!controller.isIdle()) {
			controller.say(texts().loadRefused());
			return null;
		}
		beforeLoad();
		Job job = files.load(file, this::loaded);
		reshow();
		return job;
	}

	/** Saves every kept entry, shown or not, in a job. */
	public Job save(Path file) {
		log.drain();
		return files.save(file, saveHeader(), log.all());
	}

	/** @return the selected entries in table order */
	public List<T> selectedEntries() {
		return table.selectedEntries();
	}

	// ---- the parts, for the views, their handlers and tests

	protected Label banner() {
		return banner;
	}

	public CaptureController<S, T> controller() {
		return controller;
	}

	public CaptureFiles<H, T> files() {
		return files;
	}

	public CaptureLog<T> log() {
		return log;
	}

	public CaptureTable<T> table() {
		return table;
	}

	public FilterBar filters() {
		return filters;
	}

	public MessageDetailPane detail() {
		return detail;
	}

	public Label status() {
		return status;
	}

	@Override
	public void setFocus() {
		table.table().setFocus();
	}

	@Override
	public void dispose() {
		if (shutdown != null) {
			PlatformUI.getWorkbench().removeWorkbenchListener(shutdown);
		}
		if (controller != null) {
			controller.dispose();
		}
		super.dispose();
	}
}
