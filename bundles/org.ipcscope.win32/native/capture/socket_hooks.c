/* The hooks of ws2_32 calls. */
#include "capture.h"

int socket_done(SOCKET s, int op, int call, uint64_t requested, int result, const void *buffer)
{
	int error = result == SOCKET_ERROR ? WSAGetLastError() : 0;
	if (wanted((uint64_t)s, 1) && error != WSAEWOULDBLOCK) {
		uint64_t n = result == SOCKET_ERROR ? 0 : (uint64_t)result;
		struct segment segment = {buffer, n};
		record((uint64_t)s, op, call, requested, n, (DWORD)error, &segment, 1);
		WSASetLastError(error);
	}
	return result;
}

int WSAAPI hook_send(SOCKET s, const char *buffer, int size, int flags)
{
	ENTER();
	int result = socket_done(s, OP_WRITE, C_SEND, (uint64_t)size, send(s, buffer, size, flags), buffer);
	LEAVE();
	return result;
}

int WSAAPI hook_recv(SOCKET s, char *buffer, int size, int flags)
{
	ENTER();
	int got = recv(s, buffer, size, flags);
	/* MSG_PEEK leaves the bytes for the next read: like PeekNamedPipe, not a read */
	int result = (flags & MSG_PEEK) ? got : socket_done(s, OP_READ, C_RECV, (uint64_t)size, got, buffer);
	LEAVE();
	return result;
}

int WSAAPI hook_sendto(SOCKET s, const char *buffer, int size, int flags, const struct sockaddr *to, int length)
{
	ENTER();
	int result = socket_done(s, OP_WRITE, C_SENDTO, (uint64_t)size, sendto(s, buffer, size, flags, to, length), buffer);
	LEAVE();
	return result;
}

int WSAAPI hook_recvfrom(SOCKET s, char *buffer, int size, int flags, struct sockaddr *from, int *length)
{
	ENTER();
	int got = recvfrom(s, buffer, size, flags, from, length);
	int result = (flags & MSG_PEEK) ? got : socket_done(s, OP_READ, C_RECVFROM, (uint64_t)size, got, buffer);
	LEAVE();
	return result;
}

int wsa_done(SOCKET s, int op, int call, LPWSABUF buffers, DWORD count, LPDWORD done, int result,
        LPWSAOVERLAPPED overlapped, int peek)
{
	int error = result == SOCKET_ERROR ? WSAGetLastError() : 0;
	if (peek || !wanted((uint64_t)s, 1) || error == WSAEWOULDBLOCK) {
		return result;
	}
	uint64_t requested = 0;
	struct segment segments[16];
	int used = 0;
	for (DWORD i = 0; i < count; i++) {
		requested += buffers[i].len;
	}
	if (error == WSA_IO_PENDING) {
		if (count > 0) {
			pending_add(overlapped, (uint64_t)s, buffers[0].buf, buffers[0].len, op, call, NULL);
		}
		WSASetLastError(error);
		return result;
	}
	uint64_t n = result == SOCKET_ERROR ? 0 : done != NULL ? *done : overlapped != NULL ? overlapped->InternalHigh : 0;
	uint64_t left = n;
	for (DWORD i = 0; i < count && used < 16 && left > 0; i++) {
		uint64_t take = buffers[i].len < left ? buffers[i].len : left;
		struct segment segment = {buffers[i].buf, take};
		segments[used++] = segment;
		left -= take;
	}
	record((uint64_t)s, op, call, requested, n, (DWORD)error, segments, used);
	WSASetLastError(error);
	return result;
}

int WSAAPI hook_WSASend(SOCKET s, LPWSABUF buffers, DWORD count, LPDWORD sent, DWORD flags, LPWSAOVERLAPPED overlapped,
        LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
	ENTER();
	int result = WSASend(s, buffers, count, sent, flags, overlapped, routine);
	result = wsa_done(s, OP_WRITE, C_WSASEND, buffers, count, sent, result, routine == NULL ? overlapped : NULL, 0);
	LEAVE();
	return result;
}

int WSAAPI hook_WSARecv(SOCKET s, LPWSABUF buffers, DWORD count, LPDWORD received, LPDWORD flags,
        LPWSAOVERLAPPED overlapped, LPWSAOVERLAPPED_COMPLETION_ROUTINE routine)
{
	ENTER();
	int peek = flags != NULL && (*flags & MSG_PEEK);
	int result = WSARecv(s, buffers, count, received, flags, overlapped, routine);
	result = wsa_done(
	        s, OP_READ, C_WSARECV, buffers, count, received, result, routine == NULL ? overlapped : NULL, peek);
	LEAVE();
	return result;
}

int WSAAPI hook_closesocket(SOCKET s)
{
	ENTER();
	int kind = 0;
	AcquireSRWLockShared(&cache_lock);
	struct cached *c = slot_of((uint64_t)s, 0);
	if (c != NULL && c->kind > 0 && c->announced && active) {
		kind = c->kind;
	}
	ReleaseSRWLockShared(&cache_lock);
	int result = closesocket(s);
	int error = result == SOCKET_ERROR ? WSAGetLastError() : 0;
	if (result == 0) {
		forget((uint64_t)s);
	}
	if (kind) {
		record((uint64_t)s, OP_CLOSE, C_CLOSESOCKET, 0, 0, (DWORD)error, NULL, 0);
	}
	WSASetLastError(error);
	LEAVE();
	return result;
}
