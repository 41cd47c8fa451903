#!/bin/bash
# Nacos 3 starts with no administrator; the first call to this API sets the password of the user
# nacos. Once one is set, Nacos refuses the call ("code":409) and the password stays as it was.
set -euo pipefail

status=$(curl -s -o /tmp/answer -w '%{http_code}' -X POST \
  http://nacos:8848/nacos/v3/auth/user/admin --data-urlencode "password=$NACOS_PASSWORD")
case "$status $(cat /tmp/answer)" in
  200*) echo "administrator nacos set" ;;
  409* | *'"code":409'*) echo "administrator nacos was already set" ;;
  *) echo "Nacos answered $status: $(cat /tmp/answer)" >&2; exit 1 ;;
esac
