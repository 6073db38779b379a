#include "textflag.h"

// AT(base) pushes the address base + 8j (R12 = 8j) as an i32.
#define AT(base) Get base; Get R12; I64Add; I32WrapI64
// LOADJ(base) pushes the float64 at base + 8j.
#define LOADJ(base) AT(base); F64Load $0
// NEXTROW(dst, src) sets dst = src + a row's bytes (R11).
#define NEXTROW(dst, src) Get src; Get R11; I64Add; Set dst
// ZERO(f) sets the float64 local f to +0.
#define ZERO(f) F64Const $(0.0); Set f
// STORE(off, f) stores f at R0 + off.
#define STORE(off, f) Get R0; I32WrapI64; Get f; F64Store $off
// NEXTJ moves to the next datum: R12 += 8, one less left (left), and loops.
#define NEXTJ(left) Get R12; I64Const $8; I64Add; Set R12; Get left; I64Const $1; I64Sub; Set left; Br $0

// ASUM(a, row) adds c_j times row's entry j to a: a + c_j s_kj.
#define ASUM(a, row) Get a; Get F28; LOADJ(row); F64Mul; F64Add; Set a
// QSUM(b, e, row) forms q = c_j p_kj from row and adds q x_j to b and q to e.
#define QSUM(b, e, row) Get F28; LOADJ(row); F64Mul; Set F30; Get b; Get F30; Get F29; F64Mul; F64Add; Set b; Get e; Get F30; F64Add; Set e

// func gradSums4Arch(t *[12]float64, s, p, c, x []float64)
// gradSums4Go's pass as one structured WebAssembly loop without bounds
// checks (gradSums4 checks the lengths). Locals: R0-R3 the rows of s,
// R4-R7 those of p, R8 c, R9 x, R10 the data left, R11 a row's bytes,
// R12 8j; F16-F19 the a sums, F20-F23 b, F24-F27 e, F28 c_j, F29 x_j,
// F30 q.
TEXT ·gradSums4Arch(SB), NOSPLIT, $0-104
	I64Load c_len+64(FP)
	Tee R10
	I64Const $3
	I64Shl
	Set R11
	I64Load s_base+8(FP)
	Set R0
	NEXTROW(R1, R0)
	NEXTROW(R2, R1)
	NEXTROW(R3, R2)
	I64Load p_base+32(FP)
	Set R4
	NEXTROW(R5, R4)
	NEXTROW(R6, R5)
	NEXTROW(R7, R6)
	I64Load c_base+56(FP)
	Set R8
	I64Load x_base+80(FP)
	Set R9
	I64Const $0
	Set R12
	ZERO(F16); ZERO(F17); ZERO(F18); ZERO(F19)
	ZERO(F20); ZERO(F21); ZERO(F22); ZERO(F23)
	ZERO(F24); ZERO(F25); ZERO(F26); ZERO(F27)
	Block
	Loop
		Get R10
		I64Eqz
		BrIf $1
		LOADJ(R8)
		Set F28
		LOADJ(R9)
		Set F29
		ASUM(F16, R0); ASUM(F17, R1); ASUM(F18, R2); ASUM(F19, R3)
		QSUM(F20, F24, R4); QSUM(F21, F25, R5); QSUM(F22, F26, R6); QSUM(F23, F27, R7)
		NEXTJ(R10)
	End
	End
	I64Load t+0(FP)
	Set R0
	STORE(0, F16); STORE(8, F17); STORE(16, F18); STORE(24, F19)
	STORE(32, F20); STORE(40, F21); STORE(48, F22); STORE(56, F23)
	STORE(64, F24); STORE(72, F25); STORE(80, F26); STORE(88, F27)
	RET

// func t1SumsArch(t *[3]float64, q, s, s1, s2, r, x []float64, a, va, vw, vb float64)
// t1SumsGo's pass as one structured WebAssembly loop without bounds checks
// (t1Sums checks the lengths). Locals: R0-R5 the bases of q, s, s1, s2, r,
// x, R6 the data left, R12 8j; F16 a, F17 va, F18 vw, F19 vb, F20-F22 the
// sums, F23 x_j, F24 xv_j, F25 s1_j, F26 r_j, F27 cs_j.
TEXT ·t1SumsArch(SB), NOSPLIT, $0-184
	I64Load q_base+8(FP)
	Set R0
	I64Load s_base+32(FP)
	Set R1
	I64Load s1_base+56(FP)
	Set R2
	I64Load s2_base+80(FP)
	Set R3
	I64Load r_base+104(FP)
	Set R4
	I64Load r_len+112(FP)
	Set R6
	I64Load x_base+128(FP)
	Set R5
	F64Load a+152(FP)
	Set F16
	F64Load va+160(FP)
	Set F17
	F64Load vw+168(FP)
	Set F18
	F64Load vb+176(FP)
	Set F19
	I64Const $0
	Set R12
	ZERO(F20); ZERO(F21); ZERO(F22)
	Block
	Loop
		Get R6
		I64Eqz
		BrIf $1
		// x_j, xv = vb + vw x_j, s1_j, r_j
		LOADJ(R5)
		Set F23
		Get F19
		Get F18
		Get F23
		F64Mul
		F64Add
		Set F24
		LOADJ(R2)
		Set F25
		LOADJ(R4)
		Set F26
		// q_j += s_j va + a s1_j xv
		AT(R0)
		LOADJ(R0)
		LOADJ(R1)
		Get F17
		F64Mul
		Get F16
		Get F25
		F64Mul
		Get F24
		F64Mul
		F64Add
		F64Add
		F64Store $0
		// t0 += r_j s1_j xv
		Get F20
		Get F26
		Get F25
		F64Mul
		Get F24
		F64Mul
		F64Add
		Set F20
		// cs = r_j (s1_j va + a s2_j xv)
		Get F26
		Get F25
		Get F17
		F64Mul
		Get F16
		LOADJ(R3)
		F64Mul
		Get F24
		F64Mul
		F64Add
		F64Mul
		Set F27
		// t1 += cs x_j, t2 += cs
		Get F21
		Get F27
		Get F23
		F64Mul
		F64Add
		Set F21
		Get F22
		Get F27
		F64Add
		Set F22
		NEXTJ(R6)
	End
	End
	I64Load t+0(FP)
	Set R0
	STORE(0, F20); STORE(8, F21); STORE(16, F22)
	RET
