package org.ipcscope.win32.internal.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.ipcscope.core.IpcKind;
import org.ipcscope.core.IpcObject;
import org.ipcscope.core.Owner;
import org.ipcscope.core.ProviderResult;
import org.ipcscope.win32.internal.WinHelper;
import org.ipcscope.win32.internal.Wine;

/** Asks the provider and finds objects in its answer, for the tests that run it for real. */
final class Listing {

	private final ProviderResult result;

	private Listing(ProviderResult result) {
		this.result = result;
	}

	static Listing of(WindowsIpcProvider provider, IpcKind first, IpcKind... more) {
		return new Listing(provider.list(EnumSet.of(first, more)));
	}

	static Listing all(WindowsIpcProvider provider) {
		return new Listing(provider.list());
	}

	ProviderResult result() {
		return result;
	}

	List<IpcObject> objects() {
		return result.objects();
	}

	/** Wine denies nothing and lists everything: any problem there is a bug. */
	Listing withoutProblemsUnderWine() {
		if (Wine.isWine()) {
			assertEquals(List.of(), result.problems(), "problems");
		}
		return this;
	}

	IpcObject find(IpcKind kind, String name) {
		List<IpcObject> found = result.objects().stream().filter(o -> o.kind() == kind && o.name().equals(name))
				.toList();
		assertEquals(1, found.size(), () -> kind + " " + name + " listed " + found.size() + " times among "
				+ result.objects().stream().filter(o -> o.kind() == kind).map(IpcObject::name).toList());
		return found.get(0);
	}

	boolean contains(IpcKind kind, String name) {
		return result.objects().stream().anyMatch(o -> o.kind() == kind && o.name().equals(name));
	}

	static Owner ownerWithPid(IpcObject object, long pid) {
		List<Owner> owners = object.owners().stream().filter(o -> o.pid() == pid).toList();
		assertTrue(!owners.isEmpty(), () -> object.name() + ": no owner with pid " + pid + " in " + object.owners());
		return owners.get(0);
	}

	static void assertOwnedBy(IpcObject object, WinHelper helper) {
		Owner owner = ownerWithPid(object, helper.pid());
		assertEquals("win_ipc_helper.exe", owner.process(), "owner's image name");
		assertTrue(owner.handle().startsWith("handle 0x"), owner.handle());
		assertTrue(owner.access().matches("0x[0-9A-F]{8}"), owner.access());
		assertNotNull(object);
	}

	static Set<Long> pids(IpcObject object) {
		return object.owners().stream().map(Owner::pid).collect(Collectors.toSet());
	}
}
