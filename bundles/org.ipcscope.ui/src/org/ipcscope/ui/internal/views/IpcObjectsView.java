package org.ipcscope.ui.internal.views;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.eclipse.core.commands.Command;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.NotEnabledException;
import org.eclipse.core.commands.NotHandledException;
import org.eclipse.core.commands.State;
import org.eclipse.core.commands.common.NotDefinedException;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.TreeColumnLayout;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.IElementComparer;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.events.TreeEvent;
import org.eclipse.swt.events.TreeListener;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.handlers.RadioState;
import org.eclipse.ui.handlers.RegistryToggleState;
import org.eclipse.ui.part.ViewPart;
import org.ipcscope.core.InventorySnapshot;
import org.ipcscope.core.ObjectFilter;
import org.ipcscope.core.change.Change;
import org.ipcscope.core.change.ChangeTracker;
import org.ipcscope.core.change.TrackedObject;
import org.ipcscope.ui.IpcScopeViews;
import org.ipcscope.ui.LiveRefresh;
import org.ipcscope.ui.internal.Messages;

/**
 * The inventory as a tree grouped by kind or by process, with a filter, auto-refresh and change
 * marks. The view never calls the OS itself: an {@link InventoryRefreshJob} asks the inventory
 * service and the result comes back to the UI thread.
 */
public class IpcObjectsView extends ViewPart {

	static final String GROUP_BY_COMMAND = "org.ipcscope.ui.commands.groupBy"; //$NON-NLS-1$
	static final String AUTO_REFRESH_COMMAND = "org.ipcscope.ui.commands.autoRefresh"; //$NON-NLS-1$
	static final String INTERVAL_COMMAND = "org.ipcscope.ui.commands.refreshInterval"; //$NON-NLS-1$
	/** Executed on double-click; handlers come from the plug-ins that open objects (the hex editor). */
	static final String OPEN_COMMAND = "org.ipcscope.ui.commands.openObject"; //$NON-NLS-1$
	/** Refreshes a change stays marked for. */
	static final int MARKED_REFRESHES = 3;
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss"); //$NON-NLS-1$

	private TreeViewer viewer;
	private Text filterText;
	private LocalResourceManager resources;
	private InventoryRefreshJob job;
	private final ChangeTracker tracker = new ChangeTracker(MARKED_REFRESHES);
	private final Set<String> collapsed = new HashSet<>();
	private List<TrackedObject> rows = List.of();
	private Grouping grouping = Grouping.KIND;
	private ObjectFilter filter = new ObjectFilter(""); //$NON-NLS-1$
	private volatile InventorySnapshot shown;
	private LiveRefresh live;

	@Override
	public void createPartControl(Composite parent) {
		resources = new LocalResourceManager(JFaceResources.getResources(), parent);
		parent.setLayout(new GridLayout(1, false));
		filterText = new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
		filterText.setMessage(Messages.IpcObjectsView_FilterHint);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(filterText);
		filterText.addModifyListener(e -> {
			filter = new ObjectFilter(filterText.getText());
			rebuild();
		});

		Composite treeHolder = new Composite(parent, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(treeHolder);
		TreeColumnLayout layout = new TreeColumnLayout();
		treeHolder.setLayout(layout);
		viewer = new TreeViewer(treeHolder, SWT.MULTI | SWT.FULL_SELECTION | SWT.H_SCROLL | SWT.V_SCROLL | SWT.BORDER);
		viewer.getTree().setHeaderVisible(true);
		viewer.getTree().setLinesVisible(true);
		viewer.setUseHashlookup(true);
		viewer.setComparer(new RowComparer());
		viewer.setContentProvider(new ObjectTreeContentProvider());
		for (ObjectColumn column : ObjectColumn.values()) {
			TreeViewerColumn treeColumn = new TreeViewerColumn(viewer,
					column == ObjectColumn.SIZE ? SWT.RIGHT : SWT.LEFT);
			treeColumn.getColumn().setText(column.title);
			treeColumn.setLabelProvider(new ObjectLabelProvider(column, resources, MARKED_REFRESHES));
			layout.setColumnData(treeColumn.getColumn(), new ColumnWeightData(column.weight, 50));
		}
		ColumnViewerToolTipSupport.enableFor(viewer);
		viewer.getTree().addTreeListener(new TreeListener() {
			@Override
			public void treeCollapsed(TreeEvent e) {
				if (e.item.getData() instanceof RowGroup group) {
					collapsed.add(group.key());
				}
			}

			@Override
			public void treeExpanded(TreeEvent e) {
				if (e.item.getData() instanceof RowGroup group) {
					collapsed.remove(group.key());
				}
			}
		});
		viewer.addDoubleClickListener(e -> openSelection());
		MenuManager contextMenu = new MenuManager();
		viewer.getControl().setMenu(contextMenu.createContextMenu(viewer.getControl()));
		getSite().registerContextMenu(contextMenu, viewer);
		getSite().setSelectionProvider(viewer);

		job = new InventoryRefreshJob(snapshot -> {
			if (!viewer.getControl().isDisposed()) {
				viewer.getControl().getDisplay().asyncExec(() -> show(snapshot));
			}
		});
		live = new LiveRefresh(this, this::refreshIfIdle);
		readCommandStates();
		refresh();
	}

	private void openSelection() {
		IHandlerService handlers = getSite().getService(IHandlerService.class);
		try {
			handlers.executeCommand(OPEN_COMMAND, null);
		} catch (NotEnabledException | NotHandledException e) {
			// nothing opens this row (not memory, or no hex editor installed): its details do
			showProperties();
		} catch (ExecutionException | NotDefinedException e) {
			Platform.getLog(getClass()).error(NLS.bind(Messages.IpcObjectsView_OpenFailed, viewer.getSelection()), e);
		}
	}

	/** The Properties view, showing the selected row (double-click on a row nothing opens, Alt+Enter). */
	void showProperties() {
		try {
			getSite().getPage().showView(IPageLayout.ID_PROP_SHEET, null, IWorkbenchPage.VIEW_VISIBLE);
		} catch (PartInitException e) {
			Platform.getLog(getClass()).error(Messages.IpcObjectsView_PropertiesFailed, e);
		}
	}

	private void readCommandStates() {
		ICommandService commands = getSite().getService(ICommandService.class);
		grouping = Grouping.fromParameter(stateValue(commands, GROUP_BY_COMMAND, RadioState.STATE_ID));
		live.setOn(Boolean.TRUE.equals(stateObject(commands, AUTO_REFRESH_COMMAND, RegistryToggleState.STATE_ID)));
		// the view menu's Refresh Interval shows the live views' preference
		Command interval = commands == null ? null : commands.getCommand(INTERVAL_COMMAND);
		State radio = interval == null ? null : interval.getState(RadioState.STATE_ID);
		if (radio != null) {
			radio.setValue(Long.toString(live.intervalMillis()));
		}
	}

	private static Object stateObject(ICommandService commands, String commandId, String stateId) {
		Command command = commands == null ? null : commands.getCommand(commandId);
		State state = command == null ? null : command.getState(stateId);
		return state == null ? null : state.getValue();
	}

	private static String stateValue(ICommandService commands, String commandId, String stateId) {
		return Objects.toString(stateObject(commands, commandId, stateId), null);
	}

	/**
	 * Lists the objects again, in the background. A refresh under way is followed by one more, so
	 * that the result always reflects a look taken after the request.
	 */
	public void refresh() {
		if (job.getState() != Job.RUNNING) {
			// drops an auto-refresh waiting for its delay: this one replaces it
			job.cancel();
		}
		job.schedule();
	}

	/** A live refresh: none while one is under way (a slow system is not asked back to back). */
	private void refreshIfIdle() {
		if (job.getState() == Job.NONE) {
			job.schedule();
		}
	}

	void setGrouping(Grouping newGrouping) {
		grouping = newGrouping;
		rebuild();
	}

	Grouping grouping() {
		return grouping;
	}

	void setAutoRefresh(boolean on) {
		live.setOn(on);
		if (on) {
			refresh();
		}
	}

	/** @return the live refresh, for tests */
	LiveRefresh liveRefresh() {
		return live;
	}

	private void show(InventorySnapshot snapshot) {
		if (viewer.getControl().isDisposed()) {
			return;
		}
		if (snapshot == null) {
			setContentDescription(Messages.IpcObjectsView_NoService);
			return;
		}
		shown = snapshot;
		rows = tracker.update(snapshot);
		rebuild();
	}

	private void rebuild() {
		if (viewer.getControl().isDisposed()) {
			return;
		}
		List<RowGroup> groups = RowGroups.build(rows, grouping, filter);
		viewer.getControl().setRedraw(false);
		try {
			viewer.setInput(groups);
			for (RowGroup group : groups) {
				viewer.setExpandedState(group, !collapsed.contains(group.key()));
			}
		} finally {
			viewer.getControl().setRedraw(true);
		}
		updateDescription(groups);
	}

	private void updateDescription(List<RowGroup> groups) {
		if (shown == null) {
			setContentDescription(Messages.IpcObjectsView_Refreshing);
			return;
		}
		long added = rows.stream().filter(r -> r.change() == Change.ADDED && r.age() == 0).count();
		long changed = rows.stream().filter(r -> r.change() == Change.CHANGED && r.age() == 0).count();
		long removed = rows.stream().filter(r -> r.change() == Change.REMOVED && r.age() == 0).count();
		long visible = groups.stream().flatMap(g -> g.rows().stream()).map(r -> r.object().identity()).distinct()
				.count();
		String time = TIME.format(LocalTime.ofInstant(shown.taken(), ZoneId.systemDefault()));
		String text = NLS.bind(Messages.IpcObjectsView_Summary,
				new Object[] { shown.objects().size(), visible, time, added, changed, removed });
		if (!shown.problems().isEmpty()) {
			text += NLS.bind(Messages.IpcObjectsView_NotReadable, String.join("; ", shown.problems())); //$NON-NLS-1$
		}
		setContentDescription(text);
	}

	/** Selects the groups of the processes holding the selected objects, grouping by process. */
	void revealOwnerProcesses() {
		Set<Long> pids = new HashSet<>();
		for (Object element : ((IStructuredSelection) viewer.getSelection()).toList()) {
			if (element instanceof TrackedObject row) {
				row.object().owners().forEach(o -> pids.add(o.pid()));
			}
		}
		if (grouping != Grouping.PROCESS) {
			ICommandService commands = getSite().getService(ICommandService.class);
			Command command = commands == null ? null : commands.getCommand(GROUP_BY_COMMAND);
			State state = command == null ? null : command.getState(RadioState.STATE_ID);
			if (state != null) {
				state.setValue(Grouping.PROCESS.parameter());
			}
			setGrouping(Grouping.PROCESS);
		}
		@SuppressWarnings("unchecked")
		List<RowGroup> groups = (List<RowGroup>) viewer.getInput();
		List<RowGroup> targets = groups.stream().filter(g -> pids.contains(g.pid())).toList();
		viewer.setSelection(new StructuredSelection(targets), true);
	}

	/** @return the objects passing the filter, each once, for copy and export */
	List<TrackedObject> visibleRows() {
		return rows.stream().filter(r -> filter.test(r.object())).toList();
	}

	/** @return the snapshot on screen, or {@code null} before the first one arrived */
	public InventorySnapshot shownSnapshot() {
		return shown;
	}

	/** @return the viewer, for tests that read what the tree shows */
	public TreeViewer viewer() {
		return viewer;
	}

	/** @return the filter box, for tests */
	public Text filterText() {
		return filterText;
	}

	/** Family of the background refresh jobs, to wait for them. */
	public static Object refreshJobFamily() {
		return InventoryRefreshJob.FAMILY;
	}

	static String viewId() {
		return IpcScopeViews.IPC_OBJECTS;
	}

	@Override
	public void setFocus() {
		viewer.getControl().setFocus();
	}

	@Override
	public void dispose() {
		if (live != null) {
			live.dispose();
		}
		if (job != null) {
			job.cancel();
		}
		super.dispose();
	}

	/** Groups are the same across refreshes by key, rows by the object's identity. */
	private static final class RowComparer implements IElementComparer {
		@Override
		public boolean equals(Object a, Object b) {
			return key(a).equals(key(b));
		}

		@Override
		public int hashCode(Object element) {
			return key(element).hashCode();
		}

		private static String key(Object element) {
			if (element instanceof RowGroup group) {
				return "group|" + group.key(); //$NON-NLS-1$
			}
			if (element instanceof TrackedObject row) {
				return "row|" + row.object().identity(); //$NON-NLS-1$
			}
			return String.valueOf(element);
		}
	}
}
