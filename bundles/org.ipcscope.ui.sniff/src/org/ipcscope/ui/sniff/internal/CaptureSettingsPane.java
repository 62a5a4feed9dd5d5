package org.ipcscope.ui.sniff.internal;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.ipcscope.core.sniff.CaptureOptions;
import org.ipcscope.core.sniff.CaptureStrategy;
import org.ipcscope.core.sniff.MessageSelection;
import org.ipcscope.core.sniff.WindowInfo;

/**
 * What to capture and how: the target window, the strategy with its limits spelled out, the
 * messages kept, the payload cap and ring size, and Start / Stop.
 */
final class CaptureSettingsPane extends Group {

	private final Label target;
	private final Map<CaptureStrategy, Button> strategies = new EnumMap<>(CaptureStrategy.class);
	private final Map<CaptureStrategy, Label> limits = new EnumMap<>(CaptureStrategy.class);
	/** The empty cells left of the limits, hidden with them. */
	private final Map<CaptureStrategy, Label> fillers = new EnumMap<>(CaptureStrategy.class);
	private final Text messages;
	private final Spinner payloadCap;
	private final Spinner ringSlots;
	private final Button pick;
	private final Button start;
	private final Button stop;
	private Set<CaptureStrategy> runnable = Set.of();
	private boolean available;
	private boolean running;

	CaptureSettingsPane(Composite parent, Runnable onPick, Runnable onStart, Runnable onStop) {
		super(parent, SWT.NONE);
		setText(Messages.View_CaptureGroup);
		GridLayoutFactory.swtDefaults().numColumns(3).applyTo(this);

		new Label(this, SWT.NONE).setText(Messages.View_Target);
		target = new Label(this, SWT.NONE);
		target.setText(Messages.View_NoTarget);
		GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(target);
		pick = new Button(this, SWT.PUSH);
		pick.setText(Messages.View_PickWindow);
		pick.addListener(SWT.Selection, e -> onPick.run());

		for (CaptureStrategy strategy : CaptureStrategy.values()) {
			Label title = new Label(this, SWT.NONE);
			title.setText(strategy.ordinal() == 0 ? Messages.View_Strategy : ""); //$NON-NLS-1$
			GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(title);
			Button radio = new Button(this, SWT.RADIO);
			radio.setText(strategyName(strategy));
			radio.setSelection(strategy == CaptureStrategy.PROXY);
			radio.addListener(SWT.Selection, e -> updateEnablement());
			GridDataFactory.fillDefaults().span(2, 1).applyTo(radio);
			strategies.put(strategy, radio);
			Label indent = new Label(this, SWT.NONE);
			GridDataFactory.fillDefaults().applyTo(indent);
			fillers.put(strategy, indent);
			Label limit = new Label(this, SWT.WRAP);
			limit.setText(strategyLimits(strategy));
			limit.setForeground(getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW));
			GridDataFactory.fillDefaults().grab(true, false).span(2, 1).hint(400, SWT.DEFAULT).indent(18, 0)
					.applyTo(limit);
			limits.put(strategy, limit);
		}

		new Label(this, SWT.NONE).setText(Messages.View_Messages);
		messages = new Text(this, SWT.BORDER);
		messages.setText(MessageSelection.DEFAULT.spec());
		messages.setMessage(Messages.View_MessagesHint);
		messages.setToolTipText(Messages.View_MessagesTip);
		GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(messages);
		messages.addModifyListener(e -> markMessages());

		new Label(this, SWT.NONE);
		Composite options = new Composite(this, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).span(2, 1).applyTo(options);
		GridLayoutFactory.fillDefaults().numColumns(7).applyTo(options);
		Label capLabel = new Label(options, SWT.NONE);
		capLabel.setText(Messages.View_PayloadCap);
		capLabel.setToolTipText(Messages.View_PayloadCapTip);
		payloadCap = new Spinner(options, SWT.BORDER);
		payloadCap.setValues(CaptureOptions.DEFAULT.payloadCap() / 1024, 0, 1024 * 1024, 0, 64, 1024);
		payloadCap.setToolTipText(Messages.View_PayloadCapTip);
		Label ringLabel = new Label(options, SWT.NONE);
		ringLabel.setText(Messages.View_RingSlots);
		ringLabel.setToolTipText(Messages.View_RingSlotsTip);
		ringSlots = new Spinner(options, SWT.BORDER);
		ringSlots.setValues(CaptureOptions.DEFAULT.ringSlots(), 1, 1 << 20, 0, 256, 4096);
		ringSlots.setToolTipText(Messages.View_RingSlotsTip);
		Label gap = new Label(options, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(gap);
		start = new Button(options, SWT.PUSH);
		start.setText(Messages.View_Start);
		start.addListener(SWT.Selection, e -> onStart.run());
		stop = new Button(options, SWT.PUSH);
		stop.setText(Messages.View_Stop);
		stop.addListener(SWT.Selection, e -> onStop.run());
		updateEnablement();
	}

	@Override
	protected void checkSubclass() {
		// a Group that lays out its own children
	}

	static String strategyName(CaptureStrategy strategy) {
		return strategy == CaptureStrategy.PROXY ? Messages.Strategy_PROXY : Messages.Strategy_IN_PROCESS;
	}

	static String strategyLimits(CaptureStrategy strategy) {
		return strategy == CaptureStrategy.PROXY ? Messages.Strategy_PROXY_Limits
				: Messages.Strategy_IN_PROCESS_Limits;
	}

	/** @param strategiesHere what the sniffer can run here; empty where there is no sniffer */
	void setAvailable(boolean sniffer, Set<CaptureStrategy> strategiesHere) {
		available = sniffer;
		runnable = strategiesHere;
		for (CaptureStrategy strategy : CaptureStrategy.values()) {
			Button radio = strategies.get(strategy);
			radio.setText(strategyName(strategy)
					+ (sniffer && !runnable.contains(strategy) ? Messages.Strategy_Unavailable : "")); //$NON-NLS-1$
			radio.setToolTipText(strategyLimits(strategy));
			// without a sniffer the limits are moot: the table gets the room, the tool tip keeps them
			for (Label label : new Label[] { limits.get(strategy), fillers.get(strategy) }) {
				((GridData) label.getLayoutData()).exclude = !sniffer;
				label.setVisible(sniffer);
			}
		}
		if (!runnable.isEmpty() && !runnable.contains(strategy())) {
			setStrategy(runnable.iterator().next());
		}
		updateEnablement();
		layout(true, true);
	}

	void setRunning(boolean isRunning) {
		running = isRunning;
		updateEnablement();
	}

	void setTarget(WindowInfo window) {
		target.setText(window == null ? Messages.View_NoTarget : WindowFilter.describe(window));
		target.setToolTipText(target.getText());
	}

	CaptureStrategy strategy() {
		for (Map.Entry<CaptureStrategy, Button> entry : strategies.entrySet()) {
			if (entry.getValue().getSelection()) {
				return entry.getKey();
			}
		}
		return CaptureStrategy.PROXY;
	}

	void setStrategy(CaptureStrategy strategy) {
		strategies.forEach((s, radio) -> radio.setSelection(s == strategy));
		updateEnablement();
	}

	/** @throws IllegalArgumentException when the Messages field holds no selection, with why */
	CaptureOptions options() {
		return new CaptureOptions(payloadCap.getSelection() * 1024, ringSlots.getSelection())
				.withMessages(MessageSelection.parse(messages.getText()));
	}

	/** @return why the Messages field cannot be read, or null when it can */
	String messagesProblem() {
		try {
			MessageSelection.parse(messages.getText());
			return null;
		} catch (IllegalArgumentException e) {
			return String.valueOf(e.getMessage());
		}
	}

	Text messagesField() {
		return messages;
	}

	private void markMessages() {
		String problem = messagesProblem();
		messages.setBackground(problem == null ? null : getDisplay().getSystemColor(SWT.COLOR_RED));
		messages.setForeground(problem == null ? null : getDisplay().getSystemColor(SWT.COLOR_WHITE));
		messages.setToolTipText(problem == null ? Messages.View_MessagesTip : problem);
	}

	/** @return the limits text of a strategy: under its button where a sniffer exists, else its tool tip */
	String limitsShown(CaptureStrategy strategy) {
		Label limit = limits.get(strategy);
		return limit.getVisible() ? limit.getText() : strategies.get(strategy).getToolTipText();
	}

	private void updateEnablement() {
		boolean idle = available && !running;
		pick.setEnabled(idle);
		strategies.forEach((s, radio) -> radio.setEnabled(idle && runnable.contains(s)));
		messages.setEnabled(idle);
		payloadCap.setEnabled(idle);
		ringSlots.setEnabled(idle && strategy() == CaptureStrategy.IN_PROCESS);
		start.setEnabled(idle);
		stop.setEnabled(available && running);
	}
}
