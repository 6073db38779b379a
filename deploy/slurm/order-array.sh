#!/bin/bash
# A weak-order sweep of `smf order` on a Slurm cluster: a job array runs
# SHARDS tasks, the array index (SLURM_ARRAY_TASK_ID, 0 .. SHARDS-1) is the
# shard, each writes its part file to PARTS (a directory every node sees);
# a merge job that depends on the whole array (afterok) prints what the
# unsharded `smf order` prints, to the last digit, into PARTS/result.txt.
#
#   GOAMD64=v1 go build -o smf ./cmd/smf      # once, on a shared file system
#   deploy/slurm/order-array.sh               # submits the array and the merge
#
# Run without Slurm's variables, the script submits itself twice: as the
# array (sbatch --array=0-$((SHARDS-1))) and as the merge (sbatch
# --dependency=afterok:ARRAY_JOB_ID ... merge). Every task and the merge must
# run the same smf binary.
#SBATCH --job-name=smf-order
#SBATCH --cpus-per-task=2
#SBATCH --mem=2G
#SBATCH --time=24:00:00
#SBATCH --output=smf-order-%A_%a.log
set -euo pipefail

SHARDS=${SHARDS:-16}
SMF=${SMF:-$PWD/smf}
PARTS=${PARTS:-$PWD/parts}

if [ "${1:-}" = merge ]; then
	"$SMF" merge "$PARTS"/part-*.json > "$PARTS/result.txt"
	cat "$PARTS/result.txt"
elif [ -n "${SLURM_ARRAY_TASK_ID:-}" ]; then
	exec "$SMF" order -shard "${SLURM_ARRAY_TASK_ID}/${SHARDS}" \
		-out "$PARTS/part-${SLURM_ARRAY_TASK_ID}.json" \
		-workers "${SLURM_CPUS_PER_TASK:-1}" -alphas 0.5,0.25,0.125,0.0625 -f risk \
		'scene=fluct&n=32&M=32&T=4&k=2&reps=100000'
else
	mkdir -p "$PARTS"
	export SHARDS SMF PARTS
	array=$(sbatch --parsable --export=ALL --array=0-$((SHARDS - 1)) "$0")
	sbatch --parsable --export=ALL --dependency=afterok:"${array%%;*}" \
		--job-name=smf-order-merge --output=smf-order-merge-%j.log "$0" merge
	echo "submitted the array $array (${SHARDS} shards) and its merge; the result goes to $PARTS/result.txt"
fi
