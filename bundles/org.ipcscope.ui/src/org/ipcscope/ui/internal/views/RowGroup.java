package org.ipcscope.ui.internal.views;

import java.util.List;

import org.ipcscope.core.change.TrackedObject;

/**
 * A group node of the tree.
 *
 * @param key   stable across refreshes, to keep the expansion state ("kind:fifo", "pid:42")
 * @param label what the tree shows
 * @param pid   the process of a process group, else -1
 * @param rows  the objects in it
 */
record RowGroup(String key, String label, long pid, List<TrackedObject> rows) {
}
