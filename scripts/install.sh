#!/usr/bin/env bash
# Installs what the project needs on a fresh Debian machine (run as root, or with sudo
# available for apt-get). Without arguments: the site builder in .venv/. With --test:
# also the test tools (pytest, hypothesis, Playwright for Python), Debian's Chromium for
# the browser tests, a Java runtime for the Nu HTML checker, and the npm packages
# (axe-core, vnu-jar) pinned in package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."

with_tests=no
[ "${1:-}" = "--test" ] && with_tests=yes

apt_packages=()
# Debian's own python3 needs python3-venv for `python3 -m venv`.
python3 -c 'import ensurepip' 2>/dev/null || apt_packages+=(python3-venv)
if [ "$with_tests" = yes ]; then
  [ -x /usr/bin/chromium ] || apt_packages+=(chromium)
  command -v java >/dev/null || apt_packages+=(default-jre-headless)
  command -v npm >/dev/null || apt_packages+=(npm)
fi
if [ "${#apt_packages[@]}" -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${apt_packages[@]}"
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
if [ "$with_tests" = yes ]; then
  .venv/bin/python -m pip install -q -e '.[test]'
  npm ci --no-audit --no-fund --loglevel=error
else
  .venv/bin/python -m pip install -q -e .
fi
