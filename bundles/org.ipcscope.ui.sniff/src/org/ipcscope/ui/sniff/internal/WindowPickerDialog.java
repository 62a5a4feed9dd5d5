package org.ipcscope.ui.sniff.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.ipcscope.core.sniff.CaptureJsonLines;
import org.ipcscope.core.sniff.WindowInfo;

/**
 * Lists the windows a sniffer can target (top-level and message-only) with a filter by title,
 * class or anything; a window is picked by selecting it, or by pointing at it after a short
 * countdown ("Window Under Cursor"). Listing and asking run in jobs.
 */
final class WindowPickerDialog extends Dialog {

	private static final int COUNTDOWN_SECONDS = 3;

	private TableViewer viewer;
	private Text filterText;
	private Combo field;
	private Button messageOnly;
	private Label status;
	private Button underCursor;
	private List<WindowInfo> windows = List.of();
	private WindowInfo picked;

	WindowPickerDialog(Shell parent) {
		super(parent);
	}

	@Override
	protected boolean isResizable() {
		return true;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(Messages.Picker_Title);
		shell.setSize(900, 520);
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		Composite top = new Composite(area, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(top);
		GridLayoutFactory.fillDefaults().numColumns(4).applyTo(top);
		new Label(top, SWT.NONE).setText(Messages.Picker_Filter);
		filterText = new Text(top, SWT.SEARCH | SWT.ICON_CANCEL);
		filterText.setMessage(Messages.Picker_FilterHint);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(filterText);
		field = new Combo(top, SWT.READ_ONLY);
		field.setItems(Messages.Picker_MatchAny, Messages.Picker_MatchTitle, Messages.Picker_MatchClass);
		field.select(0);
		messageOnly = new Button(top, SWT.CHECK);
		messageOnly.setText(Messages.Picker_MessageOnly);
		messageOnly.setSelection(true);

		Composite holder = new Composite(area, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, true).hint(860, 340).applyTo(holder);
		TableColumnLayout layout = new TableColumnLayout();
		holder.setLayout(layout);
		viewer = new TableViewer(holder, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
		viewer.getTable().setHeaderVisible(true);
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		column(layout, Messages.Picker_ColumnHandle, 10, w -> CaptureJsonLines.hex(w.hwnd()));
		column(layout, Messages.Picker_ColumnClass, 20, WindowInfo::className);
		column(layout, Messages.Picker_ColumnTitle, 30, WindowInfo::title);
		column(layout, Messages.Picker_ColumnPid, 7, w -> Long.toString(w.pid()));
		column(layout, Messages.Picker_ColumnThread, 7, w -> Long.toString(w.threadId()));
		column(layout, Messages.Picker_ColumnProcess, 15, WindowInfo::processName);
		column(layout, Messages.Picker_ColumnKind, 10,
				w -> w.messageOnly() ? Messages.Picker_MessageOnlyKind : Messages.Picker_TopLevel);
		viewer.addFilter(new ViewerFilter() {
			@Override
			public boolean select(org.eclipse.jface.viewers.Viewer v, Object parentElement, Object element) {
				return windowFilter().test((WindowInfo) element);
			}
		});
		viewer.addSelectionChangedListener(e -> updateOk());
		viewer.addDoubleClickListener(e -> {
			if (selected() != null) {
				okPressed();
			}
		});
		filterText.addModifyListener(e -> refilter());
		field.addListener(SWT.Selection, e -> refilter());
		messageOnly.addListener(SWT.Selection, e -> refilter());

		Composite bottom = new Composite(area, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(bottom);
		GridLayoutFactory.fillDefaults().numColumns(3).applyTo(bottom);
		Button refresh = new Button(bottom, SWT.PUSH);
		refresh.setText(Messages.Picker_Refresh);
		refresh.addListener(SWT.Selection, e -> load());
		underCursor = new Button(bottom, SWT.PUSH);
		underCursor.setText(Messages.Picker_UnderCursor);
		underCursor.addListener(SWT.Selection, e -> countdown(COUNTDOWN_SECONDS));
		status = new Label(bottom, SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, false).hint(500, SWT.DEFAULT).applyTo(status);
		load();
		return area;
	}

	private void column(TableColumnLayout layout, String title, int weight,
			java.util.function.Function<WindowInfo, String> text) {
		TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
		column.getColumn().setText(title);
		column.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply((WindowInfo) element);
			}
		});
		layout.setColumnData(column.getColumn(), new ColumnWeightData(weight, 40));
	}

	@Override
	protected Control createButtonBar(Composite parent) {
		Control bar = super.createButtonBar(parent);
		updateOk();
		return bar;
	}

	private WindowFilter windowFilter() {
		WindowFilter.Field f = switch (field.getSelectionIndex()) {
		case 1 -> WindowFilter.Field.TITLE;
		case 2 -> WindowFilter.Field.CLASS;
		default -> WindowFilter.Field.ANY;
		};
		return new WindowFilter(filterText.getText(), f, messageOnly.getSelection());
	}

	private void refilter() {
		viewer.refresh();
		showCount();
		updateOk();
	}

	private void showCount() {
		status.setText(NLS.bind(Messages.Picker_Count, windows.size(), viewer.getTable().getItemCount()));
	}

	private WindowInfo selected() {
		return (WindowInfo) ((IStructuredSelection) viewer.getSelection()).getFirstElement();
	}

	private void updateOk() {
		Button ok = getButton(IDialogConstants.OK_ID);
		if (ok != null) {
			ok.setEnabled(viewer != null && selected() != null);
		}
	}

	private void load() {
		status.setText(Messages.Picker_Loading);
		Display display = getShell().getDisplay();
		Job job = Job.create(Messages.Job_Windows, monitor -> {
			try {
				List<WindowInfo> found = SnifferAccess.call(s -> s.windows()).stream()
						.sorted(Comparator.comparing(WindowInfo::messageOnly)
								.thenComparing(w -> w.processName().toLowerCase())
								.thenComparing(w -> w.title().toLowerCase()))
						.toList();
				display.asyncExec(() -> show(found, null));
			} catch (Exception e) {
				display.asyncExec(() -> show(null, e.getMessage()));
			}
			return Status.OK_STATUS;
		});
		job.setSystem(true);
		job.schedule();
	}

	private void show(List<WindowInfo> found, String failure) {
		if (viewer.getControl().isDisposed()) {
			return;
		}
		if (failure != null) {
			status.setText(NLS.bind(Messages.Picker_Failed, failure));
			getShell().layout(true, true);
			return;
		}
		windows = found;
		viewer.setInput(windows);
		showCount();
	}

	/** Counts down so the user can move the mouse over the window, then asks which it is. */
	private void countdown(int seconds) {
		if (status.isDisposed()) {
			return;
		}
		if (seconds > 0) {
			underCursor.setEnabled(false);
			status.setText(NLS.bind(Messages.Picker_Countdown, seconds));
			getShell().getDisplay().timerExec(1000, () -> countdown(seconds - 1));
			return;
		}
		Display display = getShell().getDisplay();
		Job job = Job.create(Messages.Job_UnderCursor, monitor -> {
			Optional<WindowInfo> window;
			String failure = null;
			try {
				window = SnifferAccess.call(s -> s.windowUnderCursor());
			} catch (Exception e) {
				window = Optional.empty();
				failure = e.getMessage();
			}
			Optional<WindowInfo> found = window;
			String problem = failure;
			display.asyncExec(() -> pointedAt(found, problem));
			return Status.OK_STATUS;
		});
		job.setSystem(true);
		job.schedule();
	}

	private void pointedAt(Optional<WindowInfo> window, String failure) {
		if (viewer.getControl().isDisposed()) {
			return;
		}
		underCursor.setEnabled(true);
		if (window.isEmpty()) {
			status.setText(failure != null ? NLS.bind(Messages.Picker_UnderCursorFailed, failure)
					: Messages.Picker_NoWindowUnderCursor);
			getShell().layout(true, true);
			return;
		}
		WindowInfo w = window.get();
		if (windows.stream().noneMatch(x -> x.hwnd() == w.hwnd())) {
			windows = java.util.stream.Stream.concat(windows.stream(), java.util.stream.Stream.of(w)).toList();
			viewer.setInput(windows);
		}
		filterText.setText(""); //$NON-NLS-1$
		WindowInfo same = windows.stream().filter(x -> x.hwnd() == w.hwnd()).findFirst().orElse(w);
		viewer.setSelection(new StructuredSelection(same), true);
		status.setText(WindowFilter.describe(w));
	}

	@Override
	protected void okPressed() {
		picked = selected();
		super.okPressed();
	}

	Label status() {
		return status;
	}

	Button underCursorButton() {
		return underCursor;
	}

	/** @return the window picked, or {@code null} after Cancel */
	WindowInfo picked() {
		return picked;
	}
}
