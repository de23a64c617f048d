#!/usr/bin/env bash
# Make a Docker engine available for the lab and the docker test project, idempotently:
#   1. install docker.io if dockerd is missing (a fresh CI machine has nothing),
#   2. start dockerd in the background if `docker info` does not answer,
#   3. wait (60 s at most) until the socket exists and `docker info` answers.
# One line per step goes to stderr so CI logs show where time went. Exit 1 with a clear
# message when Docker cannot be made available.
set -euo pipefail

log() { echo "ensure-docker: $*" >&2; }
die() { echo "ensure-docker: ERROR: $*" >&2; exit 1; }

readonly SOCKET=/var/run/docker.sock
readonly DOCKERD_LOG=/tmp/falco-doctor-dockerd.log
readonly WAIT_SECONDS=60

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"
  else die "need root (or passwordless sudo) to run: $*"
  fi
}

if command -v dockerd >/dev/null 2>&1 && command -v docker >/dev/null 2>&1; then
  log "docker and dockerd are installed ($(command -v dockerd))"
else
  log "dockerd missing: installing docker.io with apt-get"
  as_root apt-get update >&2 || die "apt-get update failed"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y docker.io >&2 \
    || die "apt-get install docker.io failed"
  command -v dockerd >/dev/null 2>&1 || die "docker.io installed but dockerd is still not on PATH"
  log "docker.io installed"
fi

if docker info >/dev/null 2>&1; then
  log "daemon answers (docker info ok)"
  exit 0
fi

if pgrep -x dockerd >/dev/null 2>&1; then
  log "dockerd process exists but does not answer yet: waiting for it"
else
  log "starting dockerd in the background (log: $DOCKERD_LOG)"
  # setsid + nohup: the daemon must outlive this script and the test process that ran it.
  as_root setsid nohup dockerd >"$DOCKERD_LOG" 2>&1 < /dev/null &
fi

deadline=$((SECONDS + WAIT_SECONDS))
until [ -S "$SOCKET" ] && docker info >/dev/null 2>&1; do
  if [ "$SECONDS" -ge "$deadline" ]; then
    tail -n 20 "$DOCKERD_LOG" >&2 2>/dev/null || true
    die "docker daemon did not answer within ${WAIT_SECONDS}s (socket $SOCKET, log $DOCKERD_LOG)"
  fi
  sleep 1
done
log "daemon answers after $((SECONDS))s (docker info ok)"
