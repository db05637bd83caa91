#!/usr/bin/env bash
# Flame graphs of the benchmark's phases, each cut from one JFR recording of a run by the phase's start and end
# (target/bench/phases.tsv), drawn by async-profiler's converter from Maven Central. Record the run first:
#
#   ./mvnw -Pbench verify -Dbench.scale=1 -Dbench.scenarios=1,2 "-Dbench.argLine=-Xmx1536m \
#     -XX:StartFlightRecording=filename=target/bench.jfr,settings=$PWD/docs/profiles/cpu.jfc \
#     -XX:FlightRecorderOptions=stackdepth=256"
#   bash docs/profiles/flame.sh "1 register" registration "2 complete" completion
#
# Each pair is a phase and a name: docs/profiles/NAME.html (the flame graph) and NAME-top.txt (the ten frames
# with the most samples of their own, the hottest leaves).
set -euo pipefail
cd "$(dirname "$0")/../.."
version=4.2
converter=target/profiler/jfr-converter-$version.jar
[[ -f $converter ]] || ./mvnw -q dependency:copy -Dartifact=tools.profiler:jfr-converter:$version \
  -DoutputDirectory=target/profiler
while (($# >= 2)); do
  phase=$1 name=$2
  shift 2
  read -r start end < <(awk -F'\t' -v phase="$phase" '$1 == phase { print $2, $3 }' target/bench/phases.tsv)
  # --dot: Java's names (org.camunda...) rather than the JVM's (org/camunda/...)
  java -jar "$converter" --dot --from "$start" --to "$end" --title "Compromiso: $phase, CPU samples" \
    target/bench.jfr "docs/profiles/$name.html"
  java -jar "$converter" --dot --from "$start" --to "$end" -o collapsed target/bench.jfr "target/profiler/$name.collapsed"
  # the converter marks a frame _[j] (compiled), _[i] (inlined), _[0] (interpreted): one method either way
  awk '{ samples = $NF; sub(/ [0-9]+$/, ""); frames = split($0, frame, ";"); leaf = frame[frames]
         sub(/_\[[a-z0-9]\]$/, "", leaf); self[leaf] += samples; total += samples }
       END { for (f in self) printf "%5.1f %%  %s\n", 100 * self[f] / total, f }' "target/profiler/$name.collapsed" \
    | sort -rn | sed -n 1,10p > "docs/profiles/$name-top.txt"
  echo "docs/profiles/$name.html: $(awk '{ s += $NF } END { print s }' "target/profiler/$name.collapsed") samples"
done
