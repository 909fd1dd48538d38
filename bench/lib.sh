# Helpers for bench/run and the measurements in bench/measurements/ (sourced, not run).
# Globals set by bench/run: ROOT, WORK, BASE_URL, STACK_FILE, STACK_DATA, DYNAMO, CP_FILE,
# RUNS, DURATION, WARMUP, PROFILE (full|quick|smoke), RUN_ID.

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# A free TCP port on 127.0.0.1 (the kernel picks it; it is released before use).
free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

# The load generator: prints one 'run=.. rps=.. p50=..' line per run (see bench/LoadGen.java).
loadgen() { java -cp "$WORK/classes" LoadGen "$@"; }

# Direct DynamoDB with the service's client library (see bench/Dynamo.java).
dynamo() { java -cp "$WORK/classes:$(cat "$CP_FILE")" Dynamo "$@"; }

# An ID token of a (new) admin user of tenant $1, from the stack's cognito-local.
id_token() { node "$ROOT/local/token.mjs" --data "$STACK_DATA" --tenant "$1" --group admin 2>>"$WORK/tokens.log"; }

# HTTP status of a request to the service: http_status METHOD PATH TOKEN [BODY] (body to $WORK/last-body)
http_status() {
  local args=(-s -o "$WORK/last-body" -w '%{http_code}' -X "$1" --max-time 30
    -H "Authorization: Bearer $3")
  if [ $# -ge 4 ]; then args+=(-H 'Content-Type: application/json' --data-binary "$4"); fi
  curl "${args[@]}" "$BASE_URL$2" || echo 000
}

# True when the service has no such route (the application's 404 "No such route."), which is how
# a measurement of a capability that is not built yet knows to report itself as pending.
route_missing() {
  local status
  status=$(http_status "$@")
  [ "$status" = 404 ] && grep -q 'No such route' "$WORK/last-body"
}

# Values of KEY from 'key=value' lines in FILE, one per line.
field() { awk -v k="$2" '{for(i=1;i<=NF;i++){n=index($i,"="); if(substr($i,1,n-1)==k) print substr($i,n+1)}}' "$1"; }

# 'median min max' of the numbers on stdin.
stats() {
  sort -g | awk '{v[NR]=$1} END {
    if (NR == 0) { print "nan nan nan"; exit }
    m = (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2
    printf "%.2f %.2f %.2f\n", m, v[1], v[NR] }'
}

# A table cell 'median (min–max)' for KEY in FILE, with $3 decimals (default 2).
cell() {
  local d=${3:-2}
  field "$1" "$2" | stats | awk -v d="$d" '{printf "%." d "f (%." d "f–%." d "f)", $1, $2, $3}'
}

# The median of KEY in FILE.
median() { field "$1" "$2" | stats | awk '{print $1}'; }

# Sum of KEY in FILE (errors).
total() { field "$1" "$2" | awk '{s+=$1} END {print s+0}'; }

# 'met' or 'missed' for a comparison: verdict VALUE OP LIMIT (OP is le or ge).
verdict() {
  awk -v v="$1" -v op="$2" -v l="$3" 'BEGIN {
    if (v == "nan" || v == "") { print "not measured"; exit }
    ok = (op == "le") ? (v <= l) : (v >= l); print ok ? "met" : "missed" }'
}

# Arithmetic on decimals: calc 'a / b'.
calc() { awk "BEGIN { printf \"%.2f\", $* }"; }

# Resident set size in MB of PID.
rss_mb() { ps -o rss= -p "$1" 2>/dev/null | awk '{printf "%.0f", $1 / 1024}'; }

# The PID listening on TCP port $1 on this machine (empty when not found or not ours to see).
listener_pid() {
  { ss -Hltnp "sport = :$1" 2>/dev/null || true; } | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true
}

# Waits until /health/ready answers UP; prints the seconds it took since $1 (epoch ns).
await_ready() {
  local since=$1 limit=$2 now
  while :; do
    if curl -s --max-time 2 "$BASE_URL/health/ready" 2>/dev/null | grep -q '"status":"UP"'; then
      now=$(date +%s%N)
      calc "($now - $since) / 1e9"
      return 0
    fi
    now=$(date +%s%N)
    if [ $(((now - since) / 1000000000)) -ge "$limit" ]; then return 1; fi
    sleep 0.1
  done
}
