package org.ipcscope.linux.internal;

import org.ipcscope.core.KindCollector;

/** Finds the objects of some kinds, using the process table read once per refresh. */
interface Collector extends KindCollector<ProcessTable> {
}
