#!/usr/bin/env bash
# Fails with a clear message when the toolchain that jsii-pacmak needs for a language is missing:
#   scripts/require-toolchain.sh python|java|go
# (`npx projen build` packages every language we publish; see package:* in .projenrc.ts.)
set -uo pipefail
case "${1:-}" in
  python) needs='python3 (3.10+) with the venv module'; check() { python3 -c 'import venv, ensurepip'; } ;;
  java)   needs='Maven (mvn) and a JDK 17+ (javac)';    check() { mvn --version && javac -version; } ;;
  go)     needs='Go 1.25+ (go)';                         check() { go version; } ;;
  *) echo "usage: $0 python|java|go" >&2; exit 2 ;;
esac
if ! check >/dev/null 2>&1; then
  echo "package:$1: $needs must be on PATH to build the $1 package (npx projen build packages every published language)" >&2
  exit 1
fi
