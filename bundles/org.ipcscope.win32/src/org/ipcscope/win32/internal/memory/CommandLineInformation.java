package org.ipcscope.win32.internal.memory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.ipcscope.core.process.ProcessAccessException;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.WinNT.HANDLE;
import com.sun.jna.ptr.IntByReference;

/**
 * A process's command line. The Windows way: NtQueryInformationProcess(ProcessCommandLineInformation,
 * 60; Windows 8.1 and later), which PROCESS_QUERY_LIMITED_INFORMATION allows; the answer is a
 * UNICODE_STRING (x64: USHORT Length in bytes, USHORT MaximumLength, 4 bytes of padding, PWSTR
 * Buffer: 16 bytes) whose Buffer points at the characters that follow it in the same block. Where
 * that is not answered (Wine 8, older Windows): the PEB's ProcessParameters->CommandLine, read with
 * PROCESS_QUERY_INFORMATION and PROCESS_VM_READ (x64: ProcessParameters at PEB+0x20, CommandLine, a
 * UNICODE_STRING, at RTL_USER_PROCESS_PARAMETERS+0x70).
 */
final class CommandLineInformation {

	static final int PROCESS_COMMAND_LINE_INFORMATION = 60;
	private static final int STATUS_INFO_LENGTH_MISMATCH = 0xC0000004;
	private static final int HEADER = 16;
	/** As much as is shown: a longer command line is cut. */
	private static final int MAX_CHARS = 4096;

	private CommandLineInformation() {
	}

	static final int PEB_PROCESS_PARAMETERS = 0x20;
	static final int PARAMETERS_COMMAND_LINE = 0x70;

	/** @return the command line, or "" where Windows does not tell it */
	static String of(long pid, HANDLE process) {
		String line = asked(process);
		return line.isEmpty() ? fromPeb(pid) : line;
	}

	private static String asked(HANDLE process) {
		IntByReference needed = new IntByReference();
		Memory probe = new Memory(HEADER);
		int status = ProcessNtFunctions.INSTANCE.NtQueryInformationProcess(process, PROCESS_COMMAND_LINE_INFORMATION,
				probe, HEADER, needed);
		if (status != 0 && status != STATUS_INFO_LENGTH_MISMATCH) {
			return "";
		}
		if (status == 0) {
			return decode(probe.getByteBuffer(0, HEADER), Pointer.nativeValue(probe));
		}
		int length = needed.getValue();
		if (length < HEADER || length > HEADER + 2 * 32768 + 2) {
			return "";
		}
		Memory block = new Memory(length);
		if (ProcessNtFunctions.INSTANCE.NtQueryInformationProcess(process, PROCESS_COMMAND_LINE_INFORMATION, block,
				length, needed) != 0) {
			return "";
		}
		return decode(block.getByteBuffer(0, length), Pointer.nativeValue(block));
	}

	/**
	 * @param block   the answer, as the call wrote it
	 * @param address where the block is in memory: Buffer is an address into it
	 * @return the characters Buffer and Length name, cut at {@link #MAX_CHARS}; "" where they lie outside the block
	 */
	static String decode(ByteBuffer block, long address) {
		ByteBuffer le = block.duplicate().order(ByteOrder.LITTLE_ENDIAN);
		if (le.capacity() < HEADER) {
			return "";
		}
		int bytes = Short.toUnsignedInt(le.getShort(0));
		long buffer = le.getLong(8);
		long offset = buffer - address;
		if (bytes == 0 || offset < HEADER || offset + bytes > le.capacity() || bytes % 2 != 0) {
			return "";
		}
		int chars = Math.min(bytes / 2, MAX_CHARS);
		char[] text = new char[chars];
		for (int i = 0; i < chars; i++) {
			text[i] = le.getChar((int) offset + 2 * i);
		}
		return new String(text);
	}

	/** The fallback: read where the PEB says the parameters are. */
	private static String fromPeb(long pid) {
		try (OpenedProcess process = OpenedProcess.open(pid,
				ProcessFunctions.PROCESS_QUERY_INFORMATION | ProcessFunctions.PROCESS_VM_READ, "reading its command line")) {
			long peb = process.pebAddress();
			long parameters = process.readFully(peb + PEB_PROCESS_PARAMETERS, 8).map(CommandLineInformation::address)
					.orElse(0L);
			if (parameters == 0) {
				return "";
			}
			ByteBuffer header = process.readFully(parameters + PARAMETERS_COMMAND_LINE, HEADER).orElse(null);
			if (header == null) {
				return "";
			}
			ByteBuffer le = header.order(ByteOrder.LITTLE_ENDIAN);
			int bytes = Math.min(Short.toUnsignedInt(le.getShort(0)) & ~1, 2 * MAX_CHARS);
			return process.readFully(le.getLong(8), bytes)
					.map(chars -> new String(chars.array(), 0, bytes, StandardCharsets.UTF_16LE)).orElse("");
		} catch (ProcessAccessException e) {
			return ""; // another user's, a protected process: the list says what it can without it
		}
	}

	private static long address(ByteBuffer eightBytes) {
		return eightBytes.order(ByteOrder.LITTLE_ENDIAN).getLong(0);
	}
}
