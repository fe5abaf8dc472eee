#!/usr/bin/env bash
# A user's first hour, outside this repository: a fresh `npm init` app installs the packed library
# (dist/js, from `npx projen package:js`) with aws-cdk-lib at the oldest version we claim (the one in
# package.json) and at the newest on the registry, with no cdk.json and deprecated APIs fatal
# (JSII_DEPRECATED=fail). It synthesizes scripts/compat/app.js (the README's main scenarios) with the
# CDK CLI the README names (`aws-cdk@2 synth`), and checks for literal IAM_ROLE text.
#
#   bash scripts/compat.sh                 # both versions
#   bash scripts/compat.sh 2.260.0 ...     # these aws-cdk-lib versions instead
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

# The tarball of the compiled assembly's version (0.0.0, or RELEASE_VERSION under release:local).
tarball="$repo/dist/js/cdk-redshift-iam@$(node -p "JSON.parse(require('fs').readFileSync('.jsii', 'utf-8')).version").jsii.tgz"
if [ ! -f "$tarball" ]; then
  echo "compat: no $tarball; run 'npx projen compile && npx projen package:js' first" >&2
  exit 1
fi

start=$SECONDS
if [ $# -gt 0 ]; then
  versions=("$@")
else
  oldest=$(node -p "require('./package.json').devDependencies['aws-cdk-lib'].replace(/^[^0-9]*/, '')")
  newest=$(npm view aws-cdk-lib version)
  versions=("$oldest")
  [ "$newest" != "$oldest" ] && versions+=("$newest")
fi
constructs=$(node -p "require('./package.json').peerDependencies.constructs")
nag=$(node -p "require('./package.json').devDependencies['cdk-nag']")

# Two fresh installs are ~450 MB in ~20,000 files: on a RAM disk, when there is one with room,
# creating and removing them does not wait on the disk.
base=${TMPDIR:-/tmp}
if [ -d /dev/shm ] && [ -w /dev/shm ] && [ "$(df -Pk /dev/shm | awk 'NR==2 {print $4}')" -gt 2000000 ]; then
  base=/dev/shm
fi
work=$(mktemp -d "$base/cdk-redshift-iam-compat.XXXXXX")
trap 'rm -rf "$work"' EXIT

for version in "${versions[@]}"; do
  app="$work/app-$version"
  mkdir -p "$app"
  cp "$repo/scripts/compat/app.js" "$app/app.js"
  echo "compat: aws-cdk-lib@$version in $app ($((SECONDS - start))s)"
  (
    cd "$app"
    npm init -y >/dev/null
    npm install --no-audit --no-fund --loglevel=error \
      "$tarball" "aws-cdk-lib@$version" "constructs@$constructs" "cdk-nag@$nag" "aws-cdk@2" >/dev/null
    installed=$(node -p "require('aws-cdk-lib/package.json').version")
    [ "$installed" = "$version" ] || { echo "compat: asked for aws-cdk-lib@$version, got $installed" >&2; exit 1; }

    export JSII_DEPRECATED=fail
    export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20
    # cdk-nag as a validation plugin needs a newer aws-cdk-lib than the oldest we claim.
    plugin=0
    [ "$version" != "${versions[0]}" ] && plugin=1

    # The app asserts what it expects (literal clauses, no error or warning, no cdk-nag finding) and
    # prints its SQL; the CLI runs it as the README says (no cdk.json: --app).
    COMPAT_NAG_PLUGIN=$plugin npx --no-install cdk synth --app 'node app.js' --quiet --no-notices --no-version-reporting > synth.out 2>&1 \
      || { cat synth.out >&2; echo "compat: aws-cdk-lib@$version: 'cdk synth' failed" >&2; exit 1; }
    if grep -q 'Token\[' synth.out; then cat synth.out >&2; echo "compat: aws-cdk-lib@$version: an unresolved Token in the output" >&2; exit 1; fi
    if grep -qi 'deprecat' synth.out; then cat synth.out >&2; echo "compat: aws-cdk-lib@$version: a deprecation in the output" >&2; exit 1; fi
    grep -q "IAM_ROLE 'arn:aws:iam::123456789012:role/RoleA,arn:aws:iam::210987654321:role/RoleB'" synth.out \
      || { cat synth.out >&2; echo "compat: aws-cdk-lib@$version: no literal IAM_ROLE text for the chain" >&2; exit 1; }
    ls cdk.out/CompanyA.template.json cdk.out/CompanyB.template.json >/dev/null
    grep -h "IAM_ROLE" synth.out | sed "s/^/  [aws-cdk-lib@$version] /"
  )
done

echo "compat: ok for aws-cdk-lib ${versions[*]} in $((SECONDS - start))s"
