package org.ipcscope.ui.hex.internal.struct;

import static org.ipcscope.ui.hex.internal.HexUi.helper;
import static org.ipcscope.ui.hex.internal.HexUi.join;
import static org.ipcscope.ui.hex.internal.HexUi.page;
import static org.ipcscope.ui.hex.internal.HexUi.screenshot;
import static org.ipcscope.ui.hex.internal.HexUi.waitUntil;
import static org.ipcscope.ui.hex.internal.struct.StructurePaneTest.all;
import static org.ipcscope.ui.hex.internal.struct.StructurePaneTest.cell;
import static org.ipcscope.ui.hex.internal.struct.StructurePaneTest.item;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Text;
import org.ipcscope.core.hex.Viewport;
import org.ipcscope.core.struct.Abi;
import org.ipcscope.tests.support.HelperProcess;
import org.ipcscope.ui.hex.internal.HexEditor;
import org.ipcscope.ui.hex.internal.HexUi;
import org.ipcscope.ui.hex.internal.Messages;
import org.ipcscope.ui.process.ProcessViews;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Follow Pointer in a process's memory: ipc_helper's pointer verb maps a page of its own holding a
 * struct whose {@code char *} field points at a marker text in its heap, and prints both
 * addresses. The test opens the process's memory at the struct as the process views do, attaches a
 * pasted header there through Attach Struct..., selects the pointer field and runs Follow Pointer
 * from the Structure pane's context menu: a second editor must open on the region that holds the
 * marker, its caret on the marker's first byte and the marker's bytes there. Screenshots:
 * target/screenshots/FollowPointerTest-*.png. The fragment requires org.ipcscope.ui.process (which
 * requires this host) for the process memory input a user opens from the process views.
 */
class FollowPointerTest {

	private static final String HEADER = "#include <stdint.h>\nstruct holder { uint32_t tag; char *text; };\n";

	private final List<String> names = new ArrayList<>();

	@AfterEach
	void closeEditors() throws InterruptedException {
		HexUi.closeEditorsAndForgetStructs(names);
	}

	@Test
	void aPointerFieldOpensTheMemoryItPointsAtWithTheCaretThere() throws Exception {
		String marker = "IPCSCOPE-POINTED-" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
		try (HelperProcess helper = helper(1, "pointer", marker)) {
			String[] ready = helper.readyLines().get(0).split(" ");
			long struct = Long.decode(ready[1]);
			long text = Long.decode(ready[2]);
			page().getWorkbenchWindow().getShell().setSize(1280, 1000);

			List<String> failed = new ArrayList<>();
			join(ProcessViews.openMemoryAt(page(), helper.pid(), struct, failed::add));
			waitUntil(() -> !failed.isEmpty() || page().getActiveEditor() instanceof HexEditor editor
					&& editor.shownBytes() != null, "the struct's region in the hex editor");
			assertEquals(List.of(), failed);
			HexEditor holder = (HexEditor) page().getActiveEditor();
			names.add(holder.name());
			long base = holder.memoryInput().baseAddress().orElseThrow();
			long structOffset = struct - base;
			assertEquals(structOffset, holder.caret(), "opened with the caret on the struct");
			assertTrue(text < base || text >= base + holder.canvas().regionSize(),
					"the marker lies outside the struct's region, so following must open another");

			// Attach Struct... as its handler opens it: at the caret, with a pasted header
			AttachStructDialog dialog = new AttachStructDialog(holder.getSite().getShell(), holder.caret(), Abi.SYSV64);
			dialog.setBlockOnOpen(false);
			dialog.open();
			all(dialog.getShell(), Text.class).stream().filter(t -> (t.getStyle() & SWT.MULTI) != 0).findFirst()
					.orElseThrow().setText(HEADER);
			all(dialog.getShell(), Button.class).stream().filter(b -> b.getText().equals(Messages.Attach_Read))
					.findFirst().orElseThrow().notifyListeners(SWT.Selection, new Event());
			Combo type = all(dialog.getShell(), Combo.class).stream().filter(c -> (c.getStyle() & SWT.READ_ONLY) == 0)
					.findFirst().orElseThrow();
			waitUntil(() -> type.getItemCount() == 1, "the pasted header's struct listed");
			type.setText("struct holder");
			dialog.buttonPressed(IDialogConstants.OK_ID);
			StructChoice choice = dialog.choice();
			assertNotNull(choice, "the dialog accepted the header");
			assertEquals(structOffset, choice.offset());
			StructurePane pane = holder.structure();
			join(pane.attach(choice));
			String pointer = String.format("0x%016x", text);
			waitUntil(() -> pointer.equals(cell(pane, "text", StructColumns.VALUE.ordinal())),
					"the pointer field to show " + pointer);
			assertEquals("1347703329", cell(pane, "tag", StructColumns.VALUE.ordinal()), "0x50545221, as the helper wrote");

			// select the field, then Follow Pointer from the pane's context menu
			pane.viewer().setSelection(new StructuredSelection(item(pane, "text").getData()), true);
			assertEquals(structOffset + 8, holder.selectionStart(), "the field's bytes selected in the hex view");
			screenshot("FollowPointerTest-struct");
			Menu menu = pane.viewer().getTree().getMenu();
			menu.notifyListeners(SWT.Show, new Event());
			MenuItem follow = Arrays.stream(menu.getItems()).filter(i -> i.getText().replace("&", "").equals("Follow Pointer"))
					.findFirst().orElseThrow(() -> new AssertionError("no Follow Pointer in "
							+ Arrays.stream(menu.getItems()).map(MenuItem::getText).toList()));
			assertTrue(follow.isEnabled(), "Follow Pointer enabled on a pointer field");
			follow.notifyListeners(SWT.Selection, new Event());
			menu.notifyListeners(SWT.Hide, new Event());

			waitUntil(() -> page().getActiveEditor() instanceof HexEditor other && other != holder
					&& shows(other, other.caret(), marker), "an editor at " + pointer + " showing the marker; status: "
							+ pane.titleText());
			HexEditor pointed = (HexEditor) page().getActiveEditor();
			names.add(pointed.name());
			assertNotSame(holder, pointed);
			long pointedBase = pointed.memoryInput().baseAddress().orElseThrow();
			assertEquals(text, pointedBase + pointed.caret(), "the caret on the address the field holds");
			assertEquals(1, pointed.selectionLength());
			assertTrue(pointed.name().contains("[heap]"), "the helper's heap: " + pointed.name());
			assertTrue(pointed.statusText().contains(HexEditor.formatOffset(text)), pointed.statusText());
			screenshot("FollowPointerTest-pointed");
		}
	}

	/** @return whether the editor shows the text's bytes at the offset */
	private static boolean shows(HexEditor editor, long offset, String text) {
		Viewport viewport = editor.shownBytes();
		byte[] wanted = text.getBytes(StandardCharsets.US_ASCII);
		long at = viewport == null ? -1 : offset - viewport.offset();
		if (at < 0 || at + wanted.length > viewport.length()) {
			return false;
		}
		return Arrays.equals(Arrays.copyOfRange(viewport.bytes(), (int) at, (int) at + wanted.length), wanted);
	}
}
