package org.ipcscope.win32.internal.nt;

/**
 * One open handle of some process, as SystemExtendedHandleInformation lists it.
 *
 * @param object        the kernel address of the object; 0 under Wine, and since Windows 11 24H2
 *                      for callers without SeDebugPrivilege (System Informer #2101), so never the
 *                      only way to match
 * @param pid           the process holding the handle
 * @param handle        the handle's value in that process
 * @param grantedAccess the access mask the handle was granted
 * @param typeIndex     the object type's index, named through {@link ObjectTypeNames}
 */
public record SystemHandle(long object, long pid, long handle, int grantedAccess, int typeIndex) {

	/** @return for example "handle 0x1A4" */
	public String describeHandle() {
		return "handle 0x" + Long.toHexString(handle).toUpperCase();
	}

	/** @return for example "0x0012019F" */
	public String describeAccess() {
		return String.format("0x%08X", grantedAccess);
	}
}
