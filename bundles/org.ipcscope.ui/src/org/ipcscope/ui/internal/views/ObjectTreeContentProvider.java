package org.ipcscope.ui.internal.views;

import java.util.List;

import org.eclipse.jface.viewers.ITreeContentProvider;

/** Input: the list of {@link RowGroup}s; their rows are the leaves. */
final class ObjectTreeContentProvider implements ITreeContentProvider {

	@Override
	public Object[] getElements(Object input) {
		return ((List<?>) input).toArray();
	}

	@Override
	public Object[] getChildren(Object parent) {
		return parent instanceof RowGroup group ? group.rows().toArray() : new Object[0];
	}

	@Override
	public Object getParent(Object element) {
		return null;
	}

	@Override
	public boolean hasChildren(Object element) {
		return element instanceof RowGroup group && !group.rows().isEmpty();
	}
}
