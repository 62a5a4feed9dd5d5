package org.ipcscope.ui.hex.internal;

import java.io.IOException;
import java.time.LocalTime;
import java.time.ZoneId;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.preferences.IEclipsePreferences.IPreferenceChangeListener;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.ToolBarManager;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.contexts.IContextService;
import org.eclipse.ui.menus.IMenuService;
import org.eclipse.ui.part.EditorPart;
import org.ipcscope.core.IpcObject;
import org.ipcscope.core.hex.Viewport;
import org.ipcscope.ui.hex.Banner;
import org.ipcscope.ui.hex.MemoryEditorInput;
import org.ipcscope.ui.hex.internal.handlers.HexCommands;
import org.ipcscope.ui.hex.internal.preferences.HexPreferences;
import org.ipcscope.ui.hex.internal.struct.StructurePane;

/**
 * A live hex view of one shared-memory object or process region. Reading, writing, searching and
 * snapshots run in jobs ({@link UiJobs}, the work itself in {@link RegionOperations}); the UI
 * thread only paints what they hand back. Read-only until the user allows writing
 * for this editor. When the object goes away, the editor says so and keeps showing the last
 * bytes it read.
 */
public class HexEditor extends EditorPart {

	public static final String ID = "org.ipcscope.ui.hex.editor"; //$NON-NLS-1$
	static final String CONTEXT_ID = "org.ipcscope.ui.hex.editorContext"; //$NON-NLS-1$
	static final String CONTEXT_MENU_ID = "org.ipcscope.ui.hex.editor.context"; //$NON-NLS-1$
	static final String TOOLBAR_URI = "toolbar:org.ipcscope.ui.hex.editor.toolbar"; //$NON-NLS-1$

	private final HexSettings settings = HexSettings.fromPreferences();
	private MemoryEditorInput memory;
	private LiveRegion region;
	private RegionCommands commands;
	private RegionEdits edits;
	private ViewControl view;
	private UiJobs jobs;
	/** A selection asked for before the first bytes came: applied to the first frame. */
	private long[] pendingSelection;
	private RegionReadJob readJob;
	private HexCanvas canvas;
	private InspectorPane inspector;
	private StructurePane structure;
	private Banner banner;
	private StatusLine status;
	private ToolBarManager toolbar;
	private final IPreferenceChangeListener preferences = e -> asyncExec(() -> view.preferencesChanged());

	@Override
	public void init(IEditorSite site, IEditorInput input) throws PartInitException {
		if (!(input instanceof MemoryEditorInput memory)) {
			throw new PartInitException(NLS.bind(Messages.HexEditor_WrongInput, input.getName()));
		}
		setSite(site);
		setInput(input);
		setPartName(input.getName());
		setTitleToolTip(input.getToolTipText());
		this.memory = memory;
		memory.baseAddress().ifPresent(base -> {
			// process memory: addresses are what the user knows
			settings.absoluteOffsets = true;
			settings.baseAddress = base;
		});
		region = new LiveRegion();
		view = new ViewControl(this, settings);
		jobs = new UiJobs(region, this::asyncExec, e -> {
			region.markGone(e.getMessage());
			asyncExec(this::showProblem);
		}, (job, text) -> setMessage(NLS.bind(Messages.HexEditor_Failed, job, text)));
	}

	/** @return the shared-memory object shown, or {@code null} if the editor shows other memory */
	public IpcObject object() {
		return memory.getAdapter(IpcObject.class);
	}

	/** @return what the editor shows */
	public MemoryEditorInput memoryInput() {
		return memory;
	}

	/** @return the name of what the editor shows, for titles and messages */
	public String name() {
		return memory.getName();
	}

	@Override
	public void createPartControl(Composite parent) {
		GridLayout layout = new GridLayout(1, false);
		layout.marginWidth = layout.marginHeight = 0;
		layout.verticalSpacing = 2;
		parent.setLayout(layout);
		toolbar = new ToolBarManager(SWT.FLAT | SWT.RIGHT);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(toolbar.createControl(parent));
		getSite().getService(IMenuService.class).populateContributionManager(toolbar, TOOLBAR_URI);
		toolbar.update(true);

		banner = new Banner(parent);

		SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
		canvas = new HexCanvas(sash, settings, new CanvasListener());
		SashForm side = new SashForm(sash, SWT.VERTICAL);
		inspector = new InspectorPane(side);
		structure = new StructurePane(side, this);
		side.setWeights(35, 65);
		sash.setWeights(55, 45);

		status = new StatusLine(parent, canvas, settings, region);

		MenuManager menu = new MenuManager("#HexEditorContext", CONTEXT_MENU_ID); //$NON-NLS-1$
		canvas.setMenu(menu.createContextMenu(canvas));
		getSite().registerContextMenu(CONTEXT_MENU_ID, menu, null);
		getSite().getService(IContextService.class).activateContext(CONTEXT_ID);
		HexPreferences.addListener(preferences);

		readJob = new RegionReadJob(region, frame -> asyncExec(() -> show(frame)),
				problem -> asyncExec(this::showProblem));
		status.setMessage(Messages.HexEditor_Opening);
		commands = new RegionCommands(this, region, jobs);
		edits = new RegionEdits(this, region, jobs);
		edits.open(false);
		structure.restore();
	}

	// ---- opening and writing

	/** Allows or forbids writing for this editor; writes then go to the live object. */
	public Job setWritingEnabled(boolean on) {
		return edits.open(on);
	}

	public boolean isWritingEnabled() {
		return region.canWrite();
	}

	/** Writes over bytes of the live object, undoably, in a job. */
	public Job write(long offset, byte[] bytes) {
		return edits.write(offset, bytes);
	}

	public Job undo() {
		return edits.undo();
	}

	public Job redo() {
		return edits.redo();
	}

	// ---- reading

	void requestRead(boolean tick) {
		if (canvas == null || canvas.isDisposed() || !region.isOpen()) {
			return;
		}
		readJob.request(new ReadRequest(canvas.windowOffset(), canvas.visibleRows() * canvas.bytesPerRow(),
				canvas.caret(), settings.autoRefresh, settings.intervalMillis), tick);
	}

	/** Reads the visible rows now: a refresh tick even while paused. */
	public void refreshNow() {
		requestRead(true);
	}

	private void show(Frame frame) {
		if (canvas.isDisposed()) {
			return;
		}
		canvas.setFrame(frame);
		if (pendingSelection != null && frame.size() > 0) {
			long[] wanted = pendingSelection;
			pendingSelection = null;
			canvas.select(wanted[0], wanted[1]);
		}
		if (frame.inspectorOffset() == canvas.caret()) {
			inspector.show(frame.inspectorOffset(), frame.inspector(), settings.absoluteOffsets, settings.baseAddress);
		}
		structure.refresh();
		status.read(frame.nanos(), (frame.viewport().length() + canvas.bytesPerRow() - 1) / canvas.bytesPerRow());
		status.update();
	}

	void showProblem() {
		if (canvas.isDisposed()) {
			return;
		}
		String gone = region.gone();
		if (gone != null) {
			String time = StatusLine.TIME.format(LocalTime.ofInstant(region.goneAt(), ZoneId.systemDefault()));
			banner.show(NLS.bind(Messages.HexEditor_Gone, new Object[] { name(), gone, time }));
			refreshCommands();
		}
		updateStatus();
	}

	/** @return the bytes on screen with their change marks, {@code null} before the first read */
	public Viewport shownBytes() {
		Frame frame = canvas.frame();
		return frame == null ? null : frame.viewport();
	}

	/** @return whether the object went away while open */
	public boolean isGone() {
		return region.gone() != null;
	}

	public String bannerText() {
		return banner.text();
	}

	public String statusText() {
		return status.text();
	}

	private void setMessage(String text) {
		status.setMessage(text);
	}

	private void updateStatus() {
		status.update();
	}

	public static String formatOffset(long offset) {
		return "0x" + Long.toHexString(offset).toUpperCase(); //$NON-NLS-1$
	}

	// ---- view settings (UI thread)

	public HexSettings settings() {
		return settings;
	}

	public HexCanvas canvas() {
		return canvas;
	}

	public LiveRegion region() {
		return region;
	}

	InspectorPane inspector() {
		return inspector;
	}

	public StructurePane structure() {
		return structure;
	}

	Banner banner() {
		return banner;
	}

	StatusLine status() {
		return status;
	}

	/** @return find, baseline, changes, comparison, copy and save */
	public RegionCommands commands() {
		return commands;
	}

	/** @return the view settings the user changes */
	public ViewControl view() {
		return view;
	}

	/** Sets how often the visible rows are read while refreshing automatically (at least 50 ms). */
	public void setRefreshInterval(long millis) {
		view.setRefreshInterval(millis);
	}

	/** Updates the checked states of the editor's toggles and radio items. */
	void refreshCommands() {
		ICommandService service = getSite().getService(ICommandService.class);
		if (service != null) {
			for (String id : HexCommands.STATEFUL) {
				service.refreshElements(id, null);
			}
		}
	}

	// ---- navigation

	/** Moves the caret to an offset and shows it. */
	public void goTo(long offset) {
		canvas.moveCaret(offset, false);
	}

	/** Selects a range and shows it; before the first bytes came, as soon as they come. */
	public void select(long offset, long length) {
		if (canvas.regionSize() == 0) {
			pendingSelection = new long[] { offset, length };
		} else {
			canvas.select(offset, length);
		}
	}

	public long caret() {
		return canvas.caret();
	}

	public long selectionStart() {
		return canvas.selectionStart();
	}

	public long selectionLength() {
		return canvas.selectionLength();
	}

	void asyncExec(Runnable runnable) {
		Display display = canvas == null || canvas.isDisposed() ? null : canvas.getDisplay();
		if (display != null && !display.isDisposed()) {
			display.asyncExec(() -> {
				if (canvas != null && !canvas.isDisposed()) {
					runnable.run();
				}
			});
		}
	}

	/** Family of this editor's jobs, for tests that wait for them. */
	public Object jobFamily() {
		return region;
	}

	// ---- the part

	@Override
	public void setFocus() {
		canvas.setFocus();
		refreshCommands();
	}

	@Override
	public void dispose() {
		HexPreferences.removeListener(preferences);
		if (readJob != null) {
			readJob.cancel();
		}
		Job.getJobManager().cancel(region);
		LiveRegion closing = region;
		// waits in the background for reads under way, then unmaps and deletes the baseline file
		Job close = Job.create(NLS.bind(Messages.HexEditor_CloseJob, name()), monitor -> {
			try {
				closing.close();
			} catch (IOException e) {
				// closing a vanished object may fail; nothing is left to release
			}
		});
		close.setSystem(true);
		close.schedule();
		super.dispose();
	}

	@Override
	public void doSave(IProgressMonitor monitor) {
		// writes go to the live object at once: there is nothing to save
	}

	@Override
	public void doSaveAs() {
		// see RegionCommands.save(Path, boolean)
	}

	@Override
	public boolean isDirty() {
		return false;
	}

	@Override
	public boolean isSaveAsAllowed() {
		return false;
	}

	/** Connects the view's events to reads, the inspector, the status line and writes. */
	private final class CanvasListener implements HexCanvas.Listener {
		@Override
		public void windowChanged() {
			requestRead(false);
		}

		@Override
		public void caretChanged() {
			// the inspector's bytes come with the next read; it follows the caret at once
			requestRead(false);
			updateStatus();
			structure.caretMoved(canvas.caret());
		}

		@Override
		public void edit(long offset, byte[] bytes) {
			write(offset, bytes);
		}
	}
}
