package org.ipcscope.ui.internal.views;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.ipcscope.core.DetailProbe;
import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/** Ask Details finds the probe that applies among the registered ones, and none for the rest. */
class AskDetailsHandlerTest {

	private final IpcObject fifo = new IpcObject(IpcKind.FIFO, "/tmp/f", "/tmp", IpcObject.UNKNOWN_SIZE, Map.of());
	private final IpcObject pipe = new IpcObject(IpcKind.NAMED_PIPE, "\\\\.\\pipe\\p", "\\\\.\\pipe", IpcObject.UNKNOWN_SIZE, Map.of());

	@Test
	void findsTheProbeThatApplies() {
		DetailProbe pipes = new DetailProbe() {
			@Override
			public boolean appliesTo(IpcObject object) {
				return object.kind() == IpcKind.NAMED_PIPE;
			}

			@Override
			public String sideEffect(IpcObject object) {
				return "connects";
			}

			@Override
			public Map<String, String> probe(IpcObject object) {
				return Map.of("Server pid", "1");
			}
		};
		ServiceRegistration<DetailProbe> registration = FrameworkUtil.getBundle(AskDetailsHandlerTest.class)
				.getBundleContext().registerService(DetailProbe.class, pipes, null);
		try {
			assertEquals("1", AskDetailsHandler.probeFor(pipe).orElseThrow().probe(pipe).get("Server pid"));
			assertTrue(AskDetailsHandler.probeFor(fifo).isEmpty());
		} finally {
			registration.unregister();
		}
		assertTrue(AskDetailsHandler.probeFor(pipe).isEmpty(), "on Linux no OS bundle registers a probe");
	}
}
