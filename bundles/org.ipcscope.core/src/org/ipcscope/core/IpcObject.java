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
 * @param values    the details' facts for programs, under their own keys ({@code uid}, {@code peerPid}...):
 *                  each a {@link String}, a {@link Boolean}, an integral {@link Number} or a {@link List}
 *                  of integral numbers; written as JSON values, never shown
 */
public record IpcObject(IpcKind kind, String name, String namespace, long size, Map<String, String> details,
		List<Owner> owners, String problem, Map<String, Object> values) {

	public static final long UNKNOWN_SIZE = -1;

	public IpcObject {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(namespace, "namespace");
		details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
		owners = List.copyOf(owners);
		values = checkedValues(values);
	}

	public IpcObject(IpcKind kind, String name, String namespace, long size, Map<String, String> details,
			List<Owner> owners, String problem) {
		this(kind, name, namespace, size, details, owners, problem, Map.of());
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
		return new IpcObject(kind, name, namespace, size, details, owners, newProblem, values);
	}

	/** @return a copy with these owners */
	public IpcObject withOwners(List<Owner> newOwners) {
		return new IpcObject(kind, name, namespace, size, details, newOwners, problem, values);
	}

	/** @return a copy with these machine-readable values */
	public IpcObject withValues(Map<String, Object> newValues) {
		return new IpcObject(kind, name, namespace, size, details, owners, problem, newValues);
	}

	private static Map<String, Object> checkedValues(Map<String, Object> values) {
		Map<String, Object> copy = new LinkedHashMap<>();
		values.forEach((key, value) -> {
			Object kept = value instanceof List<?> list ? List.copyOf(list) : value;
			// JSON writers and readers rely on these types only: a wrong one is a provider's bug, found here
			if (!(kept instanceof String || kept instanceof Boolean || isIntegral(kept)
					|| kept instanceof List<?> numbers && numbers.stream().allMatch(IpcObject::isIntegral))) {
				throw new IllegalArgumentException("value " + key + " is not a string, boolean, integer or list of integers: " + value);
			}
			copy.put(Objects.requireNonNull(key, "key"), kept);
		});
		return Collections.unmodifiableMap(copy);
	}

	private static boolean isIntegral(Object value) {
		return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte;
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
