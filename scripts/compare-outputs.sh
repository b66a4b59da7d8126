#!/bin/sh
# Saves, or compares against a saved copy, the JSON of `luoshi extract`,
# `luoshi docs` and `luoshi track` on every fixture folder (fixtures/*) and,
# when given, on extra corpus folders (a bench corpus kept with --corpus).
# Used to show that a speed change leaves every output byte the same:
#
#   scripts/compare-outputs.sh save    /tmp/before [CORPUS...]   # before the change
#   scripts/compare-outputs.sh compare /tmp/before [CORPUS...]   # after: lists differences
#
# LUOSHI names the binary (default target/release/luoshi). Exit 1 on any difference.
set -u
mode=${1:?usage: compare-outputs.sh save|compare DIR [CORPUS...]}
dir=${2:?usage: compare-outputs.sh save|compare DIR [CORPUS...]}
shift 2
luoshi=${LUOSHI:-target/release/luoshi}
mkdir -p "$dir"
work=$dir
if [ "$mode" = compare ]; then work=$(mktemp -d); fi
status=0
for folder in fixtures/*/ "$@"; do
  folder=${folder%/}
  name=$(printf %s "$folder" | tr / _)
  for command in extract docs track; do
    out="$work/$name.$command.json"
    "$luoshi" "$command" -q --format json "$folder" >"$out" 2>"$out.stderr"
    echo "exit $?" >>"$out.stderr"
    if [ "$mode" = compare ]; then
      for f in "$out" "$out.stderr"; do
        if ! cmp -s "$f" "$dir/$(basename "$f")"; then
          echo "differs: $folder $command ($(basename "$f"))"
          status=1
        fi
      done
    fi
  done
done
if [ "$mode" = compare ]; then
  rm -r "$work"
  [ $status = 0 ] && echo "all outputs identical"
fi
exit $status
