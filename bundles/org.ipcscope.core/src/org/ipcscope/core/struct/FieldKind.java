package org.ipcscope.core.struct;

/** How a field's bytes are shown and written. */
public enum FieldKind {
	/** A struct: its members are the children. */
	STRUCT,
	/** A union: every member starts at the same offset. */
	UNION,
	/** An array that is not text: its elements are the children ({@code [0]}, {@code [1]}, ...). */
	ARRAY,
	SIGNED,
	UNSIGNED,
	/** {@code bool}/{@code _Bool}: false, true, or the number when it is neither 0 nor 1. */
	BOOL,
	/** A plain {@code char}: the character, escaped. */
	CHAR,
	/** A {@code char} array: text up to the first NUL, escaped. */
	STRING,
	/** A {@code wchar_t}/{@code WCHAR} array: UTF-16 (Microsoft) or UTF-32 (System V) up to the first NUL. */
	WIDE_STRING,
	/** A single wide character. */
	WIDE_CHAR,
	/** An enum: the enumerator's name, else the number. */
	ENUM,
	/** A bitfield: its bits, and their value. */
	BITFIELD,
	/** float, double and (System V) long double. */
	FLOAT,
	/** A pointer: the address it holds. */
	POINTER,
	/** A Windows GUID: {@code {xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}}. */
	GUID,
	/** A Windows FILETIME: 100 ns since 1601 as a UTC time. */
	FILETIME
}
