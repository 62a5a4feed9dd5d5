package org.ipcscope.core.clipboard;

/**
 * A format's content as a person reads it.
 *
 * @param kind    "text", "html", "rtf", "files", "image" or "hex"
 * @param summary one line: what the decoder found (encoding, dimensions, file count...)
 * @param text    the decoded text, the file list, or a hex dump; never {@code null}
 */
public record ClipboardContent(String kind, String summary, String text) {
}
