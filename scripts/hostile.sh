#!/usr/bin/env bash
# Runs every hostile reproduction of issue 15 against a jar and prints one line per case:
#   case  exit-code  seconds  max-RSS-MiB  first line of stderr
# Usage: scripts/hostile.sh [JAR]   (default target/pipelens.jar). Each case is capped at 120 s.
#        ONLY=REGEX scripts/hostile.sh   runs only the cases whose name matches.
# Time and memory bounds are measured here, outside the unit tests (docs/hardening.md keeps the results).
set -u
JAR=${1:-target/pipelens.jar}
JAVA=${JAVA:-java}
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
py() { python3 -c "$1"; }

# --- files ---------------------------------------------------------------------------------------
: > "$W/empty.yml"
printf '# only a comment\n' > "$W/comment.yml"
printf 'steps:\n  - command: !foo echo\n' > "$W/localtag.yml"
printf 'steps:\n  - command: a\n    command: b\n' > "$W/dupkey.yml"
printf 'steps:\n  - key: a\n    command: x\n    depends_on: b\n  - key: b\n    command: y\n    depends_on: a\n' > "$W/cycle.yml"
ln -s /dev/zero "$W/zero.yml"
mkfifo "$W/fifo.yml"
py "print('steps:\n  - command: x\n    if: ' + '('*2000 + 'build.branch == \"a\"' + ')'*2000)" > "$W/parens.yml"
py "print('steps:\n  - command: x\n    if: ' + ' && '.join(['build.branch == \"a\"']*3000))" > "$W/andchain.yml"
py "print('steps:\n  - command: \"' + '\${X:-'*2000 + 'x' + '}'*2000 + '\"')" > "$W/interp.yml"
py "
lines=['env:','  V0: \"aaaaaaaaaaaaaaaa\"']
for i in range(1,64): lines.append('  V%d: \"\${V%d}\${V%d}\"' % (i,i-1,i-1))
lines += ['steps:','  - command: echo \$\$V63']
print('\n'.join(lines))" > "$W/doubling.yml"
py "
print('t:\n  script: x\n  parallel:\n    matrix:\n      - ' + '\n        '.join('D%d: [0,1,2,3,4,5,6,7,8,9]' % d for d in range(8)))" > "$W/matrix.gitlab-ci.yml"
py "
n=2000
print('steps:')
for i in range(n): print('  - key: s%d\n    command: x' % i)
" > "$W/wide.yml"
py "
# 2,000 steps each depending on the same 1,000 keys through one alias: 2 million edges in a small file
print('steps:')
print('  - key: a0\n    command: x\n    depends_on: &all [' + ', '.join('a%d' % i for i in range(1, 1001)) + ']')
for i in range(1, 1001): print('  - key: a%d\n    command: x' % i)
for i in range(2000): print('  - key: b%d\n    command: x\n    depends_on: *all' % i)
" > "$W/edges.yml"
py "
print('steps:')
print('  - key: s0\n    command: x')
for i in range(1,100000): print('  - key: s%d\n    command: x\n    depends_on: s%d' % (i,i-1))
" > "$W/chain100k.yml"
py "
import sys
sys.stdout.write('steps:\n  - command: \"' + 'x'*10_000_000 + '\"\n')
sys.stdout.write('# pad\n' * ((16*1024*1024 - 10_000_030)//6))
" > "$W/longline.yml"
py "
print('steps:')
for i in range(50000): print('  - command: x%d\n  - wait' % i)
" > "$W/waits50k.yml"
py "
print('j0:\n  script: x')
for i in range(1, 20000): print('j%d:\n  script: x\n  needs: [j%d]' % (i, i - 1))
" > "$W/glchain20k.gitlab-ci.yml"
printf 'steps:\n  - key: dbl\n    command: (sleep 3017 &) ; sleep 3018\n' > "$W/doublefork.yml"
printf 'steps:\n  - key: env\n    command: env\n' > "$W/env.yml"
printf 'steps:\n  - key: big\n    command: head -c 1000000000 /dev/zero | tr "\\\\0" x\n' > "$W/bigout.yml"
printf 'steps:\n  - key: a\n    command: x\n' > "$W/ok.yml"

# --- runner ---------------------------------------------------------------------------------------
run() {
  local name=$1; shift
  [[ $name =~ ${ONLY:-.} ]] || return 0
  local t0 t1 rc rss
  t0=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$W/time" timeout -k 5 120 "$@" >"$W/out" 2>"$W/err" </dev/null
  rc=$?
  t1=$(date +%s.%N)
  rss=$(tail -1 "$W/time" 2>/dev/null)
  [[ $rss =~ ^[0-9]+$ ]] || rss=0
  local first
  first=$(grep -v '^\s*$' "$W/err" | head -1 | cut -c1-110)
  local traces
  traces=$(grep -c -E '^\s+at |Exception|Error:' "$W/err")
  printf '%-14s exit=%-3s %6.1fs %5d MiB traces=%s  %s\n' "$name" "$rc" "$(echo "$t1 - $t0" | bc)" $((rss/1024)) "$traces" "$first"
}
P="$JAVA -Xmx2g -jar $JAR"
run empty-plan     $P plan "$W/empty.yml"
run empty-lint     $P lint "$W/empty.yml"
run empty-vars     $P vars "$W/empty.yml"
run comment-plan   $P plan "$W/comment.yml"
run comment-export $P export "$W/comment.yml" -o "$W/c.svg"
run local-tag      $P plan "$W/localtag.yml"
run dup-key        $P plan "$W/dupkey.yml"
run cycle-plan     $P plan "$W/cycle.yml"
run cycle-run      $P run "$W/cycle.yml"
run dev-zero       $P plan /dev/zero
run symlink-zero   $P plan "$W/zero.yml"
run fifo           $P plan "$W/fifo.yml"
run parens-2000    $P plan "$W/parens.yml"
run and-3000       $P plan "$W/andchain.yml"
run interp-2000    $P plan "$W/interp.yml"
run env-doubling   $P plan "$W/doubling.yml"
run gl-matrix      $P plan "$W/matrix.gitlab-ci.yml"
run svg-2M-edges   $P export "$W/edges.yml" -o "$W/edges.svg"
run run-100k-chain $P run "$W/chain100k.yml"
run run-50k-waits $P run "$W/waits50k.yml"
run run-gl-20k    $P run "$W/glchain20k.gitlab-ci.yml"
run long-line      $P plan "$W/longline.yml"
run max-size-neg   $P plan "$W/ok.yml" --max-file-size -1
run pr-abc         $P plan "$W/ok.yml" --pull-request abc
# a private null device, never the machine's /dev/null (the old export replaced it when run as root)
if mknod "$W/null.svg" c 1 3 2>/dev/null; then run export-device $P export "$W/ok.yml" -o "$W/null.svg"; fi
mkfifo "$W/out.fifo"; run export-fifo $P export "$W/ok.yml" -o "$W/out.fifo" --format svg
ln -s "$W/target.svg" "$W/link.svg"; echo keep > "$W/target.svg"; run export-symlink $P export "$W/ok.yml" -o "$W/link.svg"
mkdir "$W/dir.svg"; run export-dir $P export "$W/ok.yml" -o "$W/dir.svg"
run export-mode    sh -c "umask 022; $P export '$W/ok.yml' -o '$W/mode.svg' && stat -c 'mode=%a' '$W/mode.svg' >&2"
want() { [[ $1 =~ ${ONLY:-.} ]]; }
want export- && printf 'export-results  device=%s fifo=%s link=%s dir=%s\n' "$(stat -c %F "$W/null.svg" 2>/dev/null)" "$(stat -c %F "$W/out.fifo")" "$(stat -c %F "$W/link.svg")" "$(stat -c %F "$W/dir.svg")"
run exec-env       env AWS_SECRET_ACCESS_KEY=leak $P run "$W/env.yml" --execute --workdir "$W"
want exec-env && printf 'exec-env-leak   %s\n' "$(grep -c AWS_SECRET "$W/err")"
run exec-fork      $P run "$W/doublefork.yml" --execute --workdir "$W" --timeout 2
want exec-fork && sleep 1 && printf 'exec-fork-left  sleep-301x processes: %s\n' "$(pgrep -f -x 'sleep 301[78]' | wc -l)"
pkill_own() { for p in $(pgrep -x -f 'sleep 301[78]'); do kill "$p"; done; }
pkill_own
run exec-bigout    $P run "$W/bigout.yml" --execute --workdir "$W"
# SIGTERM to the CLI while a step runs
want exec-sigterm && ( $P run "$W/doublefork.yml" --execute --workdir "$W" >/dev/null 2>&1 & pid=$!; sleep 4; kill -TERM $pid; wait $pid; echo "exec-sigterm    exit=$?" )
want exec-sigterm && sleep 1 && printf 'exec-term-left  sleep-301x processes: %s\n' "$(pgrep -f -x 'sleep 301[78]' | wc -l)"
pkill_own
