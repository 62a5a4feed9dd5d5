package org.ipcscope.ui.sniff.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.ipcscope.core.sniff.CaptureOptions;
import org.ipcscope.core.sniff.CaptureStrategy;
import org.ipcscope.core.sniff.MessageSelection;
import org.ipcscope.core.sniff.WindowInfo;
import org.ipcscope.tests.support.DisplayWaits;
import org.ipcscope.tests.support.Screenshots;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The capture settings as they look where a sniffer runs (Windows): the pane is told which
 * strategies exist, as the view tells it from the sniffer service. No capture runs here.
 * Screenshot: target/screenshots/CaptureSettingsPaneTest-windows.png
 */
class CaptureSettingsPaneTest {

	private Shell shell;
	private CaptureSettingsPane pane;
	private final List<String> clicked = new ArrayList<>();

	@BeforeEach
	void open() {
		shell = new Shell(Display.getCurrent());
		shell.setLayout(new FillLayout());
		pane = new CaptureSettingsPane(shell, () -> clicked.add("pick"), () -> clicked.add("start"),
				() -> clicked.add("stop"));
		shell.setSize(1000, 320);
		shell.open();
	}

	@AfterEach
	void close() {
		shell.dispose();
	}

	@Test
	void strategiesTheSnifferCannotRunAreGreyedAndLimitsAreShown() throws Exception {
		pane.setAvailable(true, EnumSet.of(CaptureStrategy.PROXY));
		pane.setTarget(new WindowInfo(0x1a2b, "IpcScopeReceiver", "Receiver window", 4242, 4243, "receiver.exe", false));
		DisplayWaits.spin(200);
		Button proxy = radio(CaptureSettingsPane.strategyName(CaptureStrategy.PROXY));
		Button inProcess = radio(CaptureSettingsPane.strategyName(CaptureStrategy.IN_PROCESS)
				+ Messages.Strategy_Unavailable);
		assertTrue(proxy.isEnabled() && proxy.getSelection());
		assertFalse(inProcess.isEnabled(), "a strategy the sniffer cannot run here is greyed");
		for (CaptureStrategy strategy : CaptureStrategy.values()) {
			assertEquals(CaptureSettingsPane.strategyLimits(strategy), pane.limitsShown(strategy),
					"limits written under " + strategy);
		}
		assertFalse(button(Messages.View_Stop).isEnabled());
		Screenshots.save(shell, "CaptureSettingsPaneTest-windows");

		button(Messages.View_Start).notifyListeners(SWT.Selection, null);
		pane.setRunning(true);
		assertFalse(button(Messages.View_Start).isEnabled(), "no second start while capturing");
		assertFalse(button(Messages.View_PickWindow).isEnabled(), "the target does not change while capturing");
		assertFalse(proxy.isEnabled());
		button(Messages.View_Stop).notifyListeners(SWT.Selection, null);
		pane.setRunning(false);
		assertEquals(List.of("start", "stop"), clicked);
		assertEquals(CaptureOptions.DEFAULT.withMessages(MessageSelection.DEFAULT), pane.options());
	}

	@Test
	void theMessagesFieldParsesASelectionAndSaysWhyItRejectsOne() throws Exception {
		pane.setAvailable(true, EnumSet.allOf(CaptureStrategy.class));
		Text field = pane.messagesField();
		assertEquals("default", field.getText());
		assertTrue(field.isEnabled());

		field.setText("copydata,Mapped,Handle,Shared,0x401,-WM_SETTEXT");
		assertNull(pane.messagesProblem());
		MessageSelection chosen = pane.options().messages();
		assertTrue(chosen.accepts(0xc123, "Mapped"), "a registered name is taken in");
		assertTrue(chosen.accepts(0x004a, "WM_COPYDATA"));
		assertTrue(chosen.accepts(0x401, null));
		assertFalse(chosen.accepts(0xc124, "Other"), "a registered name not listed is left out");
		assertFalse(chosen.accepts(0x000c, "WM_SETTEXT"));
		assertEquals(Messages.View_MessagesTip, field.getToolTipText());
		assertFalse(shell.getDisplay().getSystemColor(SWT.COLOR_RED).equals(field.getBackground()));

		field.setText("copydata,0x10000");
		String problem = pane.messagesProblem();
		assertNotNull(problem);
		assertTrue(problem.contains("0x10000"), problem);
		assertEquals(problem, field.getToolTipText(), "the field says why in its tool tip");
		assertEquals(shell.getDisplay().getSystemColor(SWT.COLOR_RED), field.getBackground());
		assertThrows(IllegalArgumentException.class, pane::options);
		shell.setSize(1000, 420);
		DisplayWaits.spin(200);
		Screenshots.save(shell, "CaptureSettingsPaneTest-bad-messages");

		field.setText("");
		assertTrue(pane.messagesProblem().startsWith("no messages chosen"), pane.messagesProblem());

		pane.setRunning(true);
		assertFalse(field.isEnabled(), "the selection does not change while capturing");
	}

	@Test
	void aSnifferWithoutProxySelectsInProcess() {
		pane.setAvailable(true, Set.of(CaptureStrategy.IN_PROCESS));
		assertEquals(CaptureStrategy.IN_PROCESS, pane.strategy());
	}

	private Button radio(String text) {
		return button(text);
	}

	private Button button(String text) {
		Button found = find(pane, text);
		if (found == null) {
			throw new AssertionError("no button '" + text + "'");
		}
		return found;
	}

	private static Button find(Composite parent, String text) {
		for (Control child : parent.getChildren()) {
			if (child instanceof Button b && b.getText().equals(text)) {
				return b;
			}
			if (child instanceof Composite c) {
				Button inner = find(c, text);
				if (inner != null) {
					return inner;
				}
			}
		}
		return null;
	}
}
