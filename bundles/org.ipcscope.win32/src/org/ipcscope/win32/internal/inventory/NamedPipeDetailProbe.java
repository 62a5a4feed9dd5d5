package org.ipcscope.win32.internal.inventory;

import java.util.Map;

import org.ipcscope.core.DetailProbe;
import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;
import org.osgi.service.component.annotations.Component;

/** A named pipe's server pid, type and buffers, by connecting as a client: on request only. */
@Component(service = DetailProbe.class)
public class NamedPipeDetailProbe implements DetailProbe {

	private static final String PREFIX = NamedPipeCollector.NAMESPACE + "\\";

	@Override
	public boolean appliesTo(IpcObject object) {
		return object.kind() == IpcKind.NAMED_PIPE && object.name().startsWith(PREFIX);
	}

	@Override
	public String sideEffect(IpcObject object) {
		return "Asking connects to " + object.name() + " as a client and disconnects at once. The server sees a"
				+ " client come and go and one of its free instances is taken meanwhile; servers that treat an empty"
				+ " connection as an error may log it or stop. No data is read or written.";
	}

	@Override
	public Map<String, String> probe(IpcObject object) {
		if (!appliesTo(object)) {
			throw new IllegalStateException(object.name() + " is not a named pipe");
		}
		return NamedPipeClientDetails.query(object.name().substring(PREFIX.length()));
	}
}
