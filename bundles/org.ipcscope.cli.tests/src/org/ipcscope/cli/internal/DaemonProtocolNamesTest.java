package org.ipcscope.cli.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.channels.Pipe;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.ipcscope.core.text.NameBytes;
import org.junit.jupiter.api.Test;

/** The server's requests carry arguments and the working directory as bytes, each kept. */
class DaemonProtocolNamesTest {

	@Test
	void argumentsAndTheWorkingDirectoryArriveByteForByte() throws Exception {
		String argument = NameBytes.decode(new byte[] { '/', 'd', (byte) 0xff, (byte) 0xc3, ' ' });
		Path directory = NameBytes.path("/tmp/w\udcfe");
		Pipe pipe = Pipe.open();
		new DaemonProtocol.Request(directory, Map.of("LANG", "C.UTF-8"), List.of("list", "--fifo-dir", argument))
				.write(pipe.sink());
		pipe.sink().close();
		DaemonProtocol.Request read = DaemonProtocol.Request.read(pipe.source());
		assertEquals(List.of("list", "--fifo-dir", argument), read.args());
		assertArrayEquals(new byte[] { '/', 'd', (byte) 0xff, (byte) 0xc3, ' ' }, NameBytes.encode(read.args().get(2)));
		assertEquals(directory, read.workingDirectory());
		assertEquals("/tmp/w\udcfe", NameBytes.name(read.workingDirectory()));
	}
}
