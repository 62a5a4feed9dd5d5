package org.ipcscope.ui.process.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.events.FocusAdapter;
import org.eclipse.swt.events.FocusEvent;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IViewSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.ipcscope.ui.hex.Banner;
import org.ipcscope.core.process.MemoryRegion;
import org.ipcscope.core.process.ProcessInfo;
import org.ipcscope.core.search.BytePattern;

/**
 * The regions of one process's address space (the pid is the view's secondary id), with a filter
 * and a refresh as the process runs. Opening a region shows it in the hex editor; a search over
 * every readable region lists its matches below the regions. When the process exits, a banner
 * says so and the last regions and matches stay.
 */
public class RegionMapView extends ViewPart implements Refreshable {

	public static final String ID = "org.ipcscope.ui.process.regionMap"; //$NON-NLS-1$
	static final long DEFAULT_INTERVAL = 2000;
	/** The pid of a region map opened without a process. */
	static final long NO_PROCESS = -1;

	private long pid;
	private volatile String processName = ""; //$NON-NLS-1$
	private FilteredTable<MemoryRegion> regions;
	private FilteredTable<SearchHit> hits;
	private TableViewer focused;
	private SashForm sash;
	private Banner banner;
	private Label status;
	private Label hint;
	private List<MemoryRegion> shown = List.of();
	private String readAt = ""; //$NON-NLS-1$
	private String searchStatus = ""; //$NON-NLS-1$
	private volatile String gone;
	private volatile boolean autoRefresh = true;
	private volatile long interval = DEFAULT_INTERVAL;
	private RegionReadJob readJob;

	@Override
	public void init(IViewSite site) throws PartInitException {
		super.init(site);
		if (site.getSecondaryId() == null) {
			// opened from Show View, which knows no process: a hint instead of an error
			pid = NO_PROCESS;
			return;
		}
		try {
			pid = Long.parseLong(site.getSecondaryId());
		} catch (NumberFormatException e) {
			throw new PartInitException(NLS.bind(Messages.RegionMap_NoPid, site.getSecondaryId()));
		}
		setPartName(NLS.bind(Messages.RegionMap_Title, Messages.RegionMap_UnknownName, pid));
	}

	/** @param name the process's name if known, else empty: the first read looks it up */
	public void setProcessName(String name) {
		if (name != null && !name.isEmpty()) {
			processName = name;
			setPartName(NLS.bind(Messages.RegionMap_Title, name, pid));
		}
	}

	@Override
	public void createPartControl(Composite parent) {
		if (pid == NO_PROCESS) {
			parent.setLayout(new FillLayout());
			hint = new Label(parent, SWT.WRAP);
			hint.setText(Messages.RegionMap_NoProcess);
			return;
		}
		GridLayout layout = new GridLayout(1, false);
		layout.marginWidth = layout.marginHeight = 0;
		layout.verticalSpacing = 2;
		parent.setLayout(layout);
		banner = new Banner(parent);

		sash = new SashForm(parent, SWT.VERTICAL);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
		regions = new FilteredTable<>(sash, Messages.RegionMap_FilterHint, List.of(
				new Column<MemoryRegion>(Messages.Column_Base, 20, false, region -> Formats.address(region.start())),
				new Column<MemoryRegion>(Messages.Column_Size, 9, true, region -> Formats.size(region.size())),
				new Column<MemoryRegion>(Messages.Column_Permissions, 5, false, MemoryRegion::permissions),
				new Column<MemoryRegion>(Messages.Column_Type, 8, false, MemoryRegion::type),
				new Column<MemoryRegion>(Messages.Column_Tag, 10, false, MemoryRegion::tag),
				new Column<MemoryRegion>(Messages.Column_File, 50, false, RegionMapView::file)),
				region -> !region.tag().isEmpty());
		hits = new FilteredTable<>(sash, Messages.RegionMap_HitFilterHint, List.of(
				new Column<SearchHit>(Messages.Column_Address, 20, false, hit -> Formats.address(hit.address())),
				new Column<SearchHit>(Messages.Column_Region, 20, false, hit -> Formats.address(hit.region().start())),
				new Column<SearchHit>(Messages.Column_Offset, 14, true, hit -> Formats.hex(hit.offsetInRegion())),
				new Column<SearchHit>(Messages.Column_Tag, 10, false, hit -> hit.region().tag()),
				new Column<SearchHit>(Messages.Column_File, 40, false, hit -> file(hit.region()))),
				hit -> false);
		sash.setWeights(65, 35);
		sash.setMaximizedControl(regions.control());

		status = new Label(parent, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(status);

		focused = regions.viewer();
		for (TableViewer viewer : List.of(regions.viewer(), hits.viewer())) {
			viewer.getTable().addFocusListener(new FocusAdapter() {
				@Override
				public void focusGained(FocusEvent e) {
					focused = viewer;
				}
			});
			viewer.addDoubleClickListener(e -> {
				focused = viewer;
				Commands.execute(getSite(), Commands.OPEN_REGION);
			});
			MenuManager menu = new MenuManager();
			viewer.getTable().setMenu(menu.createContextMenu(viewer.getTable()));
			getSite().registerContextMenu(menu, viewer);
		}
		getSite().setSelectionProvider(regions.viewer());
		status.setText(Messages.View_Reading);
		readJob = new RegionReadJob();
		refresh();
	}

	/** Linux names anonymous regions like [heap] in the path too: the tag column says it already. */
	private static String file(MemoryRegion region) {
		return region.path().equals(region.tag()) ? "" : region.path(); //$NON-NLS-1$
	}

	// ---- reading the regions

	@Override
	public Job refresh() {
		if (gone != null || readJob == null) {
			return null;
		}
		readJob.schedule();
		return readJob;
	}

	public void setAutoRefresh(boolean on) {
		autoRefresh = on;
		if (on) {
			refresh();
		}
		updateStatus();
	}

	public boolean isAutoRefresh() {
		return autoRefresh;
	}

	public void setRefreshInterval(long millis) {
		interval = Math.max(200, millis);
		updateStatus();
	}

	/** Reads the regions, and again every interval while auto-refresh is on and the process is there. */
	private final class RegionReadJob extends Job {

		RegionReadJob() {
			super(NLS.bind(Messages.RegionMap_Job, pid));
			setSystem(true);
		}

		@Override
		protected IStatus run(IProgressMonitor monitor) {
			try {
				if (processName.isEmpty()) {
					List<ProcessInfo> processes = ProcessProvider.call(provider -> provider.processes());
					processes.stream().filter(p -> p.pid() == pid).findFirst()
							.ifPresent(p -> Views.asyncExec(status, () -> setProcessName(p.name())));
				}
				List<MemoryRegion> read = ProcessProvider.call(provider -> provider.regions(pid));
				Views.asyncExec(status, () -> show(read));
			} catch (IOException e) {
				String problem = e.getMessage();
				Views.asyncExec(status, () -> failed(problem));
				return Status.OK_STATUS;
			}
			if (autoRefresh && !monitor.isCanceled()) {
				schedule(interval);
			}
			return Status.OK_STATUS;
		}

		@Override
		public boolean belongsTo(Object family) {
			return family == RegionMapView.this;
		}
	}

	private void show(List<MemoryRegion> read) {
		if (gone != null) {
			return;
		}
		shown = read;
		regions.setRows(read);
		readAt = Formats.now();
		updateStatus();
	}

	/**
	 * A process that was read and no longer is has exited (or may not be read any more): the last
	 * regions stay; nothing is read again.
	 */
	private void failed(String problem) {
		if (shown.isEmpty()) {
			banner.show(NLS.bind(Messages.RegionMap_CannotRead, problem));
		} else {
			gone = problem;
			banner.show(NLS.bind(Messages.RegionMap_Gone, new Object[] { pid, problem, Formats.now() }));
		}
		updateStatus();
	}

	/** @return why the process can no longer be read, or {@code null} while it can */
	public String gone() {
		return gone;
	}

	// ---- search

	/** Searches every readable region for the pattern in a cancellable job; the matches are listed. */
	public Job search(BytePattern pattern) {
		if (pid == NO_PROCESS) {
			return null;
		}
		searchStatus = NLS.bind(Messages.Search_Running, pattern);
		updateStatus();
		ProcessSearchJob job = new ProcessSearchJob(pid, pattern, this, result -> Views.asyncExec(status, () -> showHits(pattern, result)));
		job.schedule();
		return job;
	}

	private void showHits(BytePattern pattern, ProcessSearchJob.Result result) {
		hits.setRows(result.hits());
		openMatches(result.hits().size());
		searchStatus = result.describe(pattern);
		updateStatus();
		if (result.exited() && gone == null && !shown.isEmpty()) {
			failed(result.problem());
		}
		if (!result.hits().isEmpty()) {
			hits.viewer().getTable().setSelection(0);
			focused = hits.viewer();
		}
	}

	/** Most match rows the pane opens to: more scroll. */
	private static final int MATCH_ROWS = 8;

	/**
	 * Opens the matches pane high enough to show the matches (up to {@link #MATCH_ROWS} rows, at
	 * most half the view), whatever the view's height: a fixed share showed a bare header in a
	 * short view.
	 */
	private void openMatches(int matches) {
		sash.setMaximizedControl(null);
		Table table = hits.viewer().getTable();
		int total = sash.getClientArea().height;
		if (total <= 0) {
			return;
		}
		Composite pane = hits.control();
		int chrome = pane.computeSize(pane.getClientArea().width, SWT.DEFAULT).y - table.computeSize(SWT.DEFAULT, SWT.DEFAULT).y;
		int rows = Math.max(1, Math.min(matches, MATCH_ROWS));
		int wanted = Math.max(0, chrome) + table.getHeaderHeight() + rows * table.getItemHeight()
				+ table.getHorizontalBar().getSize().y + 2 * table.getBorderWidth() + sash.getSashWidth();
		// half the view at most: in a short view (an IDE's bottom stack) the regions keep their half
		int matchesHeight = Math.min(wanted, total / 2);
		sash.setWeights(total - matchesHeight, matchesHeight);
	}

	/** @return how many match rows the pane shows without scrolling */
	int visibleMatchRows() {
		Table table = hits.viewer().getTable();
		return Math.max(0, (table.getClientArea().height - table.getHeaderHeight()) / table.getItemHeight());
	}

	// ---- opening

	/** Opens what is selected in the focused table in the hex editor: regions, or matches selected. */
	void openSelection() {
		IStructuredSelection selection = focused.getStructuredSelection();
		for (Object element : selection.toList()) {
			try {
				if (element instanceof MemoryRegion region) {
					RegionEditors.open(getSite().getPage(), pid, processName, region);
				} else if (element instanceof SearchHit hit) {
					RegionEditors.open(getSite().getPage(), pid, processName, hit);
				}
			} catch (PartInitException e) {
				searchStatus = e.getMessage();
				updateStatus();
			}
		}
	}

	long pid() {
		return pid;
	}

	public FilteredTable<MemoryRegion> regions() {
		return regions;
	}

	FilteredTable<SearchHit> hits() {
		return hits;
	}

	String bannerText() {
		return banner.text();
	}

	String statusText() {
		return status.getText();
	}


	private void updateStatus() {
		if (status.isDisposed()) {
			return;
		}
		long readable = shown.stream().filter(MemoryRegion::isReadable).mapToLong(MemoryRegion::size).sum();
		List<String> parts = new ArrayList<>();
		parts.add(NLS.bind(Messages.RegionMap_Status, new Object[] { shown.size(), Formats.amount(readable), readAt }));
		if (gone != null) {
			parts.add(Messages.RegionMap_StatusGone);
		} else if (autoRefresh) {
			parts.add(NLS.bind(Messages.RegionMap_StatusAuto, interval / 1000.0));
		}
		if (!searchStatus.isEmpty()) {
			parts.add(searchStatus);
		}
		status.setText(String.join(Formats.SEPARATOR, parts));
	}

	@Override
	public void setFocus() {
		if (focused != null) {
			focused.getTable().setFocus();
		} else if (hint != null) {
			hint.setFocus();
		}
	}

	/** @return the hint of a region map opened without a process, or {@code null} */
	String hintText() {
		return hint == null ? null : hint.getText();
	}

	@Override
	public void dispose() {
		if (readJob != null) {
			readJob.cancel();
		}
		Job.getJobManager().cancel(this);
		super.dispose();
	}
}
