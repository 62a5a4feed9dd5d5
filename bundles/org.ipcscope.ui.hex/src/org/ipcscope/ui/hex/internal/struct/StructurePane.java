package org.ipcscope.ui.hex.internal.struct;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.TreeColumnLayout;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreePath;
import org.eclipse.jface.viewers.TreeSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.ipcscope.core.memory.MemoryRead;
import org.ipcscope.core.memory.SourceGoneException;
import org.ipcscope.core.struct.Abi;
import org.ipcscope.core.struct.Field;
import org.ipcscope.core.struct.HeaderProblem;
import org.ipcscope.core.struct.ParsedHeader;
import org.ipcscope.core.struct.StructOverlay;
import org.ipcscope.ui.hex.internal.HexColors;
import org.ipcscope.ui.hex.internal.HexEditor;
import org.ipcscope.ui.hex.internal.Messages;
import org.ipcscope.ui.hex.internal.preferences.HexPreferences;
import org.ipcscope.ui.hex.internal.struct.AttachedStruct.Node;

/**
 * The hex editor's Structure pane: C structs from headers laid over the editor's memory, their
 * fields' values read again with each refresh of the editor, changed fields marked with their last
 * values. Selecting a field selects its bytes in the hex view, and moving the caret selects the
 * field under it. Headers are parsed and values read in jobs; the UI thread only shows them.
 */
public final class StructurePane {

	static final String CONTEXT_MENU_ID = "org.ipcscope.ui.hex.structure.context"; //$NON-NLS-1$
	/** Larger overlays would be read whole on every refresh. */
	static final long MAX_OVERLAY_BYTES = 16 << 20;

	private final HexEditor editor;
	private final Composite control;
	private final Label title;
	private final TreeViewer viewer;
	private final int[] depth = { HexPreferences.historyDepth() };
	private final List<AttachedStruct> overlays = new ArrayList<>();
	private final AtomicBoolean reading = new AtomicBoolean();
	private final AtomicBoolean readAgain = new AtomicBoolean();
	/** Set while the pane moves the editor's selection, so that the caret's move does not come back. */
	private boolean selecting;

	public StructurePane(Composite parent, HexEditor editor) {
		this.editor = editor;
		control = new Composite(parent, SWT.NONE);
		control.setLayout(new GridLayout(1, false));
		title = new Label(control, SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, false).hint(100, SWT.DEFAULT).applyTo(title);
		title.setText(Messages.Structure_Empty);
		Composite treeHolder = new Composite(control, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(treeHolder);
		TreeColumnLayout layout = new TreeColumnLayout();
		treeHolder.setLayout(layout);
		viewer = new TreeViewer(treeHolder, SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL | SWT.SINGLE);
		viewer.getTree().setHeaderVisible(true);
		viewer.getTree().setLinesVisible(true);
		viewer.setUseHashlookup(true);
		viewer.setContentProvider(new Content());
		HexColors colors = new HexColors(control.getDisplay(),
				new LocalResourceManager(JFaceResources.getResources(), control));
		for (StructColumns column : StructColumns.values()) {
			TreeViewerColumn c = new TreeViewerColumn(viewer, SWT.LEFT);
			c.getColumn().setText(column.title);
			c.setLabelProvider(column.labels(colors, depth));
			if (column == StructColumns.VALUE) {
				c.setEditingSupport(new StructValueEditing(viewer, this));
			}
			layout.setColumnData(c.getColumn(), new ColumnWeightData(column.weight, 40));
		}
		ColumnViewerToolTipSupport.enableFor(viewer);
		viewer.setInput(overlays);
		viewer.addSelectionChangedListener(e -> fieldSelected());
		MenuManager menu = new MenuManager("#StructureContext", CONTEXT_MENU_ID); //$NON-NLS-1$
		viewer.getTree().setMenu(menu.createContextMenu(viewer.getTree()));
		editor.getSite().registerContextMenu(CONTEXT_MENU_ID, menu, viewer);
	}

	Composite control() {
		return control;
	}

	HexEditor editor() {
		return editor;
	}

	TreeViewer viewer() {
		return viewer;
	}

	/** @return the ABI a struct in this memory is laid out by unless the user says otherwise */
	public static Abi defaultAbi() {
		return System.getProperty("os.name", "").startsWith("Windows") ? Abi.MSVC64 : Abi.SYSV64; //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
	}

	// ---- attaching

	/** Brings back the overlays remembered for this object. */
	public void restore() {
		for (StructChoice choice : RememberedStructs.load(editor.name())) {
			attach(choice, false);
		}
	}

	/** Parses the header and lays the type over the memory, in a job; the choice is remembered. */
	public Job attach(StructChoice choice) {
		return attach(choice, true);
	}

	private Job attach(StructChoice choice, boolean remember) {
		Job job = Job.create(NLS.bind(Messages.Structure_ParseJob, choice.source().name()), monitor -> {
			AttachedStruct attached;
			try {
				ParsedHeader header = ParsedHeader.parse(choice.source(), choice.options());
				StructOverlay overlay = StructOverlay.of(header, choice.typeName(), choice.offset(), choice.count());
				if (overlay.size() > MAX_OVERLAY_BYTES) {
					throw new IllegalArgumentException(NLS.bind(Messages.Structure_TooLarge, overlay.size(), MAX_OVERLAY_BYTES));
				}
				attached = new AttachedStruct(choice, overlay);
			} catch (HeaderProblem | IllegalArgumentException e) {
				String text = e.getMessage();
				asyncExec(() -> title.setText(NLS.bind(Messages.Structure_Failed, choice.label(), text)));
				return;
			}
			asyncExec(() -> added(attached, remember));
		});
		job.setUser(false);
		job.schedule();
		return job;
	}

	private void added(AttachedStruct attached, boolean remember) {
		overlays.add(attached);
		if (remember) {
			rememberAll();
		}
		viewer.refresh();
		viewer.expandToLevel(attached.root(), 2);
		updateTitle();
		refresh();
	}

	/** Takes an overlay off the pane and out of what is remembered for this object. */
	public void remove(AttachedStruct overlay) {
		overlays.remove(overlay);
		rememberAll();
		viewer.refresh();
		updateTitle();
	}

	private void rememberAll() {
		RememberedStructs.save(editor.name(), overlays.stream().map(AttachedStruct::choice).toList());
	}

	private void updateTitle() {
		title.setText(overlays.isEmpty() ? Messages.Structure_Empty
				: NLS.bind(Messages.Structure_Title, overlays.size()));
		control.layout();
	}

	List<AttachedStruct> overlays() {
		return List.copyOf(overlays);
	}

	String titleText() {
		return title.getText();
	}

	// ---- values: one read job at a time, another run if the editor refreshed meanwhile

	/** Reads every overlay's bytes again in a job, as the editor has refreshed. */
	public void refresh() {
		depth[0] = HexPreferences.historyDepth();
		if (overlays.isEmpty() || control.isDisposed()) {
			return;
		}
		if (!reading.compareAndSet(false, true)) {
			readAgain.set(true);
			return;
		}
		List<AttachedStruct> now = List.copyOf(overlays);
		Job job = new Job(Messages.Structure_ReadJob) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				try {
					for (AttachedStruct overlay : now) {
						StructOverlay o = overlay.overlay();
						MemoryRead read = editor.region().read(source -> source.read(o.offset(), (int) o.size()));
						overlay.update(Instant.now(), read.bytes(), read.unreadable());
					}
				} catch (SourceGoneException e) {
					// the editor says the object is gone; the last values stay
				} catch (IOException e) {
					String text = e.getMessage();
					asyncExec(() -> title.setText(NLS.bind(Messages.Structure_ReadFailed, text)));
				} finally {
					reading.set(false);
					asyncExec(StructurePane.this::shown);
				}
				return Status.OK_STATUS;
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == editor.jobFamily();
			}
		};
		job.setSystem(true);
		job.schedule();
	}

	private void shown() {
		viewer.refresh(true);
		if (readAgain.getAndSet(false)) {
			refresh();
		}
	}

	// ---- selection both ways

	/** @return the row selected, or null */
	public Node selected() {
		Object first = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
		return first instanceof Node node ? node : null;
	}

	private void fieldSelected() {
		Node node = selected();
		if (node == null || selecting) {
			return;
		}
		selecting = true;
		try {
			editor.select(node.start(), Math.max(1, node.field().size()));
		} finally {
			selecting = false;
		}
	}

	/** Selects the innermost field holding the caret, unless the row selected already holds it. */
	public void caretMoved(long caret) {
		if (selecting || overlays.isEmpty()) {
			return;
		}
		Node current = selected();
		if (current != null && holds(current, caret)) {
			return;
		}
		List<Object> path = new ArrayList<>();
		for (AttachedStruct overlay : overlays) {
			Node node = overlay.root();
			if (holds(node, caret)) {
				innermost(node, caret, path);
				break;
			}
		}
		selecting = true;
		try {
			viewer.setSelection(path.isEmpty() ? StructuredSelection.EMPTY
					: new TreeSelection(new TreePath(path.toArray())), true);
		} finally {
			selecting = false;
		}
	}

	private static boolean holds(Node node, long offset) {
		return offset >= node.start() && offset < node.start() + Math.max(1, node.field().size());
	}

	/** Adds the node and the fields under it that hold the offset, outermost first. */
	private static void innermost(Node node, long offset, List<Object> path) {
		path.add(node);
		for (Field child : node.field().children()) {
			Node inner = new Node(node.overlay(), child);
			if (holds(inner, offset)) {
				innermost(inner, offset, path);
				return;
			}
		}
	}

	// ---- writing a field and following a pointer

	/**
	 * Writes a field's new value through the editor: its Allow Writing and its undo.
	 *
	 * @return the write, or null when the text is no value of the field (the title says why)
	 */
	Job writeValue(Node node, String text) {
		if (!editor.isWritingEnabled()) {
			title.setText(Messages.Structure_ReadOnly);
			return null;
		}
		byte[] bytes;
		try {
			bytes = StructValueEditing.encode(node, text);
		} catch (IllegalArgumentException e) {
			title.setText(e.getMessage());
			return null;
		}
		return editor.write(node.start(), bytes);
	}

	/** Shows a message for the user at the top of the pane. */
	void message(String text) {
		title.setText(text);
	}

	/** @return the field's bytes as last read, for a write that keeps a bitfield's neighbours */
	static byte[] currentBytes(Node node) {
		return node.overlay().bytes(node.field());
	}

	void asyncExec(Runnable runnable) {
		if (!control.isDisposed()) {
			control.getDisplay().asyncExec(() -> {
				if (!control.isDisposed()) {
					runnable.run();
				}
			});
		}
	}

	/** Rows of the tree: each overlay's root, then each field's children. */
	private static final class Content implements ITreeContentProvider {
		@Override
		public Object[] getElements(Object input) {
			return ((List<?>) input).stream().map(o -> ((AttachedStruct) o).root()).toArray();
		}

		@Override
		public Object[] getChildren(Object parent) {
			Node node = (Node) parent;
			return node.field().children().stream().map(f -> new Node(node.overlay(), f)).toArray();
		}

		@Override
		public Object getParent(Object element) {
			return null;
		}

		@Override
		public boolean hasChildren(Object element) {
			return !((Node) element).field().children().isEmpty();
		}
	}

}
