package org.ipcscope.ui.traffic.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CheckboxTableViewer;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.ipcscope.core.Owner;

/**
 * Asks before a capture starts: which of the processes holding an object (all ticked at
 * first) to capture, and says what capture changes in each. Nothing is captured, attached or
 * loaded until the user presses Start Capture. Capture I/O shows its one process and offers a
 * filter to one object.
 *
 * A plain Dialog, not a TitleAreaDialog: its banner images are SVGs, and rasterising them loads
 * AWT, whose toolkit thread takes GLib's main context from SWT (seen on Linux: the workbench's
 * timers stop, and with them the Traffic view's feed).
 */
final class CaptureDialog extends Dialog {

	private final String title;
	private final String message;
	private final List<Owner> holders;
	private final String change;
	private final boolean objectFilter;
	private CheckboxTableViewer table;
	private Text object;
	private Label problem;
	private Set<Long> pids = Set.of();
	private String objectName;

	/**
	 * @param holders      the processes to offer, with the descriptor or handle each holds
	 * @param change       the capturer's {@code change()}
	 * @param objectFilter whether to offer a filter to one object (Capture I/O)
	 */
	CaptureDialog(Shell parent, String title, String message, List<Owner> holders, String change, boolean objectFilter) {
		super(parent);
		this.title = title;
		this.message = message;
		this.holders = List.copyOf(holders);
		this.change = change;
		this.objectFilter = objectFilter;
		setShellStyle(getShellStyle() | SWT.RESIZE);
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(title);
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		Composite body = new Composite(area, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
		GridLayoutFactory.fillDefaults().applyTo(body);
		Label intro = new Label(body, SWT.WRAP);
		intro.setText(message);
		GridDataFactory.fillDefaults().grab(true, false).hint(500, SWT.DEFAULT).applyTo(intro);
		new Label(body, SWT.NONE).setText(Messages.Dialog_Holders);
		table = CheckboxTableViewer.newCheckList(body, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
		table.getTable().setHeaderVisible(true);
		table.getTable().setLinesVisible(true);
		column(Messages.Dialog_Pid, 90, o -> Long.toString(o.pid()));
		column(Messages.Dialog_Process, 220, o -> o.process() == null ? "" : TrafficColumn.shown(o.process())); //$NON-NLS-1$
		column(Messages.Dialog_Handle, 160, o -> o.handle() == null ? "" : TrafficColumn.shown(o.handle())); //$NON-NLS-1$
		table.setContentProvider(ArrayContentProvider.getInstance());
		table.setInput(holders);
		table.setAllChecked(true);
		table.addCheckStateListener(e -> updateButtons());
		GridDataFactory.fillDefaults().grab(true, true).hint(500, 120).applyTo(table.getControl());
		new Label(body, SWT.NONE).setText(Messages.Dialog_Change);
		Text changeText = new Text(body, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.BORDER | SWT.V_SCROLL);
		changeText.setText(change == null ? "" : change); //$NON-NLS-1$
		GridDataFactory.fillDefaults().grab(true, false).hint(500, 90).applyTo(changeText);
		if (objectFilter) {
			new Label(body, SWT.NONE).setText(Messages.Dialog_ObjectFilter);
			object = new Text(body, SWT.BORDER);
			GridDataFactory.fillDefaults().grab(true, false).applyTo(object);
		}
		problem = new Label(body, SWT.WRAP);
		problem.setForeground(body.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
		GridDataFactory.fillDefaults().grab(true, false).applyTo(problem);
		return area;
	}

	private void column(String header, int width, java.util.function.Function<Owner, String> text) {
		TableViewerColumn column = new TableViewerColumn(table, SWT.LEFT);
		column.getColumn().setText(header);
		column.getColumn().setWidth(width);
		column.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply((Owner) element);
			}
		});
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.OK_ID, Messages.Dialog_Start, false);
		createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, true);
		updateButtons();
	}

	private void updateButtons() {
		Button start = getButton(IDialogConstants.OK_ID);
		boolean any = table.getCheckedElements().length > 0;
		if (start != null) {
			start.setEnabled(any);
		}
		problem.setText(any ? "" : Messages.Dialog_NoneTicked); //$NON-NLS-1$
	}

	@Override
	protected void okPressed() {
		Set<Long> ticked = new LinkedHashSet<>();
		for (Object element : table.getCheckedElements()) {
			ticked.add(((Owner) element).pid());
		}
		pids = Set.copyOf(ticked);
		objectName = object == null || object.getText().isBlank() ? null : object.getText().strip();
		super.okPressed();
	}

	/** @return the processes ticked when Start Capture was pressed */
	Set<Long> pids() {
		return pids;
	}

	/** @return the object Capture I/O is narrowed to, or null */
	String objectName() {
		return objectName;
	}

	/** Presses Start Capture, as a test's user would. */
	void pressStart() {
		buttonPressed(IDialogConstants.OK_ID);
	}

	/** Presses Cancel, as a test's user would. */
	void pressCancel() {
		buttonPressed(IDialogConstants.CANCEL_ID);
	}

	boolean startEnabled() {
		Button start = getButton(IDialogConstants.OK_ID);
		return start != null && start.isEnabled();
	}

	CheckboxTableViewer holdersTable() {
		return table;
	}

	Text objectField() {
		return object;
	}
}
