package org.ipcscope.win32.internal.memory;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;
import org.ipcscope.core.memory.MemorySource;
import org.ipcscope.core.memory.MemorySourceProvider;
import org.osgi.service.component.annotations.Component;

import com.sun.jna.Platform;

/** Opens named Windows file mappings (Section objects) of the Local and Global namespaces. */
@Component(service = MemorySourceProvider.class)
public class WindowsMemorySourceProvider implements MemorySourceProvider {

	private static final String LOCAL = "Local";
	private static final String GLOBAL = "Global";

	@Override
	public List<String> namespaces() {
		return List.of(LOCAL, GLOBAL);
	}

	@Override
	public Optional<IpcObject> lookup(String name, String namespace) throws IOException {
		if (!Platform.isWindows()) {
			return Optional.empty();
		}
		String userName = userName(name.trim(), namespace);
		try (SectionMemorySource source = SectionMemorySource.open(userName, false)) {
			String space = userName.startsWith(GLOBAL + "\\") ? GLOBAL : LOCAL;
			return Optional.of(new IpcObject(IpcKind.SECTION, userName, space, source.size(), Map.of()));
		} catch (IOException e) {
			// ERROR_FILE_NOT_FOUND: there is none by that name; anything else is worth telling
			if (e.getMessage().endsWith("error 2")) {
				return Optional.empty();
			}
			throw e;
		}
	}

	/** {@code x} in namespace Global is {@code Global\x}; without a namespace, Local as CreateFileMapping does. */
	static String userName(String name, String namespace) {
		if (name.startsWith(LOCAL + "\\") || name.startsWith(GLOBAL + "\\")) {
			return name;
		}
		return (GLOBAL.equals(namespace) ? GLOBAL : LOCAL) + "\\" + name;
	}

	@Override
	public boolean canOpen(IpcObject object) {
		return object.kind() == IpcKind.SECTION
				&& (object.name().startsWith(LOCAL + "\\") || object.name().startsWith(GLOBAL + "\\"));
	}

	@Override
	public MemorySource open(IpcObject object, boolean writable) throws IOException {
		return SectionMemorySource.open(object.name(), writable);
	}
}
