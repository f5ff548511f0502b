#!/usr/bin/env bash
# The project's one test command: typecheck, build, then every test file under test/ with node's runner.
set -euo pipefail
cd "$(dirname "$0")/.."
# On a fresh checkout the test command installs what it needs first.
[ -d node_modules ] || npm ci --no-audit --no-fund
npx tsc -p tsconfig.json --noEmit
npx tsc -p tsconfig.test.json
# The built package is what users run (`npx salvo` → dist/): the smoke test of the README and the end-to-end
# tests use it, so it is built from these sources first (a failed build stops here: noEmitOnError).
if ! out=$(npm run --silent build 2>&1); then echo "$out" >&2; echo "npm test: the build failed" >&2; exit 1; fi
files=$(find test -name '*.test.ts' -not -path '*/output/*' | sort)
if [ -z "$files" ]; then echo "no test files found under test/" >&2; exit 1; fi
# shellcheck disable=SC2086
exec node --import tsx --test --test-concurrency=2 $files
