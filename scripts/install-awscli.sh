#!/usr/bin/env bash
# Installs the AWS CLI v2 from Debian's awscli package (about 15 s with apt-get update here), for the
# sandbox test that creates a learner's table and item by hand exactly as the course material does,
# with a client independent of this project. Does nothing when /usr/bin/aws is already v2.
set -euo pipefail
if /usr/bin/aws --version 2>/dev/null | grep -q '^aws-cli/2\.'; then
  echo "awscli: $(/usr/bin/aws --version)"
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "awscli: not installed; run as root (or: sudo apt-get install -y awscli)" >&2
  exit 1
fi
timeout 300 apt-get update -qq
DEBIAN_FRONTEND=noninteractive timeout 300 apt-get install -y -qq awscli >/dev/null
echo "awscli: $(/usr/bin/aws --version)"
