/* Enums of different sizes. */
#include <stdint.h>
enum small { S_A, S_B = 3 };
enum negative { N_MINUS = -5, N_ZERO = 0, N_BIG = 100000 };
enum __attribute__((packed)) byte_enum { B_ONE = 1, B_MAX = 255 };
enum __attribute__((packed)) short_enum { SH_NEG = -1, SH_BIG = 30000 };
enum __attribute__((packed)) word_enum { W_BIG = 65536 };
#ifndef _WIN32
enum wide_enum { WIDE_HUGE = 0x100000000LL };
enum uint_enum { U_TOP = 0xFFFFFFFFu };
#endif
struct with_enums {
	char c;
	enum small s;
	enum byte_enum b;
	enum short_enum sh;
	char d;
	enum word_enum w;
	enum negative n;
#ifndef _WIN32
	char e;
	enum wide_enum wide;
	enum uint_enum u;
#endif
};
