package org.ipcscope.ui.internal.preferences;

import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.jface.preference.PathEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.ipcscope.ui.internal.Messages;

/** Window > Preferences > IPC Scope: where to look for FIFOs that nobody holds open. */
public class InventoryPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

	public InventoryPreferencePage() {
		super(GRID);
		setDescription(Messages.InventoryPreferencePage_Description);
	}

	@Override
	public void init(IWorkbench workbench) {
		setPreferenceStore(InventoryPreferences.store());
	}

	@Override
	protected void createFieldEditors() {
		addField(new PathEditor(InventoryPreferences.FIFO_DIRECTORIES, Messages.InventoryPreferencePage_FifoDirectories,
				Messages.InventoryPreferencePage_ChooseDirectory, getFieldEditorParent()));
		IntegerFieldEditor interval = new IntegerFieldEditor(InventoryPreferences.REFRESH_MILLIS,
				Messages.InventoryPreferencePage_RefreshMillis, getFieldEditorParent());
		interval.setValidRange(InventoryPreferences.MIN_REFRESH_MILLIS, InventoryPreferences.MAX_REFRESH_MILLIS);
		addField(interval);
	}
}
