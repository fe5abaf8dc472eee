#!/usr/bin/env bash
# Deliberate bugs the association lifecycle model test must catch. Each mutation is applied to a
# scratch copy of the repository (never to this tree), the model test runs there, and the script
# reports whether the test failed, as it must. Usage: bash scripts/model-mutations.sh
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# name | file | Python expression old -> new (first occurrence)
mutations=(
  "write-back-removing-roles|src/association-handler/backends.ts|before.roles.filter((r) => r.status !== 'removing' && !change.remove.includes(r.arn))|before.roles.filter((r) => !change.remove.includes(r.arn))"
  "ownership-from-properties|src/association-handler/plan.ts|const owned = mine.owned.filter(present);|const owned = sortedUnique([...mine.owned, ...mine.listed]).filter(present);"
  "policy-updated-in-place-on-a-new-target|src/associations/role-association.ts|const targetKey = stableHash(\`\${spec.kind}:\${JSON.stringify(stack.resolve(name))}\`);|const targetKey = 'Shared';"
  "one-access-role-for-every-association|src/associations/role-association.ts|const accessRole = new iam.Role(scope, \`AccessRole\${targetKey}\`, {|const accessRole = new iam.Role(Stack.of(scope), 'SharedAccessRole', {"
  "access-denied-is-fatal|src/association-handler/faults.ts|if (DENIED.has(name)) return 'denied';|if (DENIED.has(name)) return 'fatal';"
  "no-release-announcement|src/association-handler/handler.ts|if (op.releasing && records.mine && !records.mine.released) await records.announceRelease();|if (false) await records.announceRelease();"
)

failed=0
for m in "${mutations[@]}"; do
  IFS='|' read -r name file old new <<<"$m"
  rm -rf "$scratch/repo"
  mkdir -p "$scratch/repo"
  tar --exclude=./node_modules --exclude=./.git --exclude=./dist --exclude=./cdk.out -cf - . | tar -xf - -C "$scratch/repo"
  ln -s "$root/node_modules" "$scratch/repo/node_modules"
  if ! OLD="$old" NEW="$new" python3 - "$scratch/repo/$file" <<'PY'
import os, sys
path = sys.argv[1]
text = open(path).read()
old, new = os.environ['OLD'], os.environ['NEW']
if old not in text:
    sys.exit(f'mutation target not found in {path}: {old}')
open(path, 'w').write(text.replace(old, new, 1))
PY
  then
    echo "$name: could not apply (the code changed: update scripts/model-mutations.sh)"
    failed=1
    continue
  fi
  # The committed seed, then two others (each 200 runs): a mutation must fail at least one.
  if (cd "$scratch/repo" && for seed in 7 8 20261201; do
        MODEL_SEED=$seed MODEL_RUNS=200 npx jest test/association-handler/lifecycle-model.test.ts --coverage=false >"$scratch/$name.log" 2>&1 || exit 1
      done); then
    echo "$name: NOT caught (the model test passed with the bug)"
    failed=1
  else
    echo "$name: caught — $(grep -m1 -A2 'Cause:' "$scratch/$name.log" | tail -1 | sed 's/^ *//' | cut -c1-160)"
  fi
done
exit $failed
