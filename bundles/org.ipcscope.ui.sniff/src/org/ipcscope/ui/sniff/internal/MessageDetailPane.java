package org.ipcscope.ui.sniff.internal;

import java.util.function.Consumer;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.ipcscope.core.sniff.CaptureJsonLines;
import org.ipcscope.core.sniff.CapturedMessage;
import org.ipcscope.core.sniff.MessageHandles;
import org.ipcscope.core.sniff.WindowMessages;
import org.ipcscope.core.text.Printable;
import org.ipcscope.ui.hex.HexDumpView;

/**
 * The selected entry's payload: its bytes in hex beside them decoded as text. The Sniffer shows a
 * message in it, with a line of the message's own fields above (kind, name and number, wParam,
 * lParam, sender, result); the Traffic view a transfer ({@link #showPayload}).
 */
public final class MessageDetailPane extends Composite {

	/** Bytes decoded into the text pane at most; the hex pane shows all of them. */
	static final int DECODE_LIMIT = 64 * 1024;
	private static final PayloadDecoding[] DECODINGS = { PayloadDecoding.AUTO, PayloadDecoding.ASCII,
			PayloadDecoding.UTF_8, PayloadDecoding.UTF_16LE };

	private final Label fields;
	private final Button openMemory;
	private final MeaningChoice choice;
	private Consumer<CapturedMessage> memoryOpener;
	private final Combo decoder;
	private final Label summary;
	private final HexDumpView hex;
	private final Text decoded;
	private CapturedMessage message;
	private byte[] payload = new byte[0];
	/** Bytes moved, of which {@link #payload} holds the first; -1 when nothing is shown. */
	private long moved = -1;

	public MessageDetailPane(Composite parent) {
		super(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(3).applyTo(this);
		Composite line = new Composite(this, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).span(3, 1).exclude(true).applyTo(line);
		GridLayoutFactory.fillDefaults().numColumns(2).applyTo(line);
		line.setVisible(false);
		fields = new Label(line, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(fields);
		openMemory = new Button(line, SWT.PUSH);
		openMemory.setText(Messages.Detail_OpenMemory);
		openMemory.addListener(SWT.Selection, e -> {
			if (memoryOpener != null && message != null && mayOpen(message)) {
				memoryOpener.accept(message);
			}
		});
		GridDataFactory.fillDefaults().exclude(true).applyTo(openMemory);
		openMemory.setVisible(false);
		choice = new MeaningChoice(this);
		GridDataFactory.fillDefaults().grab(true, false).span(3, 1).exclude(true).applyTo(choice);
		new Label(this, SWT.NONE).setText(Messages.View_Decoder);
		decoder = new Combo(this, SWT.READ_ONLY);
		decoder.setItems(Messages.View_DecoderAuto, "ASCII", "UTF-8", "UTF-16LE"); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
		decoder.select(0);
		decoder.addListener(SWT.Selection, e -> showText());
		summary = new Label(this, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(summary);
		SashForm sash = new SashForm(this, SWT.HORIZONTAL);
		GridDataFactory.fillDefaults().grab(true, true).span(3, 1).applyTo(sash);
		hex = new HexDumpView(sash, SWT.BORDER);
		decoded = new Text(sash, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
		decoded.setFont(JFaceResources.getTextFont());
		sash.setWeights(62, 38);
		show(null);
	}

	void show(CapturedMessage newMessage) {
		message = newMessage;
		choice.hide();
		fields.setText(message == null ? "" : fieldsText(message)); //$NON-NLS-1$
		((GridData) fields.getParent().getLayoutData()).exclude = message == null;
		fields.getParent().setVisible(message != null);
		boolean offered = memoryOpener != null && message != null && mayOpen(message);
		((GridData) openMemory.getLayoutData()).exclude = !offered;
		openMemory.setVisible(offered);
		if (offered) {
			openMemory.setToolTipText(mayPointIntoMemory(message)
					? NLS.bind(Messages.Detail_OpenMemoryTip, Long.toString(message.wParam()),
							CaptureJsonLines.hex(message.lParam()))
					: Messages.Detail_OpenHandleTip);
		}
		layout(true, true);
		if (message == null) {
			showPayload(null, -1);
		} else {
			showPayload(message.payload(), message.cbData());
		}
	}

	/**
	 * Offers Open in Hex Editor where a message may carry a pid in wParam and an address in
	 * lParam, as the registered-message protocols do; whether the process lives is the opener's to find.
	 */
	public void setMemoryOpener(Consumer<CapturedMessage> opener) {
		memoryOpener = opener;
		show(message);
	}

	/** @return whether a pid and an address, or a handle of a known process, may be in wParam and lParam */
	static boolean mayOpen(CapturedMessage m) {
		return mayPointIntoMemory(m) || !MessageHandles.candidates(m).isEmpty();
	}

	/** @return whether wParam may be a pid (a positive 32-bit number) and lParam an address, for a message other than WM_COPYDATA */
	static boolean mayPointIntoMemory(CapturedMessage m) {
		return !m.isCopyData() && m.wParam() > 0 && m.wParam() <= 0xffff_ffffL && m.lParam() != 0;
	}

	/**
	 * Offers both things the shown message may stand for, when it is still {@code m}.
	 *
	 * @return whether they are offered (false when another message is shown by now)
	 */
	boolean offerChoice(CapturedMessage m, String firstLabel, Runnable openFirst, String secondLabel,
			Runnable openSecond) {
		if (m != message || isDisposed()) {
			return false;
		}
		choice.offer(firstLabel, openFirst, secondLabel, openSecond);
		return true;
	}

	MeaningChoice choice() {
		return choice;
	}

	public Button openMemoryButton() {
		return openMemory;
	}

	/** @return kind, name and number, wParam, lParam, sender and result of a message, in one line */
	static String fieldsText(CapturedMessage m) {
		String sender;
		if (m.senderThread() >= 0) {
			sender = NLS.bind(Messages.Detail_Sender, Long.toString(m.senderThread()));
			if (m.senderPid() >= 0) {
				sender += ", " + NLS.bind(Messages.Detail_SenderPid, Long.toString(m.senderPid())); //$NON-NLS-1$
			}
		} else if (m.senderPid() >= 0) {
			sender = NLS.bind(Messages.Detail_SenderPid, Long.toString(m.senderPid()));
		} else {
			sender = Messages.Detail_SenderUnknown;
		}
		String result = m.result() == CapturedMessage.UNKNOWN_RESULT ? Messages.Detail_ResultUnknown
				: Long.toString(m.result());
		return NLS.bind(Messages.Detail_Fields,
				new Object[] { m.kind().id(), Printable.escape(m.displayName()), WindowMessages.hex(m.message()),
						param(m.wParam()), param(m.lParam()), sender, result });
	}

	private static String param(long value) {
		return CaptureJsonLines.hex(value) + " (" + Long.toUnsignedString(value) + ")"; //$NON-NLS-1$ //$NON-NLS-2$
	}

	/**
	 * @param bytes      the payload kept, or null for no selection
	 * @param movedBytes bytes moved, of which {@code bytes} are the first (more when a cap cut them)
	 */
	public void showPayload(byte[] bytes, long movedBytes) {
		payload = bytes == null ? new byte[0] : bytes;
		moved = bytes == null ? -1 : movedBytes;
		hex.setBytes(payload);
		if (bytes == null) {
			summary.setText(Messages.View_NoSelection);
		}
		showText();
	}

	private void showText() {
		if (moved < 0) {
			decoded.setText(""); //$NON-NLS-1$
			return;
		}
		PayloadDecoding decoding = decoding();
		String text = decoding.decode(payload, DECODE_LIMIT);
		if (payload.length > DECODE_LIMIT) {
			text += NLS.bind(Messages.View_DecodedCut, payload.length - DECODE_LIMIT);
		}
		decoded.setText(text);
		String base = payload.length < moved ? NLS.bind(Messages.View_PayloadTruncated, payload.length, moved)
				: NLS.bind(Messages.View_PayloadSize, moved);
		if (decoding == PayloadDecoding.AUTO) {
			PayloadDecoding.Detection detection = PayloadDecoding.detect(payload);
			String found = detection.reason() == PayloadDecoding.Reason.BINARY ? reason(detection.reason())
					: label(detection.decoding()) + " (" + reason(detection.reason()) + ")"; //$NON-NLS-1$ //$NON-NLS-2$
			base += "  |  " + NLS.bind(Messages.View_Detected, found); //$NON-NLS-1$
		}
		summary.setText(message != null && !message.isCopyData() ? Messages.Detail_NoPayload : base);
		summary.getParent().layout(new org.eclipse.swt.widgets.Control[] { summary });
	}

	public PayloadDecoding decoding() {
		return DECODINGS[Math.max(0, decoder.getSelectionIndex())];
	}

	public void setDecoding(PayloadDecoding decoding) {
		for (int i = 0; i < DECODINGS.length; i++) {
			if (DECODINGS[i] == decoding) {
				decoder.select(i);
			}
		}
		showText();
	}

	static String label(PayloadDecoding decoding) {
		return switch (decoding) {
		case AUTO -> Messages.View_DecoderAuto;
		case ASCII -> "ASCII"; //$NON-NLS-1$
		case UTF_8 -> "UTF-8"; //$NON-NLS-1$
		case UTF_16LE -> "UTF-16LE"; //$NON-NLS-1$
		};
	}

	private static String reason(PayloadDecoding.Reason reason) {
		return switch (reason) {
		case EMPTY -> Messages.Reason_EMPTY;
		case BOM -> Messages.Reason_BOM;
		case NUL_PATTERN -> Messages.Reason_NUL_PATTERN;
		case ASCII_ONLY -> Messages.Reason_ASCII_ONLY;
		case VALID_UTF8 -> Messages.Reason_VALID_UTF8;
		case BINARY -> Messages.Reason_BINARY;
		};
	}

	public HexDumpView hexView() {
		return hex;
	}

	public Text decodedText() {
		return decoded;
	}

	public Label fields() {
		return fields;
	}

	public Label summary() {
		return summary;
	}

	CapturedMessage message() {
		return message;
	}
}
