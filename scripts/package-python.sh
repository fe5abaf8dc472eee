#!/usr/bin/env bash
# Builds the Python wheel (and sdist) of this jsii library into dist/python.
#
# `jsii-pacmak --target python` would build the package itself, but it first installs pinned versions
# of setuptools/build/twine that the local package index does not carry. So: jsii-pacmak generates
# the Python sources only (--code-only), and the standard `build` frontend makes the wheel with the
# setuptools and wheel that the index does have, in a private virtualenv (.venv-pack, git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."

venv=.venv-pack
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c 'import build, setuptools, wheel' 2>/dev/null; then
  # --retries 0: where the default index is unreachable, fall through to the configured ones at once.
  "$venv/bin/pip" install --quiet --disable-pip-version-check --retries 0 'build>=1.2' 'setuptools>=75' 'wheel>=0.42'
fi

gen=$(mktemp -d)
trap 'rm -rf "$gen"' EXIT
npx jsii-pacmak --target python --code-only --outdir "$gen"

src=$(dirname "$(find "$gen" -name setup.py -print -quit)")
if [ -z "$src" ] || [ ! -f "$src/setup.py" ]; then
  echo "package-python: jsii-pacmak generated no setup.py under $gen" >&2
  exit 1
fi

mkdir -p dist/python
rm -f dist/python/*.whl dist/python/*.tar.gz
# --no-isolation: use the virtualenv's tools; --skip-dependency-check: the generated pyproject pins
# exact tool versions that are not on the index, and any setuptools >= 75 builds this layout.
"$venv/bin/python" -m build --no-isolation --skip-dependency-check --wheel --sdist --outdir dist/python "$src"
ls -l dist/python

# The wheel must hold the module, the jsii assembly it loads at import, and the library's classes;
# the generated Python must compile. (Importing it needs the jsii, constructs and aws-cdk-lib
# Python packages, which the local package index does not carry.)
wheel=$(ls dist/python/*.whl)
"$venv/bin/python" - "$wheel" <<'PY'
import sys, zipfile
wheel = zipfile.ZipFile(sys.argv[1])
names = wheel.namelist()
init = 'cdk_redshift_iam/__init__.py'
assert init in names, f'{init} missing from the wheel'
assert any(n.startswith('cdk_redshift_iam/_jsii/') and n.endswith('.jsii.tgz') for n in names), 'jsii assembly missing from the wheel'
source = wheel.read(init).decode()
compile(source, init, 'exec')
for cls in ['RedshiftServiceRole', 'DatabaseUser', 'ChainedRole', 'RoleChain', 'ClusterRoleAssociation',
            'NamespaceRoleAssociation', 'RedshiftPermissions', 'RedshiftArn', 'RedshiftIamChecks']:
    assert f'class {cls}(' in source, f'class {cls} missing from {init}'
print(f'{sys.argv[1]}: module, jsii assembly and classes present; the generated Python compiles')
PY
