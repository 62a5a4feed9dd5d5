/*
 * Test helper for the X11 clipboard reader: an X client that owns a selection.
 *
 * x_clipboard_owner SELECTION TEXT
 *     opens $DISPLAY, creates an unmapped window with _NET_WM_PID, takes SELECTION (CLIPBOARD or
 *     PRIMARY) and prints "READY window=0x... pid=N". It answers TARGETS with TARGETS, TIMESTAMP,
 *     DELETE, UTF8_STRING, STRING, text/html and application/x-ipcscope; UTF8_STRING and STRING
 *     with TEXT, text/html with "<b>TEXT</b>", application/x-ipcscope with the bytes 1..8, and
 *     refuses anything else. Each request is printed as "REQUEST TARGET". It ends when stdin
 *     closes, when it loses the selection ("LOST"), or after 10 minutes.
 * exit: 0 done, 1 bad arguments or no display, 2 timeout.
 */
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define TIMEOUT_SECONDS 600

static Display *display;

static Atom atom(const char *name)
{
	return XInternAtom(display, name, False);
}

static void answer(const XSelectionRequestEvent *request, const char *text)
{
	XSelectionEvent reply;
	memset(&reply, 0, sizeof(reply));
	reply.type = SelectionNotify;
	reply.requestor = request->requestor;
	reply.selection = request->selection;
	reply.target = request->target;
	reply.time = request->time;
	reply.property = request->property == None ? request->target : request->property;
	char *name = XGetAtomName(display, request->target);
	printf("REQUEST %s\n", name);
	fflush(stdout);
	if (request->target == atom("TARGETS")) {
		Atom targets[] = {atom("TARGETS"), atom("TIMESTAMP"), atom("DELETE"), atom("UTF8_STRING"), XA_STRING,
		        atom("text/html"), atom("application/x-ipcscope")};
		XChangeProperty(display, request->requestor, reply.property, XA_ATOM, 32, PropModeReplace,
		        (unsigned char *)targets, sizeof(targets) / sizeof(targets[0]));
	} else if (request->target == atom("UTF8_STRING") || request->target == XA_STRING) {
		XChangeProperty(display, request->requestor, reply.property, request->target, 8, PropModeReplace,
		        (const unsigned char *)text, (int)strlen(text));
	} else if (request->target == atom("text/html")) {
		char html[600];
		snprintf(html, sizeof(html), "<b>%s</b>", text);
		XChangeProperty(display, request->requestor, reply.property, request->target, 8, PropModeReplace,
		        (unsigned char *)html, (int)strlen(html));
	} else if (request->target == atom("application/x-ipcscope")) {
		unsigned char bytes[] = {1, 2, 3, 4, 5, 6, 7, 8};
		XChangeProperty(
		        display, request->requestor, reply.property, request->target, 8, PropModeReplace, bytes, sizeof(bytes));
	} else {
		reply.property = None;
	}
	XFree(name);
	XSendEvent(display, request->requestor, False, 0, (XEvent *)&reply);
	XFlush(display);
}

int main(int argc, char **argv)
{
	if (argc != 3 || strlen(argv[2]) > 500) {
		fprintf(stderr, "usage: x_clipboard_owner CLIPBOARD|PRIMARY TEXT (at most 500 bytes)\n");
		return 1;
	}
	display = XOpenDisplay(NULL);
	if (display == NULL) {
		fprintf(stderr, "x_clipboard_owner: cannot open display\n");
		return 1;
	}
	Window window = XCreateSimpleWindow(display, DefaultRootWindow(display), 0, 0, 1, 1, 0, 0, 0);
	long pid = (long)getpid();
	XChangeProperty(display, window, atom("_NET_WM_PID"), XA_CARDINAL, 32, PropModeReplace, (unsigned char *)&pid, 1);
	Atom selection = atom(argv[1]);
	XSetSelectionOwner(display, selection, window, CurrentTime);
	if (XGetSelectionOwner(display, selection) != window) {
		fprintf(stderr, "x_clipboard_owner: could not take %s\n", argv[1]);
		return 1;
	}
	printf("READY window=0x%lx pid=%ld\n", (unsigned long)window, pid);
	fflush(stdout);
	time_t end = time(NULL) + TIMEOUT_SECONDS;
	struct pollfd fds[2] = {{ConnectionNumber(display), POLLIN, 0}, {0, POLLIN, 0}};
	while (time(NULL) < end) {
		while (XPending(display) > 0) {
			XEvent event;
			XNextEvent(display, &event);
			if (event.type == SelectionRequest) {
				answer(&event.xselectionrequest, argv[2]);
			} else if (event.type == SelectionClear) {
				printf("LOST\n");
				fflush(stdout);
				return 0;
			}
		}
		if (poll(fds, 2, 1000) > 0 && (fds[1].revents & (POLLIN | POLLHUP))) {
			char buffer[64];
			if (read(0, buffer, sizeof(buffer)) <= 0) {
				return 0;
			}
		}
	}
	return 2;
}
