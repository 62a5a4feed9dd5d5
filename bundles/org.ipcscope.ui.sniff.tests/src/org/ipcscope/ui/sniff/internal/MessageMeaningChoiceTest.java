package org.ipcscope.ui.sniff.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.ipcscope.core.sniff.CaptureJsonLines;
import org.ipcscope.core.sniff.CapturedMessage;
import org.ipcscope.core.sniff.CapturedMessage.Kind;
import org.ipcscope.ui.hex.MemoryEditorInput;
import org.ipcscope.ui.hex.internal.HexEditor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A message whose wParam is both a descriptor of its sender and the pid of a live process whose
 * memory holds lParam: Windows numbers handles and pids alike, so the two readings collide there
 * in real captures. On Linux the collision is made: a shell child (the sender) opens a POSIX
 * shared memory object (a file in /dev/shm) as the descriptor numbered like a readable process's
 * pid, and lParam is an address in that process. Open in Hex Editor then offers both, and each
 * opens what it names. Screenshot: target/screenshots/MessageMeaningChoiceTest-two-meanings.png
 */
class MessageMeaningChoiceTest extends CopyDataViewFixture {

	@Test
	void aNumberThatIsAHandleAndAPidOffersBoth() throws Exception {
		long own = ProcessHandle.current().pid();
		String name = "ipcscope-meaning-" + own;
		Path shm = Path.of("/dev/shm", name);
		Files.write(shm, "the sender's object".getBytes(StandardCharsets.US_ASCII));
		long[] target = readableProcess(openFileLimit());
		long pid = target[0];
		long address = target[1];
		Process sender = new ProcessBuilder("bash", "-c",
				"ulimit -n \"$(ulimit -Hn)\"; eval \"exec $1<>\\\"\\$2\\\"\" && echo READY && read -r _", "bash",
				Long.toString(pid), shm.toString()).redirectErrorStream(true).start();
		try (BufferedReader out = new BufferedReader(new InputStreamReader(sender.getInputStream(), StandardCharsets.UTF_8))) {
			String ready = out.readLine();
			assertEquals("READY", ready, "the shell holds " + shm + " as descriptor " + pid);
			long t = 1_763_820_000_800_000L;
			load(write("meaning.jsonl", List.of(
					new CapturedMessage(1, t, Kind.SENT, 0xc1a1, "Handle", pid, address, sender.pid(), -1,
							RECEIVER.hwnd(), 0, 0, new byte[0], 1),
					new CapturedMessage(2, t + 1, SENDER, SENDER_PID, RECEIVER.hwnd(), 0x10, 1, new byte[] { 1 }, 1))),
					2);
			select(0);
			MessageDetailPane pane = view.detail();
			MeaningChoice choice = pane.choice();
			assertFalse(choice.isVisible(), "no choice before Open in Hex Editor");
			pane.openMemoryButton().notifyListeners(SWT.Selection, new Event());
			waitUntil(choice::isVisible, "the choice between the handle's object and the process's memory: "
					+ view.status().getText());
			assertNull(page.getActiveEditor(), "nothing opens before the user chooses");
			assertTrue(view.status().getText().endsWith(Messages.Detail_ChooseMeaning), view.status().getText());
			assertEquals("Open the POSIX shm /" + name, choice.firstButton().getText());
			String memory = choice.secondButton().getText();
			assertTrue(memory.startsWith("Open process " + pid) && memory.endsWith(CaptureJsonLines.hex(address)), memory);
			screenshot("two-meanings");

			choice.secondButton().notifyListeners(SWT.Selection, new Event());
			waitUntil(() -> page.getActiveEditor() instanceof HexEditor editor && editor.shownBytes() != null,
					"the process's memory in a hex editor");
			HexEditor editor = (HexEditor) page.getActiveEditor();
			MemoryEditorInput input = editor.memoryInput();
			assertEquals(address - 0x10, input.baseAddress().orElse(-1), "the region holding lParam");
			assertEquals(0x10, editor.selectionStart(), "lParam selected");
			page.closeAllEditors(false);

			assertTrue(choice.isVisible(), "the other reading stays offered");
			choice.firstButton().notifyListeners(SWT.Selection, new Event());
			waitUntil(() -> page.getActiveEditor() instanceof HexEditor e && e.shownBytes() != null,
					"the shared memory in a hex editor");
			assertTrue(page.getActiveEditor().getEditorInput().getName().contains(name),
					page.getActiveEditor().getEditorInput().getName());
			page.closeAllEditors(false);

			select(1);
			assertFalse(choice.isVisible(), "another message drops the choice");
		} finally {
			sender.destroy();
			sender.waitFor();
			Files.deleteIfExists(shm);
		}
	}

	/** @return this process's limit of open files, which the shell raises its own to */
	private static long openFileLimit() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
			if (line.startsWith("Max open files")) {
				return Long.parseLong(line.substring(26).trim().split("\\s+")[1]);
			}
		}
		throw new AssertionError("no open file limit in /proc/self/limits");
	}

	/**
	 * @return the lowest pid above 2 (the shell's stdio) that a descriptor can be numbered like,
	 *         whose memory this user can read, and the first readable region's start + 0x10
	 */
	private static long[] readableProcess(long limit) throws IOException {
		try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
			List<Long> pids = entries.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d+"))
					.map(Long::parseLong).filter(p -> p > 2 && p < limit).sorted().toList();
			for (long pid : pids) {
				try {
					for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "maps"))) {
						String[] fields = line.split(" ");
						if (fields[1].startsWith("r")) {
							return new long[] { pid,
									Long.parseUnsignedLong(fields[0].substring(0, fields[0].indexOf('-')), 16) + 0x10 };
						}
					}
				} catch (IOException e) {
					// another user's process, or gone
				}
			}
		}
		Assumptions.abort("no process with a pid below the open file limit " + limit + " has memory this user can read");
		return null;
	}
}
