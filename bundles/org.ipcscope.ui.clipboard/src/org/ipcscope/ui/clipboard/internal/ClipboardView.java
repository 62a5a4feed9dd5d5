package org.ipcscope.ui.clipboard.internal;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;
import org.ipcscope.core.clipboard.ClipboardContent;
import org.ipcscope.core.clipboard.ClipboardDecoders;
import org.ipcscope.core.clipboard.ClipboardFormat;
import org.ipcscope.core.clipboard.ClipboardJsonLines;
import org.ipcscope.core.clipboard.ClipboardReader;
import org.ipcscope.core.clipboard.ClipboardReader.ClipboardWatch;
import org.ipcscope.core.clipboard.ClipboardSnapshot;
import org.ipcscope.core.clipboard.ContentRequest;
import org.ipcscope.core.clipboard.DibInfo;
import org.ipcscope.core.internal.FileProblems;

/**
 * The clipboard now (owner, the window holding it open, sequence, formats) with the content of
 * the formats the user asks for, and a history of changes. Every read runs in a job.
 */
public class ClipboardView extends ViewPart {

	public static final String ID = "org.ipcscope.ui.clipboard.view"; //$NON-NLS-1$
	private static final int THUMBNAIL = 96;
	/** Reads run one after the other, so the last one asked for is the one shown. */
	private static final ISchedulingRule READS = new ISchedulingRule() {
		@Override
		public boolean contains(ISchedulingRule rule) {
			return rule == this;
		}

		@Override
		public boolean isConflicting(ISchedulingRule rule) {
			return rule == this;
		}
	};

	private Combo selections;
	private Label status;
	/** What reading does, and what the reader cannot see here (Wayland), as the reader says it. */
	private Label warning;
	private TableViewer formats;
	private Label summary;
	private Label thumbnail;
	private Text detail;
	private Label historyLabel;
	private TableViewer history;
	private Image image;
	private ClipboardSnapshot current;
	private final List<ClipboardSnapshot> recorded = new ArrayList<>();
	private volatile ClipboardWatch watch;
	private volatile boolean recording;
	/** GTK reports a programmatic select as a selection: the list is being filled, not chosen from. */
	private boolean filling;

	@Override
	public void createPartControl(Composite parent) {
		GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(parent);
		Composite top = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(3).applyTo(top);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(top);
		new Label(top, SWT.NONE).setText(Messages.View_Selection);
		selections = new Combo(top, SWT.READ_ONLY);
		selections.setItems("CLIPBOARD"); //$NON-NLS-1$
		selections.select(0);
		selections.addListener(SWT.Selection, e -> {
			if (!filling) {
				refresh();
			}
		});
		status = new Label(top, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(status);
		warning = new Label(parent, SWT.WRAP);
		warning.setText(Messages.View_Warning);
		GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(warning);

		SashForm vertical = new SashForm(parent, SWT.VERTICAL);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(vertical);
		SashForm now = new SashForm(vertical, SWT.HORIZONTAL);
		formats = Tables.formats(now);
		formats.addSelectionChangedListener(e -> showDetail());
		MenuManager menu = new MenuManager();
		formats.getTable().setMenu(menu.createContextMenu(formats.getTable()));
		getSite().registerContextMenu("org.ipcscope.ui.clipboard.formats", menu, formats); //$NON-NLS-1$
		getSite().setSelectionProvider(formats);
		Composite detailPane = new Composite(now, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(2).applyTo(detailPane);
		summary = new Label(detailPane, SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(summary);
		thumbnail = new Label(detailPane, SWT.NONE);
		detail = new Text(detailPane, SWT.MULTI | SWT.READ_ONLY | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
		detail.setFont(parent.getDisplay().getSystemFont());
		GridDataFactory.fillDefaults().span(2, 1).grab(true, true).applyTo(detail);
		now.setWeights(3, 2);

		Composite past = new Composite(vertical, SWT.NONE);
		GridLayoutFactory.fillDefaults().applyTo(past);
		historyLabel = new Label(past, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(historyLabel);
		history = Tables.history(past);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(history.getControl());
		history.setInput(recorded);
		updateHistoryLabel();
		vertical.setWeights(3, 2);
		loadSelections();
	}

	/** Asks the reader which clipboards there are (X11 has two), then reads the first. */
	private void loadSelections() {
		Job job = Job.create(Messages.Job_Read, monitor -> {
			try {
				List<String> names = ClipboardService.call(ClipboardReader::selections);
				List<String> notes = ClipboardService.call(ClipboardReader::notes);
				ui(() -> {
					warning.setText(String.join(" ", notes)); //$NON-NLS-1$
					warning.getParent().layout();
					if (!names.isEmpty()) {
						filling = true;
						selections.setItems(names.toArray(String[]::new));
						selections.select(0);
						filling = false;
					}
					refresh();
				});
			} catch (IOException e) {
				ui(() -> status.setText(e.getMessage()));
			}
		});
		job.setSystem(true);
		job.schedule();
	}

	/** Lists the clipboard again without reading any content. */
	public Job refresh() {
		return read(ContentRequest.NONE);
	}

	/** Reads the selected formats' content; an owner that delayed one renders it now. */
	public Job readSelected() {
		List<String> names = new ArrayList<>();
		for (Object o : ((IStructuredSelection) formats.getSelection()).toList()) {
			names.add(Long.toString(((ClipboardFormat) o).id()));
		}
		return names.isEmpty() ? null : read(ContentRequest.of(names, ContentRequest.DEFAULT_CAP));
	}

	private Job read(ContentRequest request) {
		String selection = selections.getText();
		Job job = Job.create(Messages.Job_Read, monitor -> {
			try {
				ClipboardSnapshot snapshot = ClipboardService.call(reader -> reader.read(selection, request));
				ui(() -> show(snapshot, request));
			} catch (IOException e) {
				ui(() -> status.setText(e.getMessage()));
			}
		});
		job.setRule(READS);
		job.schedule();
		return job;
	}

	private void show(ClipboardSnapshot snapshot, ContentRequest request) {
		List<Long> selected = ((IStructuredSelection) formats.getSelection()).toList().stream()
				.map(o -> ((ClipboardFormat) o).id()).toList();
		current = snapshot;
		status.setText(NLS.bind(Messages.View_Status, new Object[] { snapshot.selection(), Tables.owner(snapshot.owner()),
				Tables.sequence(snapshot), snapshot.openBy() == null ? "" : NLS.bind(Messages.View_HeldOpen, Tables.owner(snapshot.openBy())) }) //$NON-NLS-1$
				+ (snapshot.problem() == null ? "" : "   " + snapshot.problem())); //$NON-NLS-1$ //$NON-NLS-2$
		status.getParent().layout();
		formats.setInput(snapshot.formats());
		List<ClipboardFormat> again = snapshot.formats().stream().filter(f -> selected.contains(f.id())).toList();
		formats.setSelection(new StructuredSelection(again));
		showDetail();
	}

	private void showDetail() {
		ClipboardFormat format = (ClipboardFormat) ((IStructuredSelection) formats.getSelection()).getFirstElement();
		ClipboardContent content = format == null ? null : ClipboardDecoders.decode(format);
		summary.setText(format == null ? "" : content == null ? Tables.content(format) : content.summary()); //$NON-NLS-1$
		detail.setText(content == null ? "" : content.text()); //$NON-NLS-1$
		setThumbnail(content != null && content.kind().equals("image") && !format.truncated() ? format : null); //$NON-NLS-1$
		summary.getParent().layout();
	}

	private void setThumbnail(ClipboardFormat format) {
		if (image != null) {
			image.dispose();
			image = null;
		}
		byte[] bmp = format == null ? null : format.name().equals("image/bmp") ? format.content() : DibInfo.bmpFile(format.content()); //$NON-NLS-1$
		if (bmp != null) {
			try {
				ImageData data = new ImageLoader().load(new ByteArrayInputStream(bmp))[0];
				double scale = Math.min(1.0, (double) THUMBNAIL / Math.max(data.width, data.height));
				image = new Image(thumbnail.getDisplay(), data.scaledTo(Math.max(1, (int) (data.width * scale)),
						Math.max(1, (int) (data.height * scale))));
			} catch (SWTException | IllegalArgumentException e) {
				// a bitmap SWT cannot show: its header is in the summary all the same
			}
		}
		thumbnail.setImage(image);
	}

	/** Starts or stops recording each change into the history. */
	public void setRecording(boolean on) {
		recording = on;
		updateHistoryLabel();
		ClipboardWatch running = watch;
		if (!on) {
			watch = null;
			if (running != null) {
				Job.create(Messages.Job_Watch, monitor -> {
				running.close();
			}).schedule();
			}
			return;
		}
		String selection = selections.getText();
		Job job = Job.create(Messages.Job_Watch, monitor -> {
			try {
				// the history keeps the text of each change; other formats are listed, not fetched
				ClipboardWatch started = ClipboardService.call(reader -> reader.watch(selection,
						ContentRequest.of(List.of("CF_UNICODETEXT", "UTF8_STRING"), ContentRequest.DEFAULT_CAP), this::recorded)); //$NON-NLS-1$ //$NON-NLS-2$
				if (recording && watch == null) {
					watch = started;
				} else {
					started.close();
				}
			} catch (IOException e) {
				ui(() -> status.setText(e.getMessage()));
			}
		});
		job.schedule();
	}

	private void recorded(ClipboardSnapshot change) {
		ui(() -> {
			recorded.add(change);
			history.add(change);
			updateHistoryLabel();
			show(change, ContentRequest.NONE);
		});
	}

	public void clearHistory() {
		recorded.clear();
		history.refresh();
		updateHistoryLabel();
	}

	public Job saveHistory(String file) {
		List<ClipboardSnapshot> saved = List.copyOf(recorded);
		return fileJob(() -> {
			try (Writer out = Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8)) {
				ClipboardJsonLines.write(out, saved);
			}
		});
	}

	public Job openHistory(String file) {
		return fileJob(() -> {
			try (BufferedReader in = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
				List<ClipboardSnapshot> opened = ClipboardJsonLines.read(in);
				ui(() -> {
					recorded.clear();
					recorded.addAll(opened);
					history.refresh();
					updateHistoryLabel();
					if (!opened.isEmpty()) {
						show(opened.get(opened.size() - 1), ContentRequest.NONE);
					}
				});
			}
		});
	}

	private interface FileWork {
		void run() throws IOException;
	}

	private Job fileJob(FileWork work) {
		Job job = Job.create(Messages.Job_File, monitor -> {
			try {
				work.run();
				return Status.OK_STATUS;
			} catch (IOException e) {
				return Status.error(Messages.Dialog_FileFailed + ": " + FileProblems.describe(e), e); //$NON-NLS-1$
			}
		});
		job.schedule();
		return job;
	}

	private void updateHistoryLabel() {
		historyLabel.setText(NLS.bind(recording ? Messages.View_HistoryWatching : Messages.View_History, recorded.size()));
	}

	private void ui(Runnable runnable) {
		Display display = status.isDisposed() ? null : status.getDisplay();
		if (display != null) {
			display.asyncExec(() -> {
				if (!status.isDisposed()) {
					runnable.run();
				}
			});
		}
	}

	@Override
	public void setFocus() {
		formats.getControl().setFocus();
	}

	@Override
	public void dispose() {
		recording = false;
		ClipboardWatch running = watch;
		watch = null;
		if (running != null) {
			Job.create(Messages.Job_Watch, monitor -> {
				running.close();
			}).schedule();
		}
		if (image != null) {
			image.dispose();
		}
		super.dispose();
	}

	// ---- for tests

	ClipboardSnapshot current() {
		return current;
	}

	String statusText() {
		return status.getText();
	}

	String detailText() {
		return detail.getText();
	}

	/** @return the bitmap shown beside the detail, or null */
	Image thumbnailImage() {
		return thumbnail.getImage();
	}

	TableViewer formatsViewer() {
		return formats;
	}

	boolean watching() {
		return watch != null;
	}

	List<ClipboardSnapshot> history() {
		return List.copyOf(recorded);
	}
}
