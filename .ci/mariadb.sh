#!/usr/bin/env bash
# Installs (when missing) and starts Debian's MariaDB without systemd, then creates the
# TCP user and an EMPTY test database for Comptoir's tests: the database is dropped and
# created again on every run, so its name must end in "_test".
# Usage: bash .ci/mariadb.sh   (env: DB_USER, DB_PASSWORD, DB_DATABASE override the defaults)
set -euo pipefail

DB_USER="${DB_USER:-comptoir}"
DB_PASSWORD="${DB_PASSWORD:-comptoir}"
DB_DATABASE="${DB_DATABASE:-comptoir_test}"

case "$DB_DATABASE" in
  *_test) ;;
  *) echo "Refusing to recreate \"$DB_DATABASE\": the test database's name must end in _test" >&2; exit 1 ;;
esac

if [ ! -x /usr/sbin/mariadbd ]; then
  echo "› installing mariadb-server"
  [ -n "${COMPTOIR_APT_UPDATED:-}" ] || apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mariadb-server >/dev/null
fi

if ! mysqladmin ping --silent >/dev/null 2>&1; then
  echo "› starting MariaDB"
  mkdir -p /run/mysqld
  chown mysql:mysql /run/mysqld
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql
  for _ in $(seq 1 60); do
    mysqladmin ping --silent >/dev/null 2>&1 && break
    sleep 1
  done
  mysqladmin ping --silent >/dev/null || { echo "MariaDB did not start" >&2; exit 1; }
fi

# Debian's root logs in through the unix socket only; the app connects over TCP with its own user.
mysql --protocol=socket -uroot <<SQL
CREATE USER IF NOT EXISTS '${DB_USER}'@'localhost' IDENTIFIED BY '${DB_PASSWORD}';
CREATE USER IF NOT EXISTS '${DB_USER}'@'127.0.0.1' IDENTIFIED BY '${DB_PASSWORD}';
ALTER USER '${DB_USER}'@'localhost' IDENTIFIED BY '${DB_PASSWORD}';
ALTER USER '${DB_USER}'@'127.0.0.1' IDENTIFIED BY '${DB_PASSWORD}';
DROP DATABASE IF EXISTS \`${DB_DATABASE}\`;
CREATE DATABASE \`${DB_DATABASE}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
GRANT ALL PRIVILEGES ON \`${DB_DATABASE}\`.* TO '${DB_USER}'@'localhost';
GRANT ALL PRIVILEGES ON \`${DB_DATABASE}\`.* TO '${DB_USER}'@'127.0.0.1';
FLUSH PRIVILEGES;
SQL
echo "› MariaDB ready: database ${DB_DATABASE}, user ${DB_USER} on 127.0.0.1:3306"
