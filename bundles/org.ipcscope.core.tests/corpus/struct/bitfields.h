/* Bitfields of mixed types: where MSVC starts a new unit and GCC packs across. */
#include <stdint.h>
#include <stdbool.h>

struct bf_simple {
	unsigned a : 1, b : 2, c : 29;
	unsigned d : 4;
};
struct bf_mixed {
	char a : 3;
	short b : 7;
	int c : 9;
	long long d : 40;
	char e : 2;
};
struct bf_straddle {
	uint8_t a : 7;
	uint16_t b : 12;
	uint32_t c : 30;
	uint8_t d;
};
struct bf_zero {
	int a : 3;
	int : 0;
	int b : 4;
	char c;
	char : 0;
	char d : 2;
};
struct bf_unnamed {
	char c;
	int : 5;
	short s : 3;
	long long : 7;
	int x;
};
struct bf_signed {
	int neg : 5;
	unsigned pos : 5;
	signed char sc : 3;
	bool flag : 1;
};
struct bf_after_field {
	char c;
	int a : 4;
	double d;
	short s : 9;
	short t : 9;
};
struct bf_types_change {
	uint32_t a : 8;
	uint8_t b : 4;
	uint8_t c : 4;
	uint32_t d : 16;
	uint64_t e : 33;
};
#pragma pack(push, 1)
struct bf_packed1 {
	uint8_t a : 3;
	uint32_t b : 17;
	uint16_t c : 10;
};
#pragma pack(push, 2)
struct bf_packed2 {
	uint8_t a : 3;
	uint32_t b : 17;
	uint16_t c : 14;
	uint32_t : 0;
	uint8_t d : 1;
	int64_t e : 40;
};
#pragma pack(pop)
#pragma pack(pop)
struct __attribute__((packed)) bf_gpacked {
	uint8_t a : 3;
	uint32_t b : 17;
	uint16_t c : 10;
};
enum bf_color { RED, GREEN, BLUE };
struct bf_enum {
	enum bf_color color : 2;
	unsigned rest : 6;
};
union bf_union {
	unsigned a : 3;
	uint16_t b : 12;
	uint8_t byte;
};
