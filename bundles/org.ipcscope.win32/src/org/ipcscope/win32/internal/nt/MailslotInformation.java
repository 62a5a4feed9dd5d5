package org.ipcscope.win32.internal.nt;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * What NtQueryInformationFile(FileMailslotQueryInformation) tells through the mailslot's own
 * (server) handle; unlike a read it takes no message. FILE_MAILSLOT_QUERY_INFORMATION, 24 bytes:
 * {ULONG MaximumMessageSize@0, ULONG MailslotQuota@4, ULONG NextMessageSize@8, ULONG
 * MessagesAvailable@12, LARGE_INTEGER ReadTimeout@16}.
 *
 * @param maximumMessageSize 0 for any size
 * @param nextMessageSize    {@link #NO_MESSAGE} when none is waiting
 */
public record MailslotInformation(long maximumMessageSize, long quota, long nextMessageSize, long messagesAvailable) {

	public static final int SIZE = 24;
	static final long NO_MESSAGE = 0xFFFFFFFFL;

	public static MailslotInformation decode(ByteBuffer buffer) {
		ByteBuffer in = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
		if (in.limit() < SIZE) {
			throw new IllegalArgumentException("FILE_MAILSLOT_QUERY_INFORMATION needs " + SIZE + " bytes, got " + in.limit());
		}
		return new MailslotInformation(Integer.toUnsignedLong(in.getInt(0)), Integer.toUnsignedLong(in.getInt(4)),
				Integer.toUnsignedLong(in.getInt(8)), Integer.toUnsignedLong(in.getInt(12)));
	}

	public String describeMaximumMessageSize() {
		return maximumMessageSize == 0 ? "any" : maximumMessageSize + " bytes";
	}

	public String describeNextMessageSize() {
		return nextMessageSize == NO_MESSAGE ? "none waiting" : nextMessageSize + " bytes";
	}
}
