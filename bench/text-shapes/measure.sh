#!/bin/sh
# Seconds per training step of the text tasks at the paper's shapes, on synthetic corpora (make_corpora.py).
# Each task trains one epoch at two training sizes; the difference of the process CPU time divided by the
# difference of steps is the CPU cost of one step, free of start-up, data loading and evaluation. Multi30K
# also runs with twice the test sentences, which prices the per-epoch evaluation (loss and greedy BLEU decoding).
# Usage: bench/text-shapes/measure.sh DATA_DIR OUT_DIR   (prints one line per run: task, train size, test size,
# wall s, user s, sys s, max RSS kB, epoch_seconds)
set -eu
data=$1
out=$2
cli="dotnet src/QCircuitDsl.Cli/bin/Release/net10.0/qcdsl.dll"
mkdir -p "$out"
run() {
    task=$1; train=$2; test=$3; shift 3
    name="$task-$train-$test"
    /usr/bin/time -f "%e %U %S %M" -o "$out/$name.time" $cli train qrnn --task "$task" --data "$data/$task" --epochs 1 \
        --train-size "$train" --test-size "$test" --out "$out/$name" "$@" > "$out/$name.log" 2> "$out/$name.err"
    seconds=$(sed -n 's/.*"epoch_seconds":\([0-9.]*\).*/\1/p' "$out/$name/metrics.jsonl")
    echo "$task $train $test $(cat "$out/$name.time") $seconds"
}
echo "load before: $(uptime)"
run ptb 4544 4544
run ptb 13504 4544
run imdb 400 200
run imdb 800 200
run multi30k 320 64
run multi30k 640 64
run multi30k 640 128
echo "load after: $(uptime)"
# Calibration: the same two-size difference for Fashion-MNIST (10 qubits, batch 200, T = 28), whose full epoch
# (300 steps) has been timed on the idle machine (docs/results.md); its idle wall seconds per CPU second converts
# the text tasks' CPU seconds per step into idle wall-clock estimates.
calibrate() {
    train=$1
    name="fashion-$train"
    /usr/bin/time -f "%e %U %S %M" -o "$out/$name.time" $cli train qrnn --task fashion-mnist --hidden 36 --epochs 1 \
        --train-size "$train" --test-size 200 --out "$out/$name" > "$out/$name.log" 2> "$out/$name.err"
    seconds=$(sed -n 's/.*"epoch_seconds":\([0-9.]*\).*/\1/p' "$out/$name/metrics.jsonl")
    echo "fashion-mnist $train 200 $(cat "$out/$name.time") $seconds"
}
if [ "${CALIBRATE:-1}" = 1 ]; then
    calibrate 2000
    calibrate 6000
    echo "load after calibration: $(uptime)"
fi
