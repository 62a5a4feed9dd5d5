package org.ipcscope.win32.internal.inventory;

import java.util.LinkedHashMap;
import java.util.Map;

import org.ipcscope.win32.internal.nt.PipeLocalInformation;

import com.sun.jna.Native;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.WinBase;
import com.sun.jna.platform.win32.WinDef.ULONGByReference;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.ptr.IntByReference;

/**
 * What only a client of a named pipe can learn: the server's process, the pipe's type and buffer
 * sizes. Never part of a listing: asking CONNECTS AS A CLIENT. The server sees a client come and
 * go, one free instance is taken while asking, and servers that treat an empty connection as an
 * error log one or stop (osquery #4280). Call it only when the user asks, and say so where they ask.
 * The connection asks for FILE_READ_ATTRIBUTES only, so no data is read or written.
 */
final class NamedPipeClientDetails {

	static final String SERVER_PID = "Server pid";
	static final String TYPE = "Type";
	static final String OUT_BUFFER = "Server out buffer";
	static final String IN_BUFFER = "Server in buffer";
	static final String MAX_INSTANCES = "Max instances";
	static final String INSTANCES = "Instances";

	private static final int FILE_READ_ATTRIBUTES = 0x80;
	private static final int PIPE_TYPE_MESSAGE = 0x4;
	private static final int ERROR_PIPE_BUSY = 231;

	private NamedPipeClientDetails() {
	}

	/**
	 * @param pipeName the name inside the pipe device, without {@code \\.\pipe\}
	 * @return the details in display order
	 * @throws IllegalStateException with the reason when the pipe cannot be connected to (busy, gone,
	 *                               access denied); the message is fit to show
	 */
	static Map<String, String> query(String pipeName) {
		HANDLE pipe = Kernel32.INSTANCE.CreateFile("\\\\.\\pipe\\" + pipeName, FILE_READ_ATTRIBUTES,
				WinNT.FILE_SHARE_READ | WinNT.FILE_SHARE_WRITE, null, WinNT.OPEN_EXISTING, 0, null);
		if (WinBase.INVALID_HANDLE_VALUE.equals(pipe)) {
			int error = Native.getLastError();
			throw new IllegalStateException(error == ERROR_PIPE_BUSY ? "every instance is busy with a client"
					: "cannot connect: error " + error);
		}
		try {
			return details(pipe);
		} finally {
			Kernel32.INSTANCE.CloseHandle(pipe);
		}
	}

	private static Map<String, String> details(HANDLE pipe) {
		Map<String, String> details = new LinkedHashMap<>();
		ULONGByReference server = new ULONGByReference();
		details.put(SERVER_PID, Kernel32.INSTANCE.GetNamedPipeServerProcessId(pipe, server)
				? Long.toString(server.getValue().longValue())
				: "unknown");
		IntByReference flags = new IntByReference();
		IntByReference out = new IntByReference();
		IntByReference in = new IntByReference();
		IntByReference max = new IntByReference();
		if (Kernel32.INSTANCE.GetNamedPipeInfo(pipe, flags, out, in, max)) {
			details.put(TYPE, (flags.getValue() & PIPE_TYPE_MESSAGE) != 0 ? "message" : "byte");
			details.put(OUT_BUFFER, out.getValue() + " bytes");
			details.put(IN_BUFFER, in.getValue() + " bytes");
			details.put(MAX_INSTANCES, PipeLocalInformation.describeInstances(Integer.toUnsignedLong(max.getValue())));
		}
		IntByReference instances = new IntByReference();
		if (Kernel32.INSTANCE.GetNamedPipeHandleState(pipe, null, instances, null, null, null, 0)) {
			details.put(INSTANCES, Integer.toString(instances.getValue()));
		}
		return details;
	}
}
