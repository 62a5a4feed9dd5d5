package org.ipcscope.ui.hex.internal.struct;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.graphics.Color;
import org.ipcscope.core.struct.Field;
import org.ipcscope.core.struct.FieldHistory;
import org.ipcscope.core.struct.FieldValue;
import org.ipcscope.ui.hex.internal.HexColors;
import org.ipcscope.ui.hex.internal.HexEditor;
import org.ipcscope.ui.hex.internal.Messages;
import org.ipcscope.ui.hex.internal.struct.AttachedStruct.Node;

/**
 * The Structure pane's columns: what each shows of a field, the change mark (a background that
 * fades over the editor's history depth, as the hex view's marks do) and the history tooltip.
 */
enum StructColumns {
	NAME(Messages.Structure_Name, 22), TYPE(Messages.Structure_Type, 14), OFFSET(Messages.Structure_Offset, 9),
	SIZE(Messages.Structure_Size, 6), VALUE(Messages.Structure_Value, 24), RAW(Messages.Structure_Raw, 16),
	CHANGES(Messages.Structure_Changes, 9);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS"); //$NON-NLS-1$

	final String title;
	final int weight;

	StructColumns(String title, int weight) {
		this.title = title;
		this.weight = weight;
	}

	/** @return the cell's text for a row */
	String text(Node node) {
		Field field = node.field();
		FieldValue value = node.overlay().value(field);
		return switch (this) {
		case NAME -> node.field() == node.overlay().overlay().root() ? node.overlay().choice().label()
				: field.isBitfield() ? NLS.bind(Messages.Structure_Bits,
						new Object[] { field.name(), field.bitOffset(), field.bitOffset() + field.bitWidth() - 1 })
						: field.name();
		case TYPE -> field.typeName();
		case OFFSET -> HexEditor.formatOffset(node.start());
		case SIZE -> field.isBitfield() ? NLS.bind(Messages.Structure_BitCount, field.bitWidth())
				: Long.toString(field.size());
		case VALUE -> value == null ? "" : value.text(); //$NON-NLS-1$
		case RAW -> value == null ? "" : value.rawHex(); //$NON-NLS-1$
		case CHANGES -> changes(node);
		};
	}

	private static String changes(Node node) {
		if (!node.field().isLeaf()) {
			return ""; //$NON-NLS-1$
		}
		int count = node.overlay().changes(node.field());
		return count == 0 ? "" : Integer.toString(count); //$NON-NLS-1$
	}

	/** @return the field's last values with their times, newest first, or null when it has none */
	static String history(Node node) {
		List<FieldHistory.Entry> entries = node.overlay().history(node.field());
		if (!node.field().isLeaf() || entries.isEmpty()) {
			return null;
		}
		StringBuilder text = new StringBuilder(NLS.bind(Messages.Structure_HistoryTitle, node.field().path()));
		for (int i = entries.size() - 1; i >= 0; i--) {
			FieldHistory.Entry entry = entries.get(i);
			text.append('\n').append(TIME.format(LocalTime.ofInstant(entry.time(), ZoneId.systemDefault())))
					.append("  ").append(entry.text()); //$NON-NLS-1$
		}
		return text.toString();
	}

	/** The label provider of a column: its text, the change mark and the history tooltip. */
	ColumnLabelProvider labels(HexColors colors, int[] depth) {
		StructColumns column = this;
		return new ColumnLabelProvider() {
			@Override
			public String getText(Object element) {
				return column.text((Node) element);
			}

			@Override
			public Color getBackground(Object element) {
				Node node = (Node) element;
				long age = node.overlay().age(node.field());
				return age < 0 || age >= depth[0] ? null : colors.change((int) age, depth[0]);
			}

			@Override
			public String getToolTipText(Object element) {
				return history((Node) element);
			}
		};
	}
}
