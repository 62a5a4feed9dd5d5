package org.ipcscope.ui.hex.internal.struct;

import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.ipcscope.core.hex.OffsetExpression;
import org.ipcscope.core.struct.Abi;
import org.ipcscope.core.struct.HeaderProblem;
import org.ipcscope.core.struct.OverlaySpec;
import org.ipcscope.core.struct.ParsedHeader;
import org.ipcscope.ui.hex.internal.HexEditor;
import org.ipcscope.ui.hex.internal.Messages;

/**
 * Attach Struct...: a C header from a file or pasted, the defines its {@code #if}s see, the ABI, the
 * type (listed once the header is read, in a job), the offset (an expression; {@code $} is the
 * caret) and a count for {@code Type[N]}.
 */
public final class AttachStructDialog extends TitleAreaDialog {

	private final long caret;
	private final Abi defaultAbi;
	private Button fromFile;
	private Text file;
	private Text pasted;
	private Text defines;
	private Combo abi;
	private Combo type;
	private Text offset;
	private Spinner count;
	private StructChoice choice;

	public AttachStructDialog(Shell parent, long caret, Abi defaultAbi) {
		super(parent);
		this.caret = caret;
		this.defaultAbi = defaultAbi;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(Messages.Attach_Title);
	}

	@Override
	protected boolean isResizable() {
		return true;
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		setTitle(Messages.Attach_Title);
		setMessage(Messages.Attach_Message);
		Composite body = new Composite(area, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
		GridLayoutFactory.swtDefaults().numColumns(3).applyTo(body);

		fromFile = new Button(body, SWT.RADIO);
		fromFile.setText(Messages.Attach_File);
		fromFile.setSelection(true);
		file = new Text(body, SWT.BORDER);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(file);
		Button browse = new Button(body, SWT.PUSH);
		browse.setText(Messages.Attach_Browse);
		browse.addListener(SWT.Selection, e -> browse());

		Button fromText = new Button(body, SWT.RADIO);
		fromText.setText(Messages.Attach_Pasted);
		GridDataFactory.fillDefaults().span(3, 1).applyTo(fromText);
		pasted = new Text(body, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
		GridDataFactory.fillDefaults().grab(true, true).span(3, 1).hint(400, 120).applyTo(pasted);
		pasted.addListener(SWT.Modify, e -> {
			fromFile.setSelection(false);
			fromText.setSelection(true);
		});

		defines = labelled(body, Messages.Attach_Defines);
		defines.setMessage(Messages.Attach_DefinesHint);
		new Label(body, SWT.NONE).setText(Messages.Attach_Abi);
		abi = new Combo(body, SWT.READ_ONLY);
		for (Abi one : Abi.values()) {
			abi.add(one.id());
		}
		abi.select(defaultAbi.ordinal());
		GridDataFactory.fillDefaults().span(2, 1).applyTo(abi);

		new Label(body, SWT.NONE).setText(Messages.Attach_Type);
		type = new Combo(body, SWT.DROP_DOWN);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(type);
		Button read = new Button(body, SWT.PUSH);
		read.setText(Messages.Attach_Read);
		read.addListener(SWT.Selection, e -> readTypes());

		offset = labelled(body, Messages.Attach_Offset);
		offset.setText(HexEditor.formatOffset(caret));
		new Label(body, SWT.NONE).setText(Messages.Attach_Count);
		count = new Spinner(body, SWT.BORDER);
		count.setValues(1, 1, OverlaySpec.MAX_COUNT, 0, 1, 16);
		return area;
	}

	private static Text labelled(Composite body, String label) {
		new Label(body, SWT.NONE).setText(label);
		Text text = new Text(body, SWT.BORDER);
		GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(text);
		return text;
	}

	private void browse() {
		FileDialog dialog = new FileDialog(getShell(), SWT.OPEN);
		dialog.setFilterExtensions(new String[] { "*.h;*.hpp;*.hh", "*" }); //$NON-NLS-1$ //$NON-NLS-2$
		String chosen = dialog.open();
		if (chosen != null) {
			file.setText(chosen);
			fromFile.setSelection(true);
			readTypes();
		}
	}

	/** @return the header and its options as entered, or null with the problem shown */
	private StructChoice entered(String typeName, long at, int elements) {
		try {
			Map<String, String> defined = StructChoice.parseDefines(defines.getText());
			Abi chosen = Abi.fromId(abi.getText());
			if (fromFile.getSelection()) {
				if (file.getText().isBlank()) {
					throw new IllegalArgumentException(Messages.Attach_NoHeader);
				}
				return new StructChoice(file.getText().strip(), null, defined, chosen, typeName, at, elements);
			}
			if (pasted.getText().isBlank()) {
				throw new IllegalArgumentException(Messages.Attach_NoHeader);
			}
			return new StructChoice(null, pasted.getText(), defined, chosen, typeName, at, elements);
		} catch (IllegalArgumentException e) {
			setErrorMessage(e.getMessage());
			return null;
		}
	}

	/** Reads the header in a job and lists its types. */
	private void readTypes() {
		StructChoice header = entered("", 0, 1); //$NON-NLS-1$
		if (header == null) {
			return;
		}
		setErrorMessage(null);
		setMessage(NLS.bind(Messages.Structure_ParseJob, header.source().name()));
		Job job = Job.create(NLS.bind(Messages.Structure_ParseJob, header.source().name()), monitor -> {
			List<String> names;
			String problem = null;
			try {
				names = ParsedHeader.parse(header.source(), header.options()).typeNames();
			} catch (HeaderProblem e) {
				names = List.of();
				problem = e.getMessage();
			}
			List<String> found = names;
			String failed = problem;
			if (!type.isDisposed()) {
				type.getDisplay().asyncExec(() -> typesRead(found, failed));
			}
		});
		job.schedule();
	}

	private void typesRead(List<String> names, String problem) {
		if (type.isDisposed()) {
			return;
		}
		if (problem != null) {
			setErrorMessage(problem);
			return;
		}
		String typed = type.getText();
		type.setItems(names.toArray(String[]::new));
		if (!typed.isBlank()) {
			type.setText(typed);
		} else if (!names.isEmpty()) {
			type.select(0);
		}
		setMessage(NLS.bind(Messages.Attach_TypesFound, names.size()));
	}

	@Override
	protected void buttonPressed(int buttonId) {
		if (buttonId == IDialogConstants.OK_ID) {
			String typeName = type.getText().strip();
			if (typeName.isEmpty()) {
				setErrorMessage(Messages.Attach_NoType);
				return;
			}
			long at;
			try {
				at = OffsetExpression.evaluate(offset.getText(), caret);
			} catch (IllegalArgumentException e) {
				setErrorMessage(e.getMessage());
				return;
			}
			if (at < 0) {
				setErrorMessage(Messages.Attach_NegativeOffset);
				return;
			}
			choice = entered(typeName, at, count.getSelection());
			if (choice == null) {
				return;
			}
		}
		super.buttonPressed(buttonId);
	}

	/** @return what the user chose, after OK */
	public StructChoice choice() {
		return choice;
	}
}
