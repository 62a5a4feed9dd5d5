package org.ipcscope.ui.hex.internal.preferences;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.ComboFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;
import org.ipcscope.ui.hex.internal.HexSettings;
import org.ipcscope.ui.hex.internal.Messages;

/** Window > Preferences > IPC Scope > Hex Editor: change history depth, refresh interval, row width. */
public class HexPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

	public HexPreferencePage() {
		super(GRID);
		setPreferenceStore(new ScopedPreferenceStore(InstanceScope.INSTANCE, HexPreferences.QUALIFIER));
		setDescription(Messages.Preferences_Description);
	}

	@Override
	public void init(IWorkbench workbench) {
		// the store is set in the constructor
	}

	@Override
	protected void createFieldEditors() {
		IntegerFieldEditor depth = new IntegerFieldEditor(HexPreferences.HISTORY_DEPTH, Messages.Preferences_HistoryDepth,
				getFieldEditorParent());
		depth.setValidRange(1, 100);
		addField(depth);
		IntegerFieldEditor interval = new IntegerFieldEditor(HexPreferences.INTERVAL, Messages.Preferences_Interval,
				getFieldEditorParent());
		interval.setValidRange(50, 600_000);
		addField(interval);
		addField(new ComboFieldEditor(HexPreferences.BYTES_PER_ROW, Messages.Preferences_BytesPerRow,
				new String[][] { { "8", "8" }, { "16", "16" }, { "32", "32" }, //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$ //$NON-NLS-4$ //$NON-NLS-5$ //$NON-NLS-6$
						{ Messages.Preferences_AutoFit, Integer.toString(HexSettings.AUTO_FIT) } },
				getFieldEditorParent()));
	}
}
