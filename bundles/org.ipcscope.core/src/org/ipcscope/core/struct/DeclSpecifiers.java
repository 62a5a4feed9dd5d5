package org.ipcscope.core.struct;

import java.util.ArrayList;
import java.util.List;

/** What declaration specifiers said: the type, whether it is a typedef, and attributes. */
final class DeclSpecifiers {
	CType type;
	boolean typedef;
	boolean packed;
	int align;
	final List<String> words = new ArrayList<>();
}
