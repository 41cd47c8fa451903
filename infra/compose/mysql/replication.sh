#!/bin/bash
# Runs once, when a MySQL container initialises its empty data folder (/docker-entrypoint-initdb.d),
# on both: SHOP_MYSQL_ROLE says which. The primary creates the shop's user and the replication user;
# the replica follows the primary from its first transaction (GTID auto-positioning), so it receives
# those users and every database the services create, and is read-only from then on. (The
# entrypoint runs it, or sources it if it lost its executable bit: hence no set -u.)
set -eo pipefail

sql() { mysql --protocol=socket -uroot -p"$MYSQL_ROOT_PASSWORD" "$@"; }

case "$SHOP_MYSQL_ROLE" in
  primary)
    sql <<SQL
-- the services create their databases (shop_user, shop_order_0, ...) and migrate them themselves
CREATE USER '$SHOP_MYSQL_USER'@'%' IDENTIFIED WITH mysql_native_password BY '$SHOP_MYSQL_PASSWORD';
GRANT ALL PRIVILEGES ON \`shop\\_%\`.* TO '$SHOP_MYSQL_USER'@'%';
CREATE USER 'replication'@'%' IDENTIFIED BY '$SHOP_REPLICATION_PASSWORD';
GRANT REPLICATION SLAVE ON *.* TO 'replication'@'%';
SQL
    ;;
  replica)
    sql <<SQL
-- forget the replica's own transactions: the primary's history, from its first one, is what it applies
RESET BINARY LOGS AND GTIDS;
CHANGE REPLICATION SOURCE TO SOURCE_HOST='mysql-primary', SOURCE_PORT=3306,
  SOURCE_USER='replication', SOURCE_PASSWORD='$SHOP_REPLICATION_PASSWORD',
  SOURCE_AUTO_POSITION=1, GET_SOURCE_PUBLIC_KEY=1, SOURCE_CONNECT_RETRY=10;
START REPLICA;
-- from the next start on (the entrypoint restarts the server after this script)
SET PERSIST super_read_only = ON;
SQL
    ;;
  *)
    echo "SHOP_MYSQL_ROLE must be primary or replica, not '$SHOP_MYSQL_ROLE'" >&2
    exit 1
    ;;
esac
