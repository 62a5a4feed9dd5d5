package org.ipcscope.core.hex;

/**
 * One line of the data inspector: a type and the bytes at the caret read as it, in both byte
 * orders. Where the order does not matter both columns are the same.
 */
public record InspectorRow(String type, String littleEndian, String bigEndian) {
}
