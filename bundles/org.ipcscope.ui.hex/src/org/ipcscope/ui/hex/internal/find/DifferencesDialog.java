package org.ipcscope.ui.hex.internal.find;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.ipcscope.ui.hex.internal.HexEditor;
import org.ipcscope.ui.hex.internal.Messages;

/**
 * The differences between the baseline and a snapshot taken now, as a list; selecting one
 * selects its bytes in the editor. Modeless, so that the user can go through them.
 */
public final class DifferencesDialog extends Dialog {

	private final Difference.Listing listing;
	private final HexEditor editor;
	private TableViewer viewer;

	public DifferencesDialog(Shell parent, Difference.Listing listing, HexEditor editor) {
		super(parent);
		this.listing = listing;
		this.editor = editor;
		setShellStyle(SWT.DIALOG_TRIM | SWT.RESIZE | SWT.MODELESS);
		setBlockOnOpen(false);
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(NLS.bind(Messages.Differences_Title, editor.name()));
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		Label summary = new Label(area, SWT.WRAP);
		int count = listing.differences().size();
		summary.setText(count == 0 ? Messages.Differences_None
				: NLS.bind(listing.truncated() ? Messages.Differences_Truncated : Messages.Differences_Count, count,
						listing.differences().stream().mapToLong(Difference::length).sum()));
		GridDataFactory.fillDefaults().grab(true, false).applyTo(summary);
		viewer = new TableViewer(area, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
		viewer.getTable().setHeaderVisible(true);
		viewer.getTable().setLinesVisible(true);
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		column(Messages.Differences_Offset, 110, d -> HexEditor.formatOffset(d.offset()));
		column(Messages.Differences_Length, 70, d -> Long.toString(d.length()));
		column(Messages.Differences_Before, 260, Difference::before);
		column(Messages.Differences_After, 260, Difference::after);
		viewer.setInput(listing.differences());
		viewer.addSelectionChangedListener(e -> {
			if (((IStructuredSelection) e.getSelection()).getFirstElement() instanceof Difference d) {
				editor.select(d.offset(), d.length());
			}
		});
		GridDataFactory.fillDefaults().grab(true, true).hint(720, 300).applyTo(viewer.getControl());
		return area;
	}

	private interface Cell {
		String text(Difference difference);
	}

	private void column(String name, int width, Cell cell) {
		TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
		column.getColumn().setText(name);
		column.getColumn().setWidth(width);
		column.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return cell.text((Difference) element);
			}
		});
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, true);
	}

	@Override
	protected void buttonPressed(int buttonId) {
		close();
	}

	/** @return the table, for tests */
	public TableViewer viewer() {
		return viewer;
	}
}
