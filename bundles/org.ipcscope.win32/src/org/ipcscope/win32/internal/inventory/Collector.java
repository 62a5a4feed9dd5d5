package org.ipcscope.win32.internal.inventory;

import org.ipcscope.core.KindCollector;

/** Finds the objects of some kinds, using the handle snapshot taken once per refresh (read on first use). */
interface Collector extends KindCollector<HandleSnapshot> {
}
