package org.ipcscope.ui.process.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.eclipse.core.commands.Command;
import org.eclipse.core.commands.State;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.RegistryToggleState;
import org.eclipse.ui.part.ViewPart;
import org.ipcscope.core.process.ProcessInfo;
import org.ipcscope.core.text.Printable;
import org.ipcscope.ui.LiveRefresh;
import org.ipcscope.ui.process.ProcessViews;

/**
 * The processes of this machine with a filter; those of running debug launches first, in bold.
 * Read in a job from the process memory provider; Show Regions (double-click) opens a region map.
 */
public class ProcessesView extends ViewPart implements Refreshable {

	public static final String ID = ProcessViews.PROCESSES_VIEW_ID;
	static final String SHOW_KERNEL_THREADS = "org.ipcscope.ui.process.commands.showKernelThreads"; //$NON-NLS-1$

	private FilteredTable<ProcessRow> table;
	private Label status;
	private LiveRefresh live;
	private boolean showKernelThreads;
	/** The last list read, kernel threads included. */
	private List<ProcessRow> all;
	/** Whether a debugger integration runs: the launch column and count only then. */
	private boolean launches;
	private Job current;

	@Override
	public void createPartControl(Composite parent) {
		GridLayout layout = new GridLayout(1, false);
		layout.marginWidth = layout.marginHeight = 0;
		parent.setLayout(layout);
		List<Column<ProcessRow>> columns = new ArrayList<>(List.of(
				new Column<ProcessRow>(Messages.Column_Pid, 8, true, row -> Long.toString(row.info().pid())),
				new Column<ProcessRow>(Messages.Column_Name, 18, false, row -> row.info().name()),
				new Column<ProcessRow>(Messages.Column_CommandLine, 40, false, row -> Printable.escape(row.info().commandLine())),
				new Column<ProcessRow>(Messages.Column_User, 10, false, row -> row.info().user()),
				new Column<ProcessRow>(Messages.Column_Bitness, 5, true,
						row -> row.info().bitness() == 0 ? "" : Integer.toString(row.info().bitness())), //$NON-NLS-1$
				new Column<ProcessRow>(Messages.Column_Started, 19, false, row -> Formats.time(row.info().startTime()))));
		// a launch column only where a debugger can launch (the IDE; the product has none)
		launches = ProcessProvider.hasLaunches();
		if (launches) {
			columns.add(new Column<ProcessRow>(Messages.Column_Launch, 14, false, ProcessRow::launch));
		}
		columns.add(new Column<ProcessRow>(Messages.Column_Image, 40, false, row -> row.info().imagePath()));
		table = new FilteredTable<>(parent, Messages.ProcessesView_FilterHint, columns, ProcessRow::isLaunched);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(table.control());
		status = new Label(parent, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(status);

		getSite().setSelectionProvider(table.viewer());
		MenuManager menu = new MenuManager();
		table.viewer().getTable().setMenu(menu.createContextMenu(table.viewer().getTable()));
		getSite().registerContextMenu(menu, table.viewer());
		table.viewer().addDoubleClickListener(e -> Commands.execute(getSite(), Commands.SHOW_REGIONS));
		status.setText(Messages.View_Reading);
		Command kernelThreads = getSite().getService(ICommandService.class).getCommand(SHOW_KERNEL_THREADS);
		State state = kernelThreads == null ? null : kernelThreads.getState(RegistryToggleState.STATE_ID);
		showKernelThreads = state != null && Boolean.TRUE.equals(state.getValue());
		refresh();
		live = new LiveRefresh(this, () -> {
			if (current == null || current.getState() == Job.NONE) {
				refresh();
			}
		});
		live.setOn(true);
	}

	@Override
	public Job refresh() {
		Job job = Job.create(Messages.ProcessesView_Job, monitor -> {
			try {
				List<ProcessRow> rows = read();
				Views.asyncExec(table.viewer().getControl(), () -> show(rows));
			} catch (IOException e) {
				Views.asyncExec(table.viewer().getControl(), () -> status.setText(e.getMessage()));
			}
		});
		job.setSystem(true);
		current = job;
		job.schedule();
		return job;
	}

	/** In the job: the provider's list, launched processes marked and first. */
	private static List<ProcessRow> read() throws IOException {
		List<ProcessInfo> processes = ProcessProvider.call(provider -> provider.processes());
		Map<Long, String> launched = ProcessProvider.launched();
		List<ProcessRow> rows = new ArrayList<>(processes.size());
		for (ProcessInfo info : processes) {
			rows.add(new ProcessRow(info, launched.getOrDefault(info.pid(), ""))); //$NON-NLS-1$
		}
		rows.sort(Comparator.comparing((ProcessRow row) -> !row.isLaunched())
				.thenComparingLong(row -> row.info().pid()));
		return rows;
	}

	void setShowKernelThreads(boolean show) {
		showKernelThreads = show;
		if (all != null) {
			show(all);
		}
	}

	private void show(List<ProcessRow> everything) {
		all = everything;
		List<ProcessRow> rows = showKernelThreads ? everything
				: everything.stream().filter(row -> !row.info().kernelThread()).toList();
		table.setRows(rows);
		long launched = rows.stream().filter(ProcessRow::isLaunched).count();
		status.setText(launches
				? NLS.bind(Messages.ProcessesView_Status, new Object[] { rows.size(), launched, Formats.now() })
				: NLS.bind(Messages.ProcessesView_StatusNoLaunches, rows.size(), Formats.now()));
	}

	public FilteredTable<ProcessRow> table() {
		return table;
	}

	public String statusText() {
		return status.getText();
	}

	LiveRefresh liveRefresh() {
		return live;
	}

	@Override
	public void setFocus() {
		table.filterText().setFocus();
	}

	@Override
	public void dispose() {
		if (live != null) {
			live.dispose();
		}
		super.dispose();
	}
}
