/* The struct that ipc_helper's livestruct verb writes into a POSIX segment, step by step, and that the
 * struct overlay tests read with `hex NAME --struct live_state.h:struct live_state`. */
#ifndef LIVE_STATE_H
#define LIVE_STATE_H
#include <stdint.h>

#define LIVE_TEXT_LEN 24

enum live_phase { PHASE_IDLE, PHASE_RUNNING, PHASE_DONE };

struct live_state {
	uint32_t counter;
	char text[LIVE_TEXT_LEN];
	double value;
	enum live_phase phase;
	uint16_t flags : 3, level : 5;
};
#endif
