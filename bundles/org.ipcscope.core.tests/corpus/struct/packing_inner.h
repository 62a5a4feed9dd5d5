#pragma once
#ifndef PACKING_INNER_H
#define PACKING_INNER_H
#define INNER_LEN (3 * 4 + 1)
typedef struct inner {
	short s;
	char name[INNER_LEN];
	long l;
} inner_t;
#endif
