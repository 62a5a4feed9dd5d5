package org.ipcscope.ui.hex.internal.struct;

import static org.ipcscope.ui.hex.internal.HexUi.helper;
import static org.ipcscope.ui.hex.internal.HexUi.join;
import static org.ipcscope.ui.hex.internal.HexUi.lookup;
import static org.ipcscope.ui.hex.internal.HexUi.open;
import static org.ipcscope.ui.hex.internal.HexUi.page;
import static org.ipcscope.ui.hex.internal.HexUi.screenshot;
import static org.ipcscope.ui.hex.internal.HexUi.spin;
import static org.ipcscope.ui.hex.internal.HexUi.uniqueName;
import static org.ipcscope.ui.hex.internal.HexUi.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.TreeItem;
import org.ipcscope.core.struct.Abi;
import org.ipcscope.tests.support.HelperProcess;
import org.ipcscope.tests.support.Screenshots;
import org.ipcscope.ui.hex.internal.HexEditor;
import org.ipcscope.ui.hex.internal.HexUi;
import org.ipcscope.ui.hex.internal.Messages;
import org.ipcscope.ui.hex.internal.struct.AttachedStruct.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Structure pane on a POSIX segment that ipc_helper's livestruct verb writes one step at a
 * time (a counter, a text, a double, an enum and a bitfield), printing what it wrote: the pane must
 * show exactly those values, mark and count the fields each step changed and no other, select
 * bytes and fields both ways, write a field through Allow Writing and undo, and come back when the
 * segment is opened again. Screenshots: target/screenshots/StructurePaneTest-*.png
 */
class StructurePaneTest {

	/** The header the helper was compiled with. */
	static final Path LIVE_HEADER = Path.of("../org.ipcscope.tests.support/native/live_state.h").toAbsolutePath();
	private static final Pattern WROTE = Pattern
			.compile("WROTE counter=(\\d+) text=(.*) value=(\\S+) phase=(\\S+) level=(\\d+)");
	private static final int VALUE = StructColumns.VALUE.ordinal();
	private static final int CHANGES = StructColumns.CHANGES.ordinal();

	private final List<String> names = new ArrayList<>();

	@AfterEach
	void closeEditors() throws InterruptedException {
		HexUi.closeEditorsAndForgetStructs(names);
	}

	@Test
	void thePaneShowsWhatTheProgramWroteAndMarksWhatEachStepChanged() throws Exception {
		String name = uniqueName("struct");
		names.add(name);
		try (HelperProcess helper = helper(1, "livestruct", name)) {
			HexEditor editor = open(lookup(name));
			StructurePane pane = editor.structure();
			assertEquals(Messages.Structure_Empty, pane.titleText());
			join(pane.attach(live(Abi.SYSV64)));
			try {
				waitUntil(() -> "0".equals(cell(pane, "counter", VALUE)), "the first look at the struct");
			} catch (AssertionError e) {
				screenshot("StructurePaneTest-failed");
				throw new AssertionError(e.getMessage() + "; tree: " + dump(pane) + " title " + pane.titleText(), e);
			}
			assertEquals("\"\"", cell(pane, "text", VALUE));
			assertEquals("PHASE_IDLE (0)", cell(pane, "phase", VALUE));

			for (int n = 1; n <= 5; n++) {
				Matcher wrote = step(helper);
				String counter = wrote.group(1);
				waitUntil(() -> counter.equals(cell(pane, "counter", VALUE))
						&& cell(pane, "level", VALUE).endsWith("(" + wrote.group(5) + ")"), "step " + n + " in the pane");
				assertEquals("\"" + wrote.group(2) + "\"", cell(pane, "text", VALUE));
				assertEquals(Double.parseDouble(wrote.group(3)), Double.parseDouble(cell(pane, "value", VALUE)));
				assertEquals(wrote.group(4) + " (" + (n / 3 % 3) + ")", cell(pane, "phase", VALUE));
				assertEquals(Integer.toString(n), cell(pane, "counter", CHANGES), "the counter changed at each step");
				assertEquals(Integer.toString(n), cell(pane, "text", CHANGES));
				assertTrue(marked(pane, "counter"), "the counter is marked after step " + n);
			}
			assertEquals("1", cell(pane, "phase", CHANGES), "the phase changed once, at step 3");
			assertEquals("", cell(pane, "flags", CHANGES), "the flags never changed");
			assertTrue(!marked(pane, "flags"), "nor are they marked");
			String[] history = history(pane, "counter").split("\n");
			assertTrue(history[1].endsWith("  5") && history[2].endsWith("  4"), "newest first: " + List.of(history));
			page().setPartState(page().getReference(editor), org.eclipse.ui.IWorkbenchPage.STATE_MAXIMIZED);
			spin(500);
			// paints what the tree holds now: under load GTK may not have painted the last refresh yet
			page().getWorkbenchWindow().getShell().update();
			assertEquals("5", cell(pane, "counter", VALUE));
			screenshot("StructurePaneTest-live");
			page().setPartState(page().getReference(editor), org.eclipse.ui.IWorkbenchPage.STATE_RESTORED);

			// a field selects its bytes; the caret selects its field
			select(pane, "text");
			assertEquals(4, editor.selectionStart());
			assertEquals(24, editor.selectionLength());
			editor.goTo(0x21);
			waitUntil(() -> pane.selected() != null && pane.selected().field().path().equals("value"),
					"the caret at 0x21 to select 'value'");

			// a write goes through Allow Writing and undo
			assertEquals(null, pane.writeValue(node(pane, "counter"), "1234"), "read-only: no write");
			assertEquals(Messages.Structure_ReadOnly, pane.titleText());
			join(editor.setWritingEnabled(true));
			waitUntil(editor::isWritingEnabled, "writing allowed");
			join(pane.writeValue(node(pane, "counter"), "1234"));
			assertEquals(1234, segmentInt(name, 0), "the segment holds what was typed");
			join(pane.writeValue(node(pane, "phase"), "PHASE_DONE"));
			assertEquals(2, segmentInt(name, 0x28), "an enumerator's name is written as its value");
			editor.refreshNow();
			waitUntil(() -> "1234".equals(cell(pane, "counter", VALUE)), "the pane to show the write");
			join(editor.undo());
			join(editor.undo());
			assertEquals(5, segmentInt(name, 0), "undo takes the write back");
			assertEquals(1, segmentInt(name, 0x28));
		}
	}

	@Test
	void attachStructFromPastedTextComesBackWhenTheSegmentIsOpenedAgain() throws Exception {
		String name = uniqueName("struct-paste");
		names.add(name);
		try (HelperProcess helper = helper(1, "livestruct", name)) {
			step(helper);
			HexEditor editor = open(lookup(name));
			AttachStructDialog dialog = new AttachStructDialog(editor.getSite().getShell(), 0, Abi.SYSV64);
			dialog.setBlockOnOpen(false);
			dialog.open();
			Text pasted = all(dialog.getShell(), Text.class).stream().filter(t -> (t.getStyle() & org.eclipse.swt.SWT.MULTI) != 0)
					.findFirst().orElseThrow();
			pasted.setText("typedef struct { unsigned int count; char label[4]; } head_t;\n"
					+ "enum e { A, B };\nstruct pair { head_t head; enum e kind; };\n");
			button(dialog, Messages.Attach_Read).notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
			Combo type = all(dialog.getShell(), Combo.class).stream().filter(c -> (c.getStyle() & org.eclipse.swt.SWT.READ_ONLY) == 0)
					.findFirst().orElseThrow();
			waitUntil(() -> type.getItemCount() == 3, "the pasted header's types listed");
			assertEquals(List.of("head_t", "enum e", "struct pair"), List.of(type.getItems()));
			type.setText("head_t");
			spin(200);
			Screenshots.save(dialog.getShell(), "StructurePaneTest-attach-dialog");
			dialog.buttonPressed(IDialogConstants.OK_ID);
			StructChoice choice = dialog.choice();
			assertNotNull(choice);
			assertEquals("head_t", choice.typeName());
			assertEquals(0, choice.offset());
			join(editor.structure().attach(choice));
			waitUntil(() -> "1".equals(cell(editor.structure(), "count", VALUE)), "the pasted struct's count");
			assertEquals("\"step\"", cell(editor.structure(), "label", VALUE), "4 chars of 'step 1'");

			page().closeAllEditors(false);
			spin(100);
			HexEditor again = open(lookup(name));
			waitUntil(() -> again.structure().overlays().size() == 1 && "1".equals(cell(again.structure(), "count", VALUE)),
					"the overlay to come back with the segment");
			assertEquals("head_t", again.structure().overlays().get(0).choice().typeName());
		}
	}

	@Test
	void aBadHeaderSaysWhereAndAttachesNothing() throws Exception {
		String name = uniqueName("struct-bad");
		names.add(name);
		try (HelperProcess helper = helper(1, "livestruct", name)) {
			HexEditor editor = open(lookup(name));
			org.eclipse.ui.commands.ICommandService commands = org.eclipse.ui.PlatformUI.getWorkbench()
					.getService(org.eclipse.ui.commands.ICommandService.class);
			org.eclipse.core.commands.Command attach = commands.getCommand("org.ipcscope.ui.hex.commands.attachStruct");
			assertEquals("Attach Struct...", attach.getName(), "the label comes from plugin.properties");
			waitUntil(attach::isEnabled, "Attach Struct... to be enabled in the active hex editor");
			StructurePane pane = editor.structure();
			join(pane.attach(new StructChoice(null, "struct s {\n  int x\n};\n", Map.of(), Abi.SYSV64, "struct s", 0, 1)));
			waitUntil(() -> pane.titleText().startsWith("Cannot attach"), "the problem shown");
			assertTrue(pane.titleText().contains("<pasted>:3:"), pane.titleText());
			assertEquals(0, pane.overlays().size());
		}
	}

	static StructChoice live(Abi abi) {
		return new StructChoice(LIVE_HEADER.toString(), null, Map.of(), abi, "struct live_state", 0, 1);
	}

	static Matcher step(HelperProcess helper) throws Exception {
		helper.send("step");
		Matcher m = WROTE.matcher(helper.awaitLine(l -> l.startsWith("WROTE "), Duration.ofSeconds(20)));
		assertTrue(m.matches());
		return m;
	}

	/**
	 * @return the tree item of the field whose name cell starts with {@code name}, or null; the pane
	 *         shows an overlay's fields expanded (expanding on each look would keep the display
	 *         busy with events, and asyncExec runs only when none are pending)
	 */
	static TreeItem item(StructurePane pane, String name) {
		List<TreeItem> all = new ArrayList<>();
		for (TreeItem top : pane.viewer().getTree().getItems()) {
			collect(top, all);
		}
		return all.stream().filter(i -> i.getText(0).equals(name) || i.getText(0).startsWith(name + " ")).findFirst()
				.orElse(null);
	}

	static String dump(StructurePane pane) {
		pane.viewer().expandAll();
		List<TreeItem> all = new ArrayList<>();
		for (TreeItem top : pane.viewer().getTree().getItems()) {
			collect(top, all);
		}
		StringBuilder text = new StringBuilder();
		for (TreeItem item : all) {
			text.append("\n");
			for (int i = 0; i < StructColumns.values().length; i++) {
				text.append(item.getText(i)).append(" | ");
			}
		}
		return text.toString();
	}

	private static void collect(TreeItem item, List<TreeItem> into) {
		into.add(item);
		for (TreeItem child : item.getItems()) {
			collect(child, into);
		}
	}

	static String cell(StructurePane pane, String name, int column) {
		TreeItem item = item(pane, name);
		return item == null ? null : item.getText(column);
	}

	private static boolean marked(StructurePane pane, String name) {
		TreeItem item = item(pane, name);
		return !item.getBackground(VALUE).equals(pane.viewer().getTree().getBackground());
	}

	private static Node node(StructurePane pane, String name) {
		return (Node) item(pane, name).getData();
	}

	private static String history(StructurePane pane, String name) {
		return StructColumns.history(node(pane, name));
	}

	private static void select(StructurePane pane, String name) {
		pane.viewer().setSelection(new StructuredSelection(node(pane, name)), true);
	}

	/** The segment's int at an offset, read from /dev/shm, not through the editor. */
	private static int segmentInt(String name, int offset) {
		try (FileChannel channel = FileChannel.open(Path.of("/dev/shm", name.substring(1)))) {
			ByteBuffer bytes = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder());
			channel.read(bytes, offset);
			return bytes.getInt(0);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Button button(AttachStructDialog dialog, String text) {
		return all(dialog.getShell(), Button.class).stream().filter(b -> b.getText().equals(text)).findFirst().orElseThrow();
	}

	static <T extends Control> List<T> all(Composite parent, Class<T> type) {
		List<T> found = new ArrayList<>();
		for (Control child : parent.getChildren()) {
			if (type.isInstance(child)) {
				found.add(type.cast(child));
			}
			if (child instanceof Composite composite) {
				found.addAll(all(composite, type));
			}
		}
		return found;
	}

}
