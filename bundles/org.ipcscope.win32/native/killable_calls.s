# The thread routine of KillableCalls (src/org/ipcscope/win32/internal/KillableCalls.java), which
# holds these bytes as CODE; the win32 tests assemble this file and compare (KillableCallsTest).
#
# Windows x64 calling convention. rcx points at a block:
#   +0  count of calls            +8  index of the next call (the progress the JVM watches)
#   +16 set to 1 once running     +24 the calls, 56 bytes each:
#       +0 function, +8..+40 five arguments, +48 the function's return value
# It makes the calls in order and returns 0. It touches nothing but the block and the called
# functions, so that terminating it while a call blocks leaves no lock of this process held.
	.intel_syntax noprefix
	.text
	.globl killable_calls
killable_calls:
	push rbx
	push rsi
	sub rsp, 0x28                 # 32 bytes of shadow space and the fifth argument; keeps rsp 16-aligned
	mov rbx, rcx
	mov qword ptr [rbx+16], 1
next:
	mov rax, [rbx+8]
	cmp rax, [rbx]
	jae done
	imul rsi, rax, 56
	lea rsi, [rbx+rsi+24]
	mov rax, [rsi+40]
	mov [rsp+32], rax
	mov rcx, [rsi+8]
	mov rdx, [rsi+16]
	mov r8, [rsi+24]
	mov r9, [rsi+32]
	call [rsi]
	mov [rsi+48], rax
	inc qword ptr [rbx+8]
	jmp next
done:
	xor eax, eax
	add rsp, 0x28
	pop rsi
	pop rbx
	ret
