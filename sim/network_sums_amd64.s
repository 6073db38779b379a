#include "textflag.h"

// func gradSums4Arch(t *[12]float64, s, p, c, x []float64)
// gradSums4Go's pass with neurons 0, 1 in the lanes of one register and
// 2, 3 in another: per j, c_j and x_j in both lanes, the sums
// a += c s, q = c p, b += q x, e += q as gradSums4Go forms them.
// Registers: AX c, BX x, SI DI R8 R9 the rows of s, R10-R13 those of p,
// CX the data left, DX 8j; X8 X9 the a sums, X10 X11 b, X12 X13 e.
TEXT ·gradSums4Arch(SB), NOSPLIT, $0-104
	MOVQ s_base+8(FP), SI
	MOVQ p_base+32(FP), R10
	MOVQ c_base+56(FP), AX
	MOVQ c_len+64(FP), CX
	MOVQ x_base+80(FP), BX
	MOVQ CX, DX
	SHLQ $3, DX              // a row's bytes
	LEAQ (SI)(DX*1), DI
	LEAQ (DI)(DX*1), R8
	LEAQ (R8)(DX*1), R9
	LEAQ (R10)(DX*1), R11
	LEAQ (R11)(DX*1), R12
	LEAQ (R12)(DX*1), R13
	XORPS X8, X8
	XORPS X9, X9
	XORPS X10, X10
	XORPS X11, X11
	XORPS X12, X12
	XORPS X13, X13
	XORQ DX, DX
	TESTQ CX, CX
	JZ   done

loop:
	MOVSD (AX)(DX*1), X0
	UNPCKLPD X0, X0          // c_j, c_j
	MOVSD (BX)(DX*1), X1
	UNPCKLPD X1, X1          // x_j, x_j
	MOVSD (SI)(DX*1), X2
	MOVHPD (DI)(DX*1), X2    // s_0j, s_1j
	MOVSD (R8)(DX*1), X3
	MOVHPD (R9)(DX*1), X3    // s_2j, s_3j
	MULPD X0, X2
	ADDPD X2, X8             // a += c s
	MULPD X0, X3
	ADDPD X3, X9
	MOVSD (R10)(DX*1), X4
	MOVHPD (R11)(DX*1), X4   // p_0j, p_1j
	MOVSD (R12)(DX*1), X5
	MOVHPD (R13)(DX*1), X5   // p_2j, p_3j
	MULPD X0, X4             // q = c p
	MULPD X0, X5
	MOVAPD X4, X6
	MULPD X1, X6
	ADDPD X6, X10            // b += q x
	MOVAPD X5, X7
	MULPD X1, X7
	ADDPD X7, X11
	ADDPD X4, X12            // e += q
	ADDPD X5, X13
	ADDQ $8, DX
	DECQ CX
	JNZ  loop

done:
	MOVQ t+0(FP), DI
	MOVUPD X8, 0(DI)
	MOVUPD X9, 16(DI)
	MOVUPD X10, 32(DI)
	MOVUPD X11, 48(DI)
	MOVUPD X12, 64(DI)
	MOVUPD X13, 80(DI)
	RET
