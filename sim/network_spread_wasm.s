#include "textflag.h"

// func spreadRow(u []float64, ord []int32, row, s1, s2, r []float64, a float64)
// spreadRowGo's loop (network_spread.go) as one structured WebAssembly loop
// without bounds checks (spreadRow checks the lengths): for i < len(ord),
// j = ord[i], v = u[i]: row[j] = v, d = 1 - v v, s1[j] = d, s2[j] = -2 v d,
// r[j] = r[j] + a v. Locals: R0 &u[i], R1 &ord[i], R2 the elements left,
// R3-R6 the bases of row, s1, s2, r, R7 8j, R8 &r[j]; F16 a, F17 v, F18 d.
TEXT ·spreadRowArch(SB), NOSPLIT, $0-152
	I64Load u_base+0(FP)
	Set R0
	I64Load ord_base+24(FP)
	Set R1
	I64Load ord_len+32(FP)
	Set R2
	I64Load row_base+48(FP)
	Set R3
	I64Load s1_base+72(FP)
	Set R4
	I64Load s2_base+96(FP)
	Set R5
	I64Load r_base+120(FP)
	Set R6
	F64Load a+144(FP)
	Set F16
	Block
	Loop
		Get R2
		I64Eqz
		BrIf $1
		Get R0
		I32WrapI64
		F64Load $0
		Set F17
		Get R1
		I32WrapI64
		I64Load32S $0
		I64Const $3
		I64Shl
		Set R7
		// row[j] = v
		Get R3
		Get R7
		I64Add
		I32WrapI64
		Get F17
		F64Store $0
		// s1[j] = d = 1 - v v
		Get R4
		Get R7
		I64Add
		I32WrapI64
		F64Const $(1.0)
		Get F17
		Get F17
		F64Mul
		F64Sub
		Tee F18
		F64Store $0
		// s2[j] = -2 v d
		Get R5
		Get R7
		I64Add
		I32WrapI64
		F64Const $(-2.0)
		Get F17
		F64Mul
		Get F18
		F64Mul
		F64Store $0
		// r[j] += a v
		Get R6
		Get R7
		I64Add
		Tee R8
		I32WrapI64
		Get R8
		I32WrapI64
		F64Load $0
		Get F16
		Get F17
		F64Mul
		F64Add
		F64Store $0
		Get R0
		I64Const $8
		I64Add
		Set R0
		Get R1
		I64Const $4
		I64Add
		Set R1
		Get R2
		I64Const $1
		I64Sub
		Set R2
		Br $0
	End
	End
	RET
