package org.ipcscope.ui.internal.views;

import java.util.function.Function;
import java.util.stream.Collectors;

import org.ipcscope.core.IpcObject;
import org.ipcscope.core.Owner;
import org.ipcscope.ui.internal.Messages;

/** The columns of the IPC Objects tree: title, width weight, and the text of an object. */
enum ObjectColumn {
	NAME(Messages.IpcObjectsView_ColumnName, 36, IpcObject::name),
	KIND(Messages.IpcObjectsView_ColumnKind, 11, o -> o.kind().label()),
	SIZE(Messages.IpcObjectsView_ColumnSize, 14,
			o -> o.hasSize() ? SizeFormat.format(o.size()) : ""), //$NON-NLS-1$
	NAMESPACE(Messages.IpcObjectsView_ColumnNamespace, 11, IpcObject::namespace),
	OWNERS(Messages.IpcObjectsView_ColumnOwners, 28, ObjectColumn::owners),
	/** What else the provider found (a socket's peer, permissions, state...): what JSON has besides. */
	DETAILS(Messages.IpcObjectsView_ColumnDetails, 30, ObjectColumn::details);

	final String title;
	final int weight;
	final Function<IpcObject, String> text;

	ObjectColumn(String title, int weight, Function<IpcObject, String> text) {
		this.title = title;
		this.weight = weight;
		this.text = text;
	}

	private static String details(IpcObject object) {
		return object.details().entrySet().stream().map(detail -> detail.getKey() + ": " + detail.getValue()) //$NON-NLS-1$
				.collect(Collectors.joining("; ")); //$NON-NLS-1$
	}

	private static String owners(IpcObject object) {
		if (object.owners().isEmpty()) {
			return object.problem() == null ? "" : object.problem(); //$NON-NLS-1$
		}
		return object.owners().stream().map(Owner::describeProcess).distinct().collect(Collectors.joining(", ")); //$NON-NLS-1$
	}
}
