package org.ipcscope.ui.sniff.internal;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.ipcscope.core.sniff.CapturedMessage;
import org.ipcscope.ui.hex.HexDumpView;

/** The selected message's payload: its bytes in hex beside them decoded as text. */
final class MessageDetailPane extends Composite {

	/** Bytes decoded into the text pane at most; the hex pane shows all of them. */
	static final int DECODE_LIMIT = 64 * 1024;
	private static final PayloadDecoding[] DECODINGS = { PayloadDecoding.AUTO, PayloadDecoding.ASCII,
			PayloadDecoding.UTF_8, PayloadDecoding.UTF_16LE };

	private final Combo decoder;
	private final Label summary;
	private final HexDumpView hex;
	private final Text decoded;
	private CapturedMessage message;

	MessageDetailPane(Composite parent) {
		super(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(3).applyTo(this);
		new Label(this, SWT.NONE).setText(Messages.View_Decoder);
		decoder = new Combo(this, SWT.READ_ONLY);
		decoder.setItems(Messages.View_DecoderAuto, "ASCII", "UTF-8", "UTF-16LE");
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
		hex.setBytes(message == null ? new byte[0] : message.payload());
		if (message == null) {
			summary.setText(Messages.View_NoSelection);
		} else if (message.isTruncated()) {
			summary.setText(NLS.bind(Messages.View_PayloadTruncated, message.payload().length, message.cbData()));
		} else {
			summary.setText(NLS.bind(Messages.View_PayloadSize, message.cbData()));
		}
		showText();
	}

	private void showText() {
		if (message == null) {
			decoded.setText("");
			return;
		}
		byte[] payload = message.payload();
		PayloadDecoding decoding = decoding();
		String text = decoding.decode(payload, DECODE_LIMIT);
		if (payload.length > DECODE_LIMIT) {
			text += NLS.bind(Messages.View_DecodedCut, payload.length - DECODE_LIMIT);
		}
		decoded.setText(text);
		String base = message.isTruncated()
				? NLS.bind(Messages.View_PayloadTruncated, payload.length, message.cbData())
				: NLS.bind(Messages.View_PayloadSize, message.cbData());
		if (decoding == PayloadDecoding.AUTO) {
			PayloadDecoding.Detection detection = PayloadDecoding.detect(payload);
			String found = detection.reason() == PayloadDecoding.Reason.BINARY ? reason(detection.reason())
					: label(detection.decoding()) + " (" + reason(detection.reason()) + ")";
			base += "  |  " + NLS.bind(Messages.View_Detected, found);
		}
		summary.setText(base);
		summary.getParent().layout(new org.eclipse.swt.widgets.Control[] { summary });
	}

	PayloadDecoding decoding() {
		return DECODINGS[Math.max(0, decoder.getSelectionIndex())];
	}

	void setDecoding(PayloadDecoding decoding) {
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
		case ASCII -> "ASCII";
		case UTF_8 -> "UTF-8";
		case UTF_16LE -> "UTF-16LE";
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

	HexDumpView hexView() {
		return hex;
	}

	Text decodedText() {
		return decoded;
	}

	Label summary() {
		return summary;
	}

	CapturedMessage message() {
		return message;
	}
}
