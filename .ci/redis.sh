#!/usr/bin/env bash
# Installs (when missing) and starts Debian's Redis without systemd on 127.0.0.1:6379, for
# the cache, session and rate-limit stores of the multi-process configuration. Nothing is
# persisted (tests clean their own keys); does nothing when a Redis already answers there.
# Usage: bash .ci/redis.sh   (env: REDIS_PORT, REDIS_RUN_DIR override the defaults)
set -euo pipefail

REDIS_PORT="${REDIS_PORT:-6379}"
REDIS_RUN_DIR="${REDIS_RUN_DIR:-${TMPDIR:-/tmp}/comptoir-redis}"

if [ ! -x /usr/bin/redis-server ]; then
  echo "› installing redis-server"
  [ -n "${COMPTOIR_APT_UPDATED:-}" ] || apt-get update -qq
  # The package's own service start fails without systemd: we start Redis ourselves below.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
fi

redis_ping() { redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; }

if ! redis_ping; then
  echo "› starting Redis"
  mkdir -p "$REDIS_RUN_DIR"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" \
    --pidfile "$REDIS_RUN_DIR/redis.pid" --logfile "$REDIS_RUN_DIR/redis.log" \
    --dir "$REDIS_RUN_DIR" --save '' --appendonly no
  for _ in $(seq 1 30); do
    redis_ping && break
    sleep 0.5
  done
  redis_ping || { echo "Redis did not start (see $REDIS_RUN_DIR/redis.log)" >&2; exit 1; }
fi
echo "› Redis ready on 127.0.0.1:${REDIS_PORT}"
