#!/usr/bin/env bash
# The pipeline library must never depend on the UI toolkit: only src/ui/ and src/main.rs may
# mention egui, eframe, egui_plot or rfd. Fails (exit 1) and names the offending lines otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
bad=$(grep -rnE '\b(egui|eframe|egui_plot|egui_extras|rfd)::|\buse (egui|eframe|egui_plot|rfd)\b|extern crate (egui|eframe)' src \
  --include='*.rs' | grep -vE '^src/(ui/|main\.rs)' || true)
if [ -n "$bad" ]; then
  echo "check-boundaries: UI toolkit used outside src/ui/ and src/main.rs:" >&2
  echo "$bad" >&2
  exit 1
fi
echo "check-boundaries: pipeline modules are free of egui/eframe/rfd"
