package org.ipcscope.ui.hex.internal.struct;

import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.EditingSupport;
import org.eclipse.jface.viewers.TextCellEditor;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.osgi.util.NLS;
import org.ipcscope.core.struct.FieldCodec;
import org.ipcscope.core.struct.FieldValue;
import org.ipcscope.ui.hex.internal.Messages;
import org.ipcscope.ui.hex.internal.struct.AttachedStruct.Node;

/**
 * Typing a field's value in the Structure pane: only while the editor allows writing, and only for
 * fields with a value of their own. The value is encoded as the field's type says (a bitfield keeps
 * the bits around it) and written through the editor, so that Undo takes it back.
 */
final class StructValueEditing extends EditingSupport {

	private final StructurePane pane;
	private final TextCellEditor cellEditor;

	StructValueEditing(TreeViewer viewer, StructurePane pane) {
		super(viewer);
		this.pane = pane;
		this.cellEditor = new TextCellEditor(viewer.getTree());
	}

	@Override
	protected boolean canEdit(Object element) {
		return pane.editor().isWritingEnabled() && ((Node) element).field().isLeaf()
				&& ((Node) element).overlay().value(((Node) element).field()) != null;
	}

	@Override
	protected CellEditor getCellEditor(Object element) {
		return cellEditor;
	}

	@Override
	protected Object getValue(Object element) {
		Node node = (Node) element;
		FieldValue value = node.overlay().value(node.field());
		return value == null ? "" : value.text(); //$NON-NLS-1$
	}

	@Override
	protected void setValue(Object element, Object typed) {
		Node node = (Node) element;
		String text = String.valueOf(typed);
		if (text.equals(getValue(element))) {
			return;
		}
		pane.writeValue(node, text);
	}

	/** @return the bytes to write for the text, or throws with a message for the user */
	static byte[] encode(Node node, String text) {
		try {
			return FieldCodec.encode(node.field(), text, StructurePane.currentBytes(node));
		} catch (IllegalArgumentException e) {
			throw new IllegalArgumentException(NLS.bind(Messages.Structure_BadValue, node.field().path(), e.getMessage()));
		}
	}
}
