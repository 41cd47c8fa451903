#!/bin/bash
# Creates the shop's topics (infra/launcher's list, mounted here) before any service subscribes: a
# push consumer needs about 20 s to notice a topic that the first send created. Creating a topic
# again is harmless. The broker may still be registering with the name server: each topic is
# retried for a minute.
set -euo pipefail

mqadmin="$ROCKETMQ_HOME/bin/mqadmin"
for topic in $(sed -e 's/#.*//' /scripts/rocketmq-topics.txt); do
  for attempt in $(seq 1 30); do
    if sh "$mqadmin" updateTopic -n rocketmq-namesrv:9876 -c DefaultCluster -t "$topic" -r 4 -w 4; then
      break
    fi
    ((attempt < 30)) || { echo "could not create topic $topic" >&2; exit 1; }
    sleep 2
  done
done
