#include "textflag.h"

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
	I64Load p_base+32(FP)
	Set R4
	Get R0
	Get R11
	I64Add
	Set R1
	Get R1
	Get R11
	I64Add
	Set R2
	Get R2
	Get R11
	I64Add
	Set R3
	Get R4
	Get R11
	I64Add
	Set R5
	Get R5
	Get R11
	I64Add
	Set R6
	Get R6
	Get R11
	I64Add
	Set R7
	I64Load c_base+56(FP)
	Set R8
	I64Load x_base+80(FP)
	Set R9
	I64Const $0
	Set R12
	F64Const $(0.0)
	Set F16
	F64Const $(0.0)
	Set F17
	F64Const $(0.0)
	Set F18
	F64Const $(0.0)
	Set F19
	F64Const $(0.0)
	Set F20
	F64Const $(0.0)
	Set F21
	F64Const $(0.0)
	Set F22
	F64Const $(0.0)
	Set F23
	F64Const $(0.0)
	Set F24
	F64Const $(0.0)
	Set F25
	F64Const $(0.0)
	Set F26
	F64Const $(0.0)
	Set F27
	Block
	Loop
		Get R10
		I64Eqz
		BrIf $1
		Get R8
		Get R12
		I64Add
		I32WrapI64
		F64Load $0
		Set F28
		Get R9
		Get R12
		I64Add
		I32WrapI64
		F64Load $0
		Set F29
		// a_0 += c s_0
		Get F16
		Get F28
		Get R0
		Get R12
		I64Add
		I32WrapI64
		F64Load $0
		F64Mul
		F64Add
		Set F16
		// a_1 += c s_1
		Get F17
		Get F28
		Get R1
		Get R12
		I64Add
		I32WrapI64
		F64Load $0
		F64Mul
		F64Add
		Set F17
		// a_2 += c s_2
		Get F18
		Get F28
		Get R2
		Get R12
		I64Add
		I32WrapI64
		F64Load $0
		F64Mul
		F64Add
		Set F18
		// a_3 += c s_3
		Get F19
		Get F28
		Get R3
		Get R12
		I64Add
		I32WrapI64
		F64Load $0
		F64Mul
		F64Add
		Set F19
		// q = c p_0, b_0 += q x, e_0 += q
		Get F28
		Get R4
		Get R12
		I64Add
		I32WrapI64
		F64Load $0
		F64Mul
		Set F30
		Get F20
		Get F30
		Get F29
		F64Mul
		F64Add
		Set F20
		Get F24
		Get F30
		F64Add
		Set F24
		// q = c p_1, b_1 += q x, e_1 += q
		Get F28
		Get R5
		Get R12
		I64Add
		I32WrapI64
		F64Load $0
		F64Mul
		Set F30
		Get F21
		Get F30
		Get F29
		F64Mul
		F64Add
		Set F21
		Get F25
		Get F30
		F64Add
		Set F25
		// q = c p_2, b_2 += q x, e_2 += q
		Get F28
		Get R6
		Get R12
		I64Add
		I32WrapI64
		F64Load $0
		F64Mul
		Set F30
		Get F22
		Get F30
		Get F29
		F64Mul
		F64Add
		Set F22
		Get F26
		Get F30
		F64Add
		Set F26
		// q = c p_3, b_3 += q x, e_3 += q
		Get F28
		Get R7
		Get R12
		I64Add
		I32WrapI64
		F64Load $0
		F64Mul
		Set F30
		Get F23
		Get F30
		Get F29
		F64Mul
		F64Add
		Set F23
		Get F27
		Get F30
		F64Add
		Set F27
		Get R12
		I64Const $8
		I64Add
		Set R12
		Get R10
		I64Const $1
		I64Sub
		Set R10
		Br $0
	End
	End
	I64Load t+0(FP)
	Set R0
	Get R0
	I32WrapI64
	Get F16
	F64Store $0
	Get R0
	I32WrapI64
	Get F17
	F64Store $8
	Get R0
	I32WrapI64
	Get F18
	F64Store $16
	Get R0
	I32WrapI64
	Get F19
	F64Store $24
	Get R0
	I32WrapI64
	Get F20
	F64Store $32
	Get R0
	I32WrapI64
	Get F21
	F64Store $40
	Get R0
	I32WrapI64
	Get F22
	F64Store $48
	Get R0
	I32WrapI64
	Get F23
	F64Store $56
	Get R0
	I32WrapI64
	Get F24
	F64Store $64
	Get R0
	I32WrapI64
	Get F25
	F64Store $72
	Get R0
	I32WrapI64
	Get F26
	F64Store $80
	Get R0
	I32WrapI64
	Get F27
	F64Store $88
	RET

// func t1SumsArch(t *[3]float64, q, s, s1, s2, r, x []float64, a, va, vw, vb float64)
// t1SumsGo's pass as one structured WebAssembly loop without bounds checks
// (t1Sums checks the lengths). Locals: R0-R5 the bases of q, s, s1, s2, r,
// x, R6 the data left, R7 8j; F16 a, F17 va, F18 vw, F19 vb, F20-F22 the
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
	Set R7
	F64Const $(0.0)
	Set F20
	F64Const $(0.0)
	Set F21
	F64Const $(0.0)
	Set F22
	Block
	Loop
		Get R6
		I64Eqz
		BrIf $1
		// x_j, xv = vb + vw x_j, s1_j, r_j
		Get R5
		Get R7
		I64Add
		I32WrapI64
		F64Load $0
		Set F23
		Get F19
		Get F18
		Get F23
		F64Mul
		F64Add
		Set F24
		Get R2
		Get R7
		I64Add
		I32WrapI64
		F64Load $0
		Set F25
		Get R4
		Get R7
		I64Add
		I32WrapI64
		F64Load $0
		Set F26
		// q_j += s_j va + a s1_j xv
		Get R0
		Get R7
		I64Add
		I32WrapI64
		Get R0
		Get R7
		I64Add
		I32WrapI64
		F64Load $0
		Get R1
		Get R7
		I64Add
		I32WrapI64
		F64Load $0
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
		Get R3
		Get R7
		I64Add
		I32WrapI64
		F64Load $0
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
		Get R7
		I64Const $8
		I64Add
		Set R7
		Get R6
		I64Const $1
		I64Sub
		Set R6
		Br $0
	End
	End
	I64Load t+0(FP)
	Set R0
	Get R0
	I32WrapI64
	Get F20
	F64Store $0
	Get R0
	I32WrapI64
	Get F21
	F64Store $8
	Get R0
	I32WrapI64
	Get F22
	F64Store $16
	RET
