package org.ipcscope.ui.internal.views;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;
import org.ipcscope.core.InventorySnapshot;
import org.ipcscope.core.IpcObject;
import org.ipcscope.ui.internal.Messages;

/**
 * Lists the IPC objects the providers find. The view never calls the OS itself: a
 * {@link InventoryRefreshJob} asks the inventory service and the result is shown here.
 */
public class IpcObjectsView extends ViewPart {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

	private TableViewer viewer;
	private volatile InventorySnapshot shown;

	@Override
	public void createPartControl(Composite parent) {
		Composite tableHolder = new Composite(parent, SWT.NONE);
		TableColumnLayout layout = new TableColumnLayout();
		tableHolder.setLayout(layout);
		viewer = new TableViewer(tableHolder, SWT.MULTI | SWT.FULL_SELECTION | SWT.H_SCROLL | SWT.V_SCROLL | SWT.BORDER);
		viewer.getTable().setHeaderVisible(true);
		viewer.getTable().setLinesVisible(true);
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		addColumn(layout, Messages.IpcObjectsView_ColumnName, 50, SWT.LEFT, IpcObject::name);
		addColumn(layout, Messages.IpcObjectsView_ColumnKind, 15, SWT.LEFT, o -> o.kind().label());
		addColumn(layout, Messages.IpcObjectsView_ColumnSize, 20, SWT.RIGHT,
				o -> o.hasSize() ? SizeFormat.format(o.size()) : Messages.IpcObjectsView_UnknownSize);
		addColumn(layout, Messages.IpcObjectsView_ColumnNamespace, 15, SWT.LEFT, IpcObject::namespace);
		getSite().setSelectionProvider(viewer);
		refresh();
	}

	private void addColumn(TableColumnLayout layout, String title, int weight, int alignment,
			Function<IpcObject, String> text) {
		TableViewerColumn column = new TableViewerColumn(viewer, alignment);
		column.getColumn().setText(title);
		column.setLabelProvider(new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return text.apply((IpcObject) element);
			}

			@Override
			public String getToolTipText(Object element) {
				return ((IpcObject) element).problem();
			}
		});
		layout.setColumnData(column.getColumn(), new ColumnWeightData(weight, 60));
	}

	/** Lists the objects again, in the background. */
	public void refresh() {
		setContentDescription(Messages.IpcObjectsView_Refreshing);
		new InventoryRefreshJob(snapshot -> viewer.getControl().getDisplay().asyncExec(() -> show(snapshot)))
				.schedule();
	}

	private void show(InventorySnapshot snapshot) {
		if (viewer.getControl().isDisposed()) {
			return;
		}
		if (snapshot == null) {
			setContentDescription(Messages.IpcObjectsView_NoService);
			viewer.setInput(List.of());
			return;
		}
		shown = snapshot;
		viewer.setInput(snapshot.objects());
		String time = TIME.format(LocalTime.ofInstant(snapshot.taken(), ZoneId.systemDefault()));
		setContentDescription(snapshot.problems().isEmpty()
				? NLS.bind(Messages.IpcObjectsView_Summary, snapshot.objects().size(), time)
				: NLS.bind(Messages.IpcObjectsView_SummaryWithProblems,
						new Object[] { snapshot.objects().size(), time, String.join("; ", snapshot.problems()) }));
	}

	/** @return the snapshot on screen, or {@code null} before the first one arrived */
	public InventorySnapshot shownSnapshot() {
		return shown;
	}

	/** @return the viewer, for tests that read what the table shows */
	public TableViewer viewer() {
		return viewer;
	}

	/** Family of the background refresh jobs, to wait for them. */
	public static Object refreshJobFamily() {
		return InventoryRefreshJob.FAMILY;
	}

	@Override
	public void setFocus() {
		viewer.getControl().setFocus();
	}
}
