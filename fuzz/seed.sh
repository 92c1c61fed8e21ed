#!/usr/bin/env bash
# Seeds each fuzz target's corpus with the example site's transcripts and the regression
# corpus (and, when present, the real samples beside the repository; never committed).
set -euo pipefail
cd "$(dirname "$0")/.."
for target in front_matter layouts pipeline number_grammar; do
  dir=fuzz/corpus/$target
  mkdir -p "$dir"
  for f in content/*.txt content/layouts/* tests/fixtures/layouts/* tests/fixtures/readers/* tests/fixtures/regressions/*; do
    [ -f "$f" ] || continue
    case "$target" in
      # The first byte picks the layout; seed every file under every layout.
      layouts) for i in $(seq 0 13); do
                 { printf "\\x$(printf %02x "$i")"; head -c 4000 "$f"; } > "$dir/$(basename "$f").$i"
               done ;;
      number_grammar) head -c 4000 "$f" > "$dir/$(basename "$f")" ;;
      *) cp "$f" "$dir/" ;;
    esac
  done
  if [ -d ../shared/fixtures/real ]; then
    for f in ../shared/fixtures/real/*; do
      case "$f" in *.tsv) continue ;; esac
      [ "$target" = layouts ] && { printf '\x00'; head -c 4000 "$f"; } > "$dir/real-$(basename "$f")" && continue
      head -c 20000 "$f" > "$dir/real-$(basename "$f")"
    done
  fi
done
echo "seeded fuzz/corpus/"
