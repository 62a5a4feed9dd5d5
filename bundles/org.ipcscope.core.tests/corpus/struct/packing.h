/* Packing and alignment: pragmas nest, attributes raise and lower alignment. */
#include <stdint.h>
#include "packing_inner.h"

#pragma pack(push, 1)
struct p1 {
	char c;
	int32_t i;
	int16_t s;
	double d;
};
#pragma pack(push, 2)
struct p2 {
	char c;
	int32_t i;
	int64_t l;
	char tail;
};
#pragma pack(pop)
struct p1again {
	char c;
	uint64_t q;
};
#pragma pack(pop)

#pragma pack(4)
struct p4 {
	char c;
	double d;
	int16_t s;
};
#pragma pack()

struct natural {
	char c;
	double d;
	char e;
	int16_t f;
};

struct __attribute__((packed)) gpacked {
	char c;
	int32_t i;
	uint16_t s;
};
struct gpacked_after {
	char c;
	int64_t l;
} __attribute__((packed));

struct __attribute__((aligned(16))) aligned16 {
	int32_t a;
};
struct member_aligned {
	char c;
	int32_t x __attribute__((aligned(8)));
	char d;
};
struct with_alignas {
	char c;
	_Alignas(16) int32_t x;
	char d;
};
struct with_alignas_type {
	char c;
	alignas(double) char x;
};
struct __declspec(align(32)) declspec32 {
	char c;
};
struct holds_aligned {
	char c;
	struct aligned16 a;
	char d;
	struct declspec32 e;
};
struct holds_inner {
	char c;
	inner_t in;
	struct p1 packed;
};
