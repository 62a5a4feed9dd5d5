package org.ipcscope.ui.hex.internal;

import java.util.List;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/** Asks for a shared-memory object by name and namespace. */
public final class OpenSharedMemoryDialog extends TitleAreaDialog {

	private static String lastName = ""; //$NON-NLS-1$
	private static String lastNamespace;

	private final List<String> namespaces;
	private Text nameText;
	private Combo namespaceCombo;
	private String name;
	private String namespace;

	/** @param namespaces those the installed providers open by name */
	public OpenSharedMemoryDialog(Shell parent, List<String> namespaces) {
		super(parent);
		this.namespaces = namespaces;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(Messages.OpenDialog_Title);
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		setTitle(Messages.OpenDialog_Title);
		setMessage(Messages.OpenDialog_Message);
		Composite fields = new Composite(area, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(2).applyTo(fields);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(fields);
		new Label(fields, SWT.NONE).setText(Messages.OpenDialog_Name);
		nameText = new Text(fields, SWT.BORDER | SWT.SINGLE);
		nameText.setText(lastName);
		nameText.selectAll();
		nameText.setMessage(Messages.OpenDialog_NameHint);
		GridDataFactory.fillDefaults().grab(true, false).hint(320, SWT.DEFAULT).applyTo(nameText);
		new Label(fields, SWT.NONE).setText(Messages.OpenDialog_Namespace);
		namespaceCombo = new Combo(fields, SWT.READ_ONLY);
		namespaceCombo.add(Messages.OpenDialog_AnyNamespace);
		namespaces.forEach(namespaceCombo::add);
		int last = lastNamespace == null ? -1 : namespaces.indexOf(lastNamespace);
		namespaceCombo.select(last + 1);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(namespaceCombo);
		nameText.addModifyListener(e -> validate());
		return area;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		super.createButtonsForButtonBar(parent);
		getButton(IDialogConstants.OK_ID).setText(Messages.OpenDialog_Open);
		validate();
	}

	private void validate() {
		boolean ok = !nameText.getText().isBlank();
		setErrorMessage(null);
		if (getButton(IDialogConstants.OK_ID) != null) {
			getButton(IDialogConstants.OK_ID).setEnabled(ok);
		}
	}

	@Override
	protected void okPressed() {
		name = nameText.getText().trim();
		int index = namespaceCombo.getSelectionIndex();
		namespace = index <= 0 ? null : namespaces.get(index - 1);
		lastName = name;
		lastNamespace = namespace;
		super.okPressed();
	}

	public String name() {
		return name;
	}

	/** @return the namespace chosen, or {@code null} for any */
	public String namespace() {
		return namespace;
	}
}
