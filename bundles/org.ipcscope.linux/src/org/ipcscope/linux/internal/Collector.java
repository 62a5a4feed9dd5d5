package org.ipcscope.linux.internal;

import java.util.List;
import java.util.Set;

import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;

/** Finds the objects of some kinds, using the process table read once per refresh. */
interface Collector {

	Set<IpcKind> kinds();

	/**
	 * @param wanted   the kinds asked for, a non-empty subset of {@link #kinds()}
	 * @param out      where found objects go
	 * @param problems where sources that could not be read are told
	 */
	void collect(Set<IpcKind> wanted, ProcessTable processes, List<IpcObject> out, List<String> problems);
}
