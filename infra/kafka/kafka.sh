#!/usr/bin/env bash
# A real single-node Kafka broker (KRaft: broker and controller in one JVM) on loopback,
# built from Apache Kafka's own jars on Maven Central. No Docker needed.
#
#   infra/kafka/kafka.sh jars     resolve the jars once into .cache/kafka/<version>/libs
#   infra/kafka/kafka.sh start    format storage if new, start, wait until it answers
#   infra/kafka/kafka.sh stop     stop the broker by its pid
#   infra/kafka/kafka.sh status   say whether it runs and where
#
# Settings (environment): KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (KAFKA_PORT+1),
# KAFKA_DATA_DIR (.data/kafka), KAFKA_HEAP (512m), KAFKA_START_TIMEOUT_S (90).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

# 3.9.x, not 4.x: kafkajs 2.2.4 speaks protocol versions that Kafka 4.0 removed (KIP-896),
# and 3.9 is the last line that keeps them all while running KRaft without ZooKeeper.
KAFKA_VERSION="${KAFKA_VERSION:-3.9.1}"
port="${KAFKA_PORT:-9092}"
controller_port="${KAFKA_CONTROLLER_PORT:-$((port + 1))}"
data_dir="${KAFKA_DATA_DIR:-$root/.data/kafka}"
heap="${KAFKA_HEAP:-512m}"
start_timeout="${KAFKA_START_TIMEOUT_S:-90}"
libs="$root/.cache/kafka/$KAFKA_VERSION/libs"
pid_file="$data_dir/kafka.pid"

say() { echo "[kafka] $*" >&2; }

resolve_jars() {
  if [[ -f "$libs/.complete" ]]; then return 0; fi
  command -v mvn >/dev/null || { say "Maven (mvn) is needed once to fetch Kafka's jars from Maven Central"; exit 1; }
  command -v java >/dev/null || { say "Java 17+ is needed to run the broker"; exit 1; }
  say "resolving Apache Kafka $KAFKA_VERSION jars from Maven Central (once) ..."
  rm -rf "$libs" && mkdir -p "$libs"
  local log="$root/.cache/kafka/maven-$KAFKA_VERSION.log"
  if ! mvn -q -B -Dstyle.color=never -f "$here/pom.xml" -Dkafka.version="$KAFKA_VERSION" \
    dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$libs" >"$log" 2>&1; then
    say "Maven could not resolve the jars; its output:"; cat "$log" >&2; exit 1
  fi
  touch "$libs/.complete"
}

is_running() {
  [[ -f "$pid_file" ]] && kill -0 "$(cat "$pid_file")" 2>/dev/null
}

port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

write_properties() {
  cat >"$data_dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$data_dir/logs
num.partitions=3
default.replication.factor=1
min.insync.replicas=1
# A single node: internal topics cannot be replicated, or consumer groups never find a coordinator.
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
delete.topic.enable=true
PROPS
}

start() {
  resolve_jars
  if is_running; then say "already running (pid $(cat "$pid_file")) on 127.0.0.1:$port"; return 0; fi
  if port_open "$port"; then say "port $port is taken by another process; set KAFKA_PORT"; exit 1; fi
  mkdir -p "$data_dir"
  write_properties
  if [[ ! -f "$data_dir/logs/meta.properties" ]]; then
    local cluster_id
    cluster_id="$(java -cp "$libs/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)"
    java -cp "$libs/*" -Dlog4j.configuration="file:$here/log4j.properties" -Dkafka.logs.dir="$data_dir" \
      kafka.tools.StorageTool format -t "$cluster_id" -c "$data_dir/server.properties" --ignore-formatted >/dev/null
  fi
  say "starting on 127.0.0.1:$port (data in $data_dir)"
  nohup java -Xms128m -Xmx"$heap" -XX:+UseG1GC -XX:TieredStopAtLevel=1 -Djava.awt.headless=true \
    -Dlog4j.configuration="file:$here/log4j.properties" -Dkafka.logs.dir="$data_dir" \
    -cp "$libs/*" kafka.Kafka "$data_dir/server.properties" >"$data_dir/stdout.log" 2>&1 &
  echo $! >"$pid_file"
  wait_until_ready
}

wait_until_ready() {
  local deadline=$((SECONDS + start_timeout))
  until port_open "$port"; do
    if ! is_running; then say "broker exited during start; last lines of its log:"; tail -n 30 "$data_dir/kafka.log" "$data_dir/stdout.log" >&2 || true; exit 1; fi
    if ((SECONDS > deadline)); then say "no answer on port $port after ${start_timeout}s"; exit 1; fi
    sleep 0.2
  done
  # An open port is not yet a broker that serves metadata: ask it, as a client would.
  if [[ -d "$root/node_modules/kafkajs" ]]; then
    node "$here/wait-for-kafka.mjs" "127.0.0.1:$port" "$((deadline - SECONDS))"
  fi
  say "ready on 127.0.0.1:$port (pid $(cat "$pid_file"))"
}

stop() {
  if ! is_running; then say "not running"; rm -f "$pid_file"; return 0; fi
  local pid; pid="$(cat "$pid_file")"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  if kill -0 "$pid" 2>/dev/null; then say "pid $pid did not stop in 30s; killing it"; kill -9 "$pid" 2>/dev/null || true; fi
  rm -f "$pid_file"
  say "stopped (pid $pid)"
}

status() {
  if is_running; then echo "running: pid $(cat "$pid_file"), 127.0.0.1:$port, data $data_dir"; else echo "stopped"; return 1; fi
}

case "${1:-}" in
  jars) resolve_jars ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 jars|start|stop|status" >&2; exit 2 ;;
esac
