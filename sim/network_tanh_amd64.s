#include "textflag.h"

// The SSE2 kernel of tanhAffine: tanhAffineGo's expressions
// (network_tanh.go), operation for operation, on two lanes at once, so
// every lane's bits equal the scalar code's. Only SSE2 (GOAMD64=v1), no
// FMA. The constants are 16-byte symbols, which the linker aligns to 16
// bytes, as the SSE2 memory operands require.

#define PAIR(name, bits) \
	DATA name<>+0(SB)/8, bits \
	DATA name<>+8(SB)/8, bits \
	GLOBL name<>(SB), RODATA|NOPTR, $16

PAIR(tanhAbs, $0x7fffffffffffffff)
PAIR(tanhSign, $0x8000000000000000)
PAIR(tanhZero, $0)
PAIR(tanhBias, $1023)
PAIR(tanhLo, $0.625)
PAIR(tanhSat, $44.014845965556525)
PAIR(tanhLog2e, $1.44269504088896338700e+00)
PAIR(tanhHalf, $0.5)
PAIR(tanhOne, $1.0)
PAIR(tanhTwo, $2.0)
PAIR(tanhLn2Hi, $6.93147180369123816490e-01)
PAIR(tanhLn2Lo, $1.90821492927058770002e-10)
PAIR(tanhP1, $1.66666666666666657415e-01)
PAIR(tanhP2, $-2.77777777770155933842e-03)
PAIR(tanhP3, $6.61375632143793436117e-05)
PAIR(tanhP4, $-1.65339022054652515390e-06)
PAIR(tanhP5, $4.13813679705723846039e-08)
PAIR(tanhN0, $-9.64399179425052238628e-1)
PAIR(tanhN1, $-9.92877231001918586564e1)
PAIR(tanhN2, $-1.61468768441708447952e3)
PAIR(tanhD0, $1.12811678491632931402e2)
PAIR(tanhD1, $2.23548839060100448583e3)
PAIR(tanhD2, $4.84406305325125486048e3)

// EXP sets X10 = 1 - 2/(Exp(2|x|) + 1) for the lanes x of X0, with
// tanhAffineGo's operations: e = 2z, k = int(log2e e + 0.5),
// hi = e - k ln2hi, lo = k ln2lo, r = hi - lo, t = r r,
// c = r - t (P1 + t (P2 + t (P3 + t (P4 + t P5)))),
// y = 1 - ((lo - r c / (2 - c)) - hi), e = y 2^k, 1 - 2/(e + 1).
// It uses X1-X11; X13 holds the mask of |.|.
#define EXP \
	MOVAPD X13, X1 \
	ANDPD  X0, X1            /* z */ \
	ADDPD  X1, X1            /* e = 2z */ \
	MOVUPD tanhLog2e<>(SB), X2 \
	MULPD  X1, X2            /* log2e e */ \
	ADDPD  tanhHalf<>(SB), X2 \
	CVTTPD2PL X2, X3         /* k (int32 x 2) */ \
	CVTPL2PD X3, X4          /* float64(k) */ \
	MOVUPD tanhLn2Hi<>(SB), X5 \
	MULPD  X4, X5            /* k ln2hi */ \
	SUBPD  X5, X1            /* hi = e - k ln2hi */ \
	MULPD  tanhLn2Lo<>(SB), X4 /* lo = k ln2lo */ \
	MOVAPD X1, X5 \
	SUBPD  X4, X5            /* r = hi - lo */ \
	MOVAPD X5, X6 \
	MULPD  X5, X6            /* t = r r */ \
	MOVUPD tanhP5<>(SB), X7 \
	MULPD  X6, X7 \
	ADDPD  tanhP4<>(SB), X7 \
	MULPD  X6, X7 \
	ADDPD  tanhP3<>(SB), X7 \
	MULPD  X6, X7 \
	ADDPD  tanhP2<>(SB), X7 \
	MULPD  X6, X7 \
	ADDPD  tanhP1<>(SB), X7 \
	MULPD  X6, X7            /* t (P1 + ...) */ \
	MOVAPD X5, X8 \
	SUBPD  X7, X8            /* c = r - t(...) */ \
	MULPD  X8, X5            /* r c */ \
	MOVUPD tanhTwo<>(SB), X9 \
	SUBPD  X8, X9            /* 2 - c */ \
	DIVPD  X9, X5            /* r c / (2 - c) */ \
	SUBPD  X5, X4            /* lo - r c/(2 - c) */ \
	SUBPD  X1, X4            /* (...) - hi */ \
	MOVUPD tanhOne<>(SB), X10 \
	MOVAPD X10, X11 \
	SUBPD  X4, X11           /* y = 1 - (...) */ \
	PUNPCKLLQ tanhZero<>(SB), X3 /* k as int64 x 2 (k >= 0 here) */ \
	PADDQ  tanhBias<>(SB), X3 \
	PSLLQ  $52, X3           /* 2^k */ \
	MULPD  X3, X11           /* e = y 2^k */ \
	ADDPD  X10, X11          /* e + 1 */ \
	MOVUPD tanhTwo<>(SB), X9 \
	DIVPD  X11, X9           /* 2/(e + 1) */ \
	SUBPD  X9, X10           /* 1 - 2/(e + 1) > 0 */

// RAT sets X10 = |x + x q ((N0 q + N1) q + N2) / (((q + D0) q + D1) q + D2)|,
// q = x x, for the lanes x of X0, with tanhAffineGo's operations. It uses
// X1-X3 and X10.
#define RAT \
	MOVAPD X0, X1 \
	MULPD  X0, X1            /* q = x x */ \
	MOVUPD tanhN0<>(SB), X2 \
	MULPD  X1, X2 \
	ADDPD  tanhN1<>(SB), X2 \
	MULPD  X1, X2 \
	ADDPD  tanhN2<>(SB), X2  /* numerator */ \
	MOVUPD tanhD0<>(SB), X3 \
	ADDPD  X1, X3 \
	MULPD  X1, X3 \
	ADDPD  tanhD1<>(SB), X3 \
	MULPD  X1, X3 \
	ADDPD  tanhD2<>(SB), X3  /* denominator */ \
	MOVAPD X0, X10 \
	MULPD  X1, X10           /* x q */ \
	MULPD  X2, X10           /* x q num */ \
	DIVPD  X3, X10           /* / den */ \
	ADDPD  X0, X10           /* x + ... */ \
	ANDPD  X13, X10          /* |...| */

// func tanhPairs(dst, x []float64, b, w float64)
// tanhPairs sets dst[i] = xmath.Tanh(b + w x[i]), bit for bit, for the
// pairs of dst (len(dst) even, x at least as long). A pair whose lanes take one branch of xmath.Tanh (z = |x|) computes
// that branch only: EXP for 0.625 <= z <= maxlog/2, RAT for z < 0.625 or
// NaN, 1 for z > maxlog/2; a pair across a branch point computes EXP and
// RAT and takes each lane's own. The result gets the sign of x.
TEXT ·tanhPairs(SB), NOSPLIT, $0-64
	MOVQ dst_base+0(FP), DI
	MOVQ dst_len+8(FP), CX
	MOVQ x_base+24(FP), SI
	MOVSD b+48(FP), X12
	UNPCKLPD X12, X12        // b, b
	MOVSD w+56(FP), X15
	UNPCKLPD X15, X15        // w, w
	SHRQ $1, CX
	MOVUPD tanhAbs<>(SB), X13
	TESTQ CX, CX
	JZ   done

loop:
	MOVUPD (SI), X0
	MULPD  X15, X0
	ADDPD  X12, X0           // x = b + w x
	MOVUPD tanhSign<>(SB), X14
	ANDPD  X0, X14           // sign(x)
	MOVAPD X13, X1
	ANDPD  X0, X1            // z
	MOVUPD tanhLo<>(SB), X2
	CMPPD  X1, X2, $2        // 0.625 <= z (false for NaN)
	CMPPD  tanhSat<>(SB), X1, $2 // z <= maxlog/2
	MOVMSKPD X2, DX
	MOVMSKPD X1, BX
	TESTQ  DX, DX
	JZ     rat               // both below 0.625 (or NaN)
	CMPQ   DX, $3
	JNE    mixed
	CMPQ   BX, $3
	JEQ    exp               // both in [0.625, maxlog/2]
	TESTQ  BX, BX
	JNZ    mixed
	MOVUPD tanhOne<>(SB), X10 // both saturated
	JMP    store

exp:
	EXP
	JMP    store

rat:
	RAT
	JMP    store

mixed:
	EXP
	MOVAPD X10, X8           // exp lanes
	RAT                      // rational lanes in X10
	MOVAPD X13, X1
	ANDPD  X0, X1            // z
	MOVUPD tanhLo<>(SB), X4
	CMPPD  X1, X4, $2        // ge: 0.625 <= z
	CMPPD  tanhSat<>(SB), X1, $2 // le: z <= maxlog/2
	MOVAPD X4, X6
	ANDPD  X1, X6            // ge and le: exp
	ANDPD  X6, X8
	MOVAPD X4, X7
	ANDNPD X10, X7           // not ge: rational
	ORPD   X7, X8
	ANDNPD X4, X1            // ge and not le: saturated
	ANDPD  tanhOne<>(SB), X1
	ORPD   X1, X8
	MOVAPD X8, X10

store:
	ORPD   X14, X10          // with the sign of x
	MOVUPD X10, (DI)
	ADDQ   $16, SI
	ADDQ   $16, DI
	DECQ   CX
	JNZ    loop

done:
	RET
