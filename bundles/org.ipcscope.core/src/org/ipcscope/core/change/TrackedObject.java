package org.ipcscope.core.change;

import org.ipcscope.core.IpcObject;

/**
 * An object with its change mark.
 *
 * @param object the object as last seen (for a removed one: before it went)
 * @param change how it changed
 * @param age    refreshes since the change; 0 for the refresh that saw it
 */
public record TrackedObject(IpcObject object, Change change, int age) {
}
