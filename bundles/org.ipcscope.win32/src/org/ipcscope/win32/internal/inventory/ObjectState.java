package org.ipcscope.win32.internal.inventory;

import java.util.Map;

/**
 * What was learnt about one named object by opening it: its size (sections only) and its facts
 * in display order.
 */
record ObjectState(long size, Map<String, String> details) {
}
