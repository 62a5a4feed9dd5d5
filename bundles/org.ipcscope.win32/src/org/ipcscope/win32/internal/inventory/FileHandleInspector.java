package org.ipcscope.win32.internal.inventory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.ipcscope.win32.internal.nt.DeviceInformation;
import org.ipcscope.win32.internal.nt.KillableCalls;
import org.ipcscope.win32.internal.nt.MailslotInformation;
import org.ipcscope.win32.internal.nt.NtDllFunctions;
import org.ipcscope.win32.internal.nt.NtStatus;
import org.ipcscope.win32.internal.nt.ObjectInformation;
import org.ipcscope.win32.internal.nt.PipeLocalInformation;
import org.ipcscope.win32.internal.nt.ProcessHandles;
import org.ipcscope.win32.internal.nt.SystemHandle;
import org.ipcscope.win32.internal.nt.UnicodeStringDecoder;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.WinNT.HANDLE;

/**
 * Finds which File handles are pipes or mailslots and asks them their name and state, every
 * question on a {@link KillableCalls} thread: on Windows each of them waits for the file
 * object's lock, which a server sitting in a synchronous ConnectNamedPipe holds for ever. The
 * device type is asked first (FileFsDeviceInformation, answered by the I/O manager itself), so
 * that disk files are never asked their name. A handle that did not answer is skipped in later
 * refreshes while it stays open, so that a stuck pipe costs one timeout, not one per refresh.
 */
class FileHandleInspector {

	static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);

	private static final int IO_STATUS_BLOCK = 16;
	private static final int NAME_BUFFER = 2048;
	private static final int MAX_NAME_BUFFER = 1 << 16;

	/** Identifies a handle across refreshes; the access makes a reused handle value unlikely to match. */
	private record Key(long pid, long handle, int access) {
		static Key of(SystemHandle handle) {
			return new Key(handle.pid(), handle.handle(), handle.grantedAccess());
		}
	}

	private final Duration perCall;
	private final Set<Key> unanswered = ConcurrentHashMap.newKeySet();

	FileHandleInspector(Duration perCall) {
		this.perCall = perCall;
	}

	FileHandles inspect(List<SystemHandle> fileHandles, ProcessHandles processes) {
		List<String> problems = new ArrayList<>();
		List<Copy> copies = copies(fileHandles, processes, problems);
		try {
			KillableCalls calls = new KillableCalls(perCall);
			List<Copy> devices = pipesAndMailslots(copies, calls, problems);
			List<Copy> named = names(devices, calls, problems);
			return new FileHandles(states(named, calls), problems);
		} finally {
			copies.forEach(c -> ProcessHandles.close(c.handle));
		}
	}

	/** One handle copied into this process, and what has been learnt through it. */
	private static final class Copy {
		final SystemHandle original;
		final HANDLE handle;
		String name;

		Copy(SystemHandle original, HANDLE handle) {
			this.original = original;
			this.handle = handle;
		}
	}

	private List<Copy> copies(List<SystemHandle> fileHandles, ProcessHandles processes, List<String> problems) {
		Set<Key> present = new HashSet<>();
		List<SystemHandle> skipped = new ArrayList<>();
		List<Copy> copies = new ArrayList<>();
		for (SystemHandle handle : fileHandles) {
			Key key = Key.of(handle);
			present.add(key);
			if (unanswered.contains(key)) {
				skipped.add(handle);
				continue;
			}
			HANDLE copy = processes.duplicate(handle);
			if (copy != null) {
				copies.add(new Copy(handle, copy));
			}
		}
		// Closed handles are forgotten, so a new handle with an old value gets asked again.
		unanswered.retainAll(present);
		if (!skipped.isEmpty()) {
			problems.add(leftOut(skipped, "did not answer in an earlier refresh"));
		}
		return copies;
	}

	private List<Copy> pipesAndMailslots(List<Copy> copies, KillableCalls calls, List<String> problems) {
		int slot = IO_STATUS_BLOCK + DeviceInformation.SIZE;
		Memory memory = memory(copies.size(), slot);
		List<KillableCalls.Call> batch = new ArrayList<>(copies.size());
		for (int i = 0; i < copies.size(); i++) {
			Pointer at = memory.share((long) i * slot);
			batch.add(deviceQuery(copies.get(i).handle, at, at.share(IO_STATUS_BLOCK)));
		}
		int[] status = calls.run(batch);
		List<Copy> kept = new ArrayList<>();
		List<SystemHandle> stuck = new ArrayList<>();
		for (int i = 0; i < copies.size(); i++) {
			if (status[i] == KillableCalls.TIMED_OUT) {
				stuck.add(copies.get(i).original);
			} else if (NtStatus.isSuccess(status[i]) && DeviceInformation
					.decode(memory.getByteBuffer((long) i * slot + IO_STATUS_BLOCK, DeviceInformation.SIZE))
					.isPipeOrMailslot()) {
				kept.add(copies.get(i));
			}
		}
		remember(stuck, "device type", problems);
		return kept;
	}

	private List<Copy> names(List<Copy> copies, KillableCalls calls, List<String> problems) {
		List<Copy> pending = copies;
		List<Copy> named = new ArrayList<>();
		int size = NAME_BUFFER;
		while (!pending.isEmpty()) {
			int slot = 8 + size;
			Memory memory = memory(pending.size(), slot);
			List<KillableCalls.Call> batch = new ArrayList<>(pending.size());
			for (int i = 0; i < pending.size(); i++) {
				Pointer at = memory.share((long) i * slot);
				batch.add(nameQuery(pending.get(i).handle, at.share(8), size, at));
			}
			int[] status = calls.run(batch);
			List<Copy> larger = new ArrayList<>();
			List<SystemHandle> stuck = new ArrayList<>();
			for (int i = 0; i < pending.size(); i++) {
				Copy copy = pending.get(i);
				long at = (long) i * slot;
				if (status[i] == KillableCalls.TIMED_OUT) {
					stuck.add(copy.original);
				} else if (ObjectInformation.isTooSmall(status[i]) && size < MAX_NAME_BUFFER) {
					larger.add(copy);
				} else if (NtStatus.isSuccess(status[i])) {
					copy.name = UnicodeStringDecoder.decode(memory.getByteBuffer(at + 8, size), 0,
							Pointer.nativeValue(memory) + at + 8);
					named.add(copy);
				}
			}
			remember(stuck, "name", problems);
			pending = larger;
			size = MAX_NAME_BUFFER;
		}
		return named;
	}

	/** Pipe and mailslot state; a handle that does not answer still counts, named but stateless. */
	private List<FileHandle> states(List<Copy> copies, KillableCalls calls) {
		int slot = IO_STATUS_BLOCK + PipeLocalInformation.SIZE;
		Memory memory = memory(copies.size(), slot);
		List<KillableCalls.Call> batch = new ArrayList<>(copies.size());
		for (int i = 0; i < copies.size(); i++) {
			Copy copy = copies.get(i);
			Pointer at = memory.share((long) i * slot);
			boolean mailslot = new FileHandle(copy.original, copy.name, null, null).mailslotName() != null;
			batch.add(fileQuery(copy.handle, at, at.share(IO_STATUS_BLOCK),
					mailslot ? MailslotInformation.SIZE : PipeLocalInformation.SIZE,
					mailslot ? NtDllFunctions.FILE_MAILSLOT_QUERY_INFORMATION : NtDllFunctions.FILE_PIPE_LOCAL_INFORMATION));
		}
		int[] status = calls.run(batch);
		List<FileHandle> handles = new ArrayList<>(copies.size());
		for (int i = 0; i < copies.size(); i++) {
			Copy copy = copies.get(i);
			FileHandle bare = new FileHandle(copy.original, copy.name, null, null);
			long info = (long) i * slot + IO_STATUS_BLOCK;
			if (!NtStatus.isSuccess(status[i])) {
				handles.add(bare);
			} else if (bare.mailslotName() != null) {
				handles.add(new FileHandle(copy.original, copy.name, null,
						MailslotInformation.decode(memory.getByteBuffer(info, MailslotInformation.SIZE))));
			} else {
				handles.add(new FileHandle(copy.original, copy.name,
						PipeLocalInformation.decode(memory.getByteBuffer(info, PipeLocalInformation.SIZE)), null));
			}
		}
		return handles;
	}

	/** NtQueryVolumeInformationFile(handle, iosb, buffer, 8, FileFsDeviceInformation). */
	KillableCalls.Call deviceQuery(HANDLE handle, Pointer ioStatus, Pointer buffer) {
		return new KillableCalls.Call(KillableCalls.ntdll("NtQueryVolumeInformationFile"), KillableCalls.address(handle),
				Pointer.nativeValue(ioStatus), Pointer.nativeValue(buffer), DeviceInformation.SIZE,
				NtDllFunctions.FILE_FS_DEVICE_INFORMATION);
	}

	/** NtQueryObject(handle, ObjectNameInformation, buffer, length, returnLength); tests replace it. */
	KillableCalls.Call nameQuery(HANDLE handle, Pointer buffer, int length, Pointer returnLength) {
		return new KillableCalls.Call(KillableCalls.ntdll("NtQueryObject"), KillableCalls.address(handle),
				NtDllFunctions.OBJECT_NAME_INFORMATION, Pointer.nativeValue(buffer), length,
				Pointer.nativeValue(returnLength));
	}

	private static KillableCalls.Call fileQuery(HANDLE handle, Pointer ioStatus, Pointer buffer, int length,
			int informationClass) {
		return new KillableCalls.Call(KillableCalls.ntdll("NtQueryInformationFile"), KillableCalls.address(handle),
				Pointer.nativeValue(ioStatus), Pointer.nativeValue(buffer), length, informationClass);
	}

	private void remember(List<SystemHandle> stuck, String question, List<String> problems) {
		if (!stuck.isEmpty()) {
			stuck.forEach(h -> unanswered.add(Key.of(h)));
			problems.add(leftOut(stuck, "did not tell their " + question + " within " + perCall.toMillis()
					+ " ms (a pipe server waiting in a synchronous call?)"));
		}
	}

	private static String leftOut(List<SystemHandle> handles, String why) {
		StringBuilder text = new StringBuilder("Pipes and mailslots: ").append(handles.size())
				.append(" File handle(s) left out, they ").append(why).append(':');
		for (SystemHandle handle : handles) {
			text.append(" pid ").append(handle.pid()).append(' ').append(handle.describeHandle()).append(';');
		}
		text.setLength(text.length() - 1);
		return text.toString();
	}

	private static Memory memory(int count, int slot) {
		Memory memory = new Memory(Math.max(1, (long) count * slot));
		memory.clear();
		return memory;
	}
}
