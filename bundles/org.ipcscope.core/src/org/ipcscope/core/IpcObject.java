package org.ipcscope.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One IPC object as a provider saw it at one moment. Immutable.
 *
 * @param kind      what it is
 * @param name      the name as users write it ({@code Local\foo}, {@code /foo}, a SysV key)
 * @param namespace where the name lives ({@code Local}, {@code Global}, {@code Session 2},
 *                  {@code /dev/shm}, {@code SysV})
 * @param size      size in bytes, or {@link #UNKNOWN_SIZE}
 * @param details   further facts in display order (owner, permissions, attributes...)
 * @param owners    the processes holding it, as far as they could be found
 * @param problem   why some facts are missing (for example "size unknown: access denied"),
 *                  or {@code null} when everything could be read
 */
public record IpcObject(IpcKind kind, String name, String namespace, long size, Map<String, String> details,
		List<Owner> owners, String problem) {

	public static final long UNKNOWN_SIZE = -1;

	public IpcObject {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(namespace, "namespace");
		details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
		owners = List.copyOf(owners);
	}

	public IpcObject(IpcKind kind, String name, String namespace, long size, Map<String, String> details,
			String problem) {
		this(kind, name, namespace, size, details, List.of(), problem);
	}

	public IpcObject(IpcKind kind, String name, String namespace, long size, Map<String, String> details) {
		this(kind, name, namespace, size, details, List.of(), null);
	}

	/** @return a copy that says why some facts are missing */
	public IpcObject withProblem(String newProblem) {
		return new IpcObject(kind, name, namespace, size, details, owners, newProblem);
	}

	/** @return a copy with these owners */
	public IpcObject withOwners(List<Owner> newOwners) {
		return new IpcObject(kind, name, namespace, size, details, newOwners, problem);
	}

	public boolean hasSize() {
		return size != UNKNOWN_SIZE;
	}

	/**
	 * Detail naming the kernel object where one name stands for several objects: a listening
	 * socket and the connections accepted on it share their address.
	 */
	public static final String INODE = "Inode";

	/** A key that identifies the same object across refreshes. */
	public String identity() {
		String inode = details.get(INODE);
		return kind.id() + '|' + namespace + '|' + name + (inode == null ? "" : '|' + inode);
	}
}
