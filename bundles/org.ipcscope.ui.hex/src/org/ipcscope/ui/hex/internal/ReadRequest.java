package org.ipcscope.ui.hex.internal;

/**
 * What the view wants read next: set on the UI thread, taken by the read job.
 *
 * @param offset   first byte of the visible rows
 * @param length   bytes of the visible rows
 * @param caret    where the data inspector reads
 * @param auto     whether to refresh periodically
 * @param interval milliseconds between refreshes
 */
record ReadRequest(long offset, int length, long caret, boolean auto, long interval) {
}
