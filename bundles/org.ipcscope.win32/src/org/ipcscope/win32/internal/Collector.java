package org.ipcscope.win32.internal;

import java.util.List;
import java.util.Set;

import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;

/** Finds the objects of some kinds, using the handle snapshot taken once per refresh. */
interface Collector {

	Set<IpcKind> kinds();

	/**
	 * @param wanted   the kinds asked for, a non-empty subset of {@link #kinds()}
	 * @param handles  who holds what, read on first use and shared by all collectors
	 * @param out      where found objects go
	 * @param problems where sources that could not be read are told
	 */
	void collect(Set<IpcKind> wanted, HandleSnapshot handles, List<IpcObject> out, List<String> problems);
}
