/* Unions, nested and multi-dimensional arrays, anonymous members, pointers. */
#include <stdint.h>
#include <wchar.h>
#define ROWS 3
#define COLS (ROWS + 1)
#define CELLS (ROWS * COLS)

struct point {
	int16_t x, y;
};
typedef struct {
	struct point corner[2];
	uint8_t grid[ROWS][COLS][2];
} box_t;

union number {
	int8_t i8;
	uint16_t u16;
	float f;
	double d;
	char text[11];
};

struct record {
	uint32_t tag;
	union {
		struct {
			uint16_t lo, hi;
		};
		uint32_t whole;
	};
	struct {
		char name[5];
		double weight;
	} inner[2];
	box_t boxes[2];
	int cells[CELLS];
	const char *label;
	void (*callback)(int, void *);
	struct record *next;
	wchar_t wide[3];
	union number values[2];
	long l;
	unsigned long ul;
#ifndef _WIN32
	long double ld; /* mingw makes it 16 (x64) or 12 (x86) bytes, MSVC 8: only System V is compared */
#endif
};
