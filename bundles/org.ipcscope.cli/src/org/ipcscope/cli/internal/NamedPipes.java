package org.ipcscope.cli.internal;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.ClosedChannelException;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.AccCtrl;
import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;

/**
 * The Windows named pipe a resident server listens on ({@link PipeServer}): only this user may
 * open it or add instances (its DACL names this user alone, and this user owns it), the first
 * instance is made with {@code FILE_FLAG_FIRST_PIPE_INSTANCE} and checked to be a new pipe of
 * this user's (a name someone else holds already is refused, never shared), and remote clients
 * are rejected.
 */
final class NamedPipes {

	private static final int PIPE_ACCESS_DUPLEX = 0x3;
	private static final int FILE_FLAG_FIRST_PIPE_INSTANCE = 0x00080000;
	private static final int PIPE_REJECT_REMOTE_CLIENTS = 0x8;
	private static final int PIPE_UNLIMITED_INSTANCES = 255;
	private static final int BUFFER = 64 << 10;
	private static final int SDDL_REVISION_1 = 1;

	/** advapi32's SDDL parser, which jna-platform does not map. */
	private interface Sddl extends StdCallLibrary {
		Sddl INSTANCE = Native.load("advapi32", Sddl.class, W32APIOptions.UNICODE_OPTIONS);

		boolean ConvertStringSecurityDescriptorToSecurityDescriptor(String sddl, int revision, PointerByReference descriptor,
				IntByReference size);
	}

	/** What jna-platform's Kernel32 does not map. */
	private interface Io extends StdCallLibrary {
		Io INSTANCE = Native.load("kernel32", Io.class, W32APIOptions.DEFAULT_OPTIONS);

		boolean CancelIoEx(WinNT.HANDLE file, Pointer overlapped);
	}

	private final String name;
	private final String sid;
	private final WinBase.SECURITY_ATTRIBUTES attributes = new WinBase.SECURITY_ATTRIBUTES();
	private boolean first = true;

	/** @throws IOException if this user's SID or the security descriptor cannot be had */
	NamedPipes(String name) throws IOException {
		this.name = name;
		this.sid = userSid();
		// owned by this user, access for this user only, not inherited from anywhere (P)
		String sddl = "O:" + sid + "D:P(A;;GA;;;" + sid + ")";
		PointerByReference descriptor = new PointerByReference();
		if (!Sddl.INSTANCE.ConvertStringSecurityDescriptorToSecurityDescriptor(sddl, SDDL_REVISION_1, descriptor, null)) {
			throw new IOException("cannot make the pipe's security descriptor: error " + Native.getLastError());
		}
		// kept for the server's life (LocalFree never: every instance uses it)
		attributes.lpSecurityDescriptor = descriptor.getValue();
		attributes.bInheritHandle = false;
	}

	/** The SID of the user this process runs as, as S-1-5-... */
	static String userSid() throws IOException {
		WinNT.HANDLEByReference token = new WinNT.HANDLEByReference();
		if (!Advapi32.INSTANCE.OpenProcessToken(Kernel32.INSTANCE.GetCurrentProcess(),
				WinNT.TOKEN_QUERY, token)) {
			throw new IOException("cannot open this process's token: error " + Native.getLastError());
		}
		try {
			return Advapi32Util.getTokenAccount(token.getValue()).sidString;
		} finally {
			Kernel32.INSTANCE.CloseHandle(token.getValue());
		}
	}

	/**
	 * A new instance of the pipe, not yet connected.
	 *
	 * @throws IOException for the first instance if the name exists already (another server, or
	 *                     another program squatting on it), else if no instance can be made
	 */
	WinNT.HANDLE create() throws IOException {
		int open = PIPE_ACCESS_DUPLEX | (first ? FILE_FLAG_FIRST_PIPE_INSTANCE : 0);
		WinNT.HANDLE pipe = Kernel32.INSTANCE.CreateNamedPipe(name, open,
				WinBase.PIPE_TYPE_BYTE | WinBase.PIPE_READMODE_BYTE | WinBase.PIPE_WAIT | PIPE_REJECT_REMOTE_CLIENTS,
				PIPE_UNLIMITED_INSTANCES, BUFFER, BUFFER, 0, attributes);
		if (WinBase.INVALID_HANDLE_VALUE.equals(pipe)) {
			int error = Native.getLastError();
			throw new IOException(first && (error == WinError.ERROR_ACCESS_DENIED || error == WinError.ERROR_PIPE_BUSY)
					? "the pipe exists already: another server, or another program holding its name (error " + error + ")"
					: "cannot make an instance of the pipe: error " + error);
		}
		if (first) {
			String squatter = notOursAlone(pipe);
			if (squatter != null) {
				Kernel32.INSTANCE.CloseHandle(pipe);
				throw new IOException("the pipe exists already: another program holds its name (" + squatter + ")");
			}
		}
		first = false;
		return pipe;
	}

	/**
	 * Why the first instance is not a new pipe of ours, or {@code null} if it is. Windows refuses
	 * the name outright (FILE_FLAG_FIRST_PIPE_INSTANCE); Wine 8 ignores that flag and adds an
	 * instance to the pipe that holds the name, with that pipe's owner and DACL: asked here.
	 */
	private String notOursAlone(WinNT.HANDLE pipe) {
		PointerByReference owner = new PointerByReference();
		PointerByReference descriptor = new PointerByReference();
		int error = Advapi32.INSTANCE.GetSecurityInfo(pipe, AccCtrl.SE_OBJECT_TYPE.SE_KERNEL_OBJECT,
				WinNT.OWNER_SECURITY_INFORMATION, owner, null, null, null, descriptor);
		if (error != WinError.ERROR_SUCCESS) {
			return "its owner is unreadable: error " + error;
		}
		try {
			String ownerSid = Advapi32Util.convertSidToStringSid(new WinNT.PSID(owner.getValue()));
			if (!ownerSid.equals(sid)) {
				return "owner " + ownerSid;
			}
		} finally {
			Kernel32.INSTANCE.LocalFree(descriptor.getValue());
		}
		IntByReference instances = new IntByReference();
		if (!Kernel32.INSTANCE.GetNamedPipeHandleState(pipe, null, instances, null, null, null, 0)) {
			return "its instances cannot be counted: error " + Native.getLastError();
		}
		return instances.getValue() == 1 ? null : instances.getValue() + " instances";
	}

	/**
	 * Waits for a client on {@code pipe}.
	 *
	 * @return whether one is connected; {@code false} when one came and went before (the instance
	 *         is of no more use: close it)
	 */
	static boolean connect(WinNT.HANDLE pipe) throws IOException {
		if (Kernel32.INSTANCE.ConnectNamedPipe(pipe, null)) {
			return true;
		}
		int error = Native.getLastError();
		if (error == WinError.ERROR_PIPE_CONNECTED) {
			return true;
		}
		if (error == WinError.ERROR_NO_DATA) {
			return false;
		}
		throw new IOException("ConnectNamedPipe failed: error " + error);
	}

	/** A connected instance as a channel for {@link DaemonProtocol}; closing it disconnects the client. */
	static final class Connection implements ByteChannel {

		private final WinNT.HANDLE pipe;
		private volatile boolean open = true;

		Connection(WinNT.HANDLE pipe) {
			this.pipe = pipe;
		}

		@Override
		public int read(ByteBuffer target) throws IOException {
			check();
			int length = Math.min(target.remaining(), BUFFER);
			byte[] buffer = new byte[length];
			IntByReference read = new IntByReference();
			if (!Kernel32.INSTANCE.ReadFile(pipe, buffer, length, read, null)) {
				int error = Native.getLastError();
				if (error == WinError.ERROR_BROKEN_PIPE || error == WinError.ERROR_PIPE_NOT_CONNECTED) {
					return -1;
				}
				throw new IOException("ReadFile failed: error " + error);
			}
			target.put(buffer, 0, read.getValue());
			return read.getValue();
		}

		@Override
		public int write(ByteBuffer source) throws IOException {
			check();
			int length = Math.min(source.remaining(), BUFFER);
			byte[] bytes = new byte[length];
			source.get(bytes);
			IntByReference written = new IntByReference();
			if (!Kernel32.INSTANCE.WriteFile(pipe, bytes, length, written, null)) {
				throw new EOFException("WriteFile failed: error " + Native.getLastError());
			}
			source.position(source.position() - length + written.getValue());
			return written.getValue();
		}

		/** The client's process, for the log. */
		long clientPid() {
			com.sun.jna.platform.win32.WinDef.ULONGByReference pid = new com.sun.jna.platform.win32.WinDef.ULONGByReference();
			return Kernel32.INSTANCE.GetNamedPipeClientProcessId(pipe, pid) ? pid.getValue().longValue() : -1;
		}

		/** Ends a transfer another thread is blocked in (the transfer's deadline). */
		void cancel() {
			Io.INSTANCE.CancelIoEx(pipe, Pointer.NULL);
			open = false;
		}

		private void check() throws ClosedChannelException {
			if (!open) {
				throw new ClosedChannelException();
			}
		}

		@Override
		public boolean isOpen() {
			return open;
		}

		@Override
		public void close() {
			open = false;
			// the reply is all in the pipe's buffer or read: the client has it before the instance goes
			Kernel32.INSTANCE.FlushFileBuffers(pipe);
			Kernel32.INSTANCE.DisconnectNamedPipe(pipe);
			Kernel32.INSTANCE.CloseHandle(pipe);
		}
	}
}
