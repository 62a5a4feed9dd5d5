package org.ipcscope.ui.process.internal;

import java.util.function.Function;

/**
 * A column of a filtered table: its title, width in characters, and the text of a row.
 *
 * @param rightAligned numbers are right-aligned
 */
record Column<T>(String title, int chars, boolean rightAligned, Function<T, String> text) {
}
