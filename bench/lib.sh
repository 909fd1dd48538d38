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

# CPU time (user + system, clock ticks) PID has spent so far; 0 when it cannot be read.
proc_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat" 2>/dev/null || echo 0; }

# The HTTP load generator of the route measurements: wrk (one thread, closed loop per connection),
# driven by bench/wrk.lua. Prints one line per run in LoadGen's format, plus the CPU per request
# of each --cpu NAME=PID process and of wrk itself (cpu_loadgen), all from /proc:
#   wrk_load URL [--connections 1] [--duration 5] [--warmup 1] [--runs 5] [--method GET]
#     [--header 'Name: value']... [--body-file F] [--cpu NAME=PID]...
# wrk counts in whole seconds, so durations are rounded up (at least 1 s); --warmup 0 skips it.
wrk_load() {
  local url=$1 c=1 d=5 w=1 n=5 method=GET body="" hdrs=() cpus=()
  shift
  while [ $# -gt 0 ]; do
    case "$1" in
      --connections) c=$2 ;;
      --duration) d=$2 ;;
      --warmup) w=$2 ;;
      --runs) n=$2 ;;
      --method) method=$2 ;;
      --body-file) body=$2 ;;
      --header) hdrs+=(-H "$2") ;;
      --cpu) cpus+=("$2") ;;
      *) die "wrk_load: unknown argument $1" ;;
    esac
    shift 2
  done
  local tck secs i line spec before=() after=() count extra k
  tck=$(getconf CLK_TCK)
  secs=$(awk -v d="$d" 'BEGIN { s = int(d); if (s < d) s++; if (s < 1) s = 1; print s }')
  one_wrk() {
    WRK_METHOD=$method WRK_BODY_FILE=$body wrk -t1 -c"$c" -d"$1s" --timeout 10s -s "$ROOT/bench/wrk.lua" \
      "${hdrs[@]}" "$url" 2>&1 | grep '^count=' || die "wrk against $url printed no result"
  }
  if awk -v w="$w" 'BEGIN { exit !(w > 0) }'; then
    line=$(one_wrk "$(awk -v d="$w" 'BEGIN { s = int(d); if (s < d) s++; print s }')")
    [ -n "$line" ] || die "wrk against $url printed no result"
    if [ "$(field <(echo "$line") count)" -gt 0 ] &&
      [ "$(field <(echo "$line") errors)" = "$(field <(echo "$line") count)" ]; then
      die "every warm-up request to $url failed ($line)"
    fi
  fi
  for i in $(seq 1 "$n"); do
    before=()
    for spec in "${cpus[@]}"; do before+=("$(proc_ticks "${spec#*=}")"); done
    line=$(one_wrk "$secs")
    [ -n "$line" ] || die "wrk against $url printed no result"
    count=$(field <(echo "$line") count)
    extra=""
    k=0
    for spec in "${cpus[@]}"; do
      extra+=" cpu_${spec%%=*}=$(awk -v a="$(proc_ticks "${spec#*=}")" -v b="${before[$k]}" -v n="$count" \
        -v t="$tck" 'BEGIN { printf("%.3f", (n > 0) ? (a - b) * 1000 / t / n : 0) }')"
      k=$((k + 1))
    done
    extra+=" cpu_loadgen=$(awk -v a="$(field <(echo "$line") wrk_ticks)" -v n="$count" -v t="$tck" \
      'BEGIN { printf("%.3f", (n > 0) ? a * 1000 / t / n : 0) }')"
    echo "run=$i connections=$c ${line% wrk_ticks=*}$extra"
  done
}

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

# CPU_ARGS: '--cpu NAME=PID' for LoadGen and Dynamo, for each server process whose PID is known
# (the Liberty JVM, dynalite), so that every run line also says how much CPU each spent per request.
# REF_CPU_ARGS: the same for runs against the reference service, whose JVM takes Liberty's column.
set_cpu_args() {
  CPU_ARGS=()
  REF_CPU_ARGS=()
  if [ -n "${LIBERTY_PID:-}" ]; then CPU_ARGS+=(--cpu "liberty=$LIBERTY_PID"); fi
  if [ -n "${REF_PID:-}" ]; then REF_CPU_ARGS+=(--cpu "liberty=$REF_PID"); fi
  if [ -n "${DYNALITE_PID:-}" ]; then
    CPU_ARGS+=(--cpu "dynalite=$DYNALITE_PID")
    REF_CPU_ARGS+=(--cpu "dynalite=$DYNALITE_PID")
  fi
}

# side_by_side FILE_SERVICE FILE_REF URL_PATH [wrk_load args...]: the same wrk load on the service
# and on the reference, interleaved: a warm-up of WARMUP s on each, then RUNS rounds of one run on
# the service and one on the reference, so that whatever else loads the machine meets both sides.
side_by_side() {
  local svc=$1 ref=$2 path=$3 i
  shift 3
  : >"$svc"
  : >"$ref"
  wrk_load "$BASE_URL$path" "$@" --warmup "$WARMUP" --runs 0
  wrk_load "$REF_URL$path" "$@" --warmup "$WARMUP" --runs 0
  for i in $(seq 1 "$RUNS"); do
    wrk_load "$BASE_URL$path" "$@" --duration "$DURATION" --warmup 0 --runs 1 "${CPU_ARGS[@]}" >>"$svc"
    wrk_load "$REF_URL$path" "$@" --duration "$DURATION" --warmup 0 --runs 1 "${REF_CPU_ARGS[@]}" >>"$ref"
  done
}

# steady_warmup URL [wrk_load args...]: STEADY_WINDOW-second wrk windows until the JIT has
# settled: three windows in a row whose req/s differ by less than 5 % from the one before (at
# least 3, at most STEADY_MAX windows). Prints 'windows=N steady=yes|no rates=r1,r2,...'.
steady_warmup() {
  local url=$1 i line rates=() n=0 steady=no
  shift
  if [ "${STEADY_MAX:-0}" -le 0 ]; then
    echo "windows=0 steady=skipped rates=-"
    return 0
  fi
  for i in $(seq 1 "$STEADY_MAX"); do
    line=$(wrk_load "$url" "$@" --duration "$STEADY_WINDOW" --warmup 0 --runs 1)
    rates+=("$(field <(echo "$line") rps | cut -d. -f1)")
    n=${#rates[@]}
    if [ "$n" -ge 3 ] && awk -v a="${rates[n - 3]}" -v b="${rates[n - 2]}" -v c="${rates[n - 1]}" \
      'function d(x, y) { return (x > y ? x - y : y - x) / (y > 0 ? y : 1) }
       BEGIN { exit !(d(b, a) < 0.05 && d(c, b) < 0.05) }'; then
      steady=yes
      break
    fi
  done
  echo "windows=$n steady=$steady rates=$(IFS=,; echo "${rates[*]}")"
}

# A table of CPU milliseconds per request by process, one row per 'LABEL FILE' pair of arguments,
# from the cpu_* fields of LoadGen/Dynamo lines (median of the runs); the last column is the
# throughput those milliseconds allow when the machine's cores do nothing else.
cpu_table() {
  local cores label file l d m c all
  cores=$(nproc)
  echo "| side | server JVM (Liberty or reference) | dynalite | model stub | load generator (wrk) | all processes | bound at $cores cores, req/s |"
  echo "|---|---|---|---|---|---|---|"
  while [ $# -ge 2 ]; do
    label=$1 file=$2
    shift 2
    l=$(cpu_of "$file" cpu_liberty) d=$(cpu_of "$file" cpu_dynalite) m=$(cpu_of "$file" cpu_model_stub)
    c=$(cpu_generator "$file") all=$(cpu_all "$file")
    printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$label" "$l" "$d" "$m" "$c" "$all" \
      "$(awk -v a="$all" -v n="$cores" 'BEGIN { if (a > 0) printf "%.0f", n * 1000 / a; else print "—" }')"
  done
}

# CPU per request of the load generator or, on the raw side, of the raw client.
cpu_generator() {
  local c
  c=$(cpu_of "$1" cpu_loadgen)
  if [ "$c" = 0 ]; then c=$(cpu_of "$1" cpu_client); fi
  echo "$c"
}

# CPU per request of all processes measured in FILE (the table's "all processes" column).
cpu_all() {
  calc "$(cpu_of "$1" cpu_liberty) + $(cpu_of "$1" cpu_dynalite) + $(cpu_of "$1" cpu_model_stub) + $(cpu_generator "$1")"
}

# The median of a cpu_* field of FILE (0 when the runs did not measure it).
cpu_of() {
  local v
  v=$(median "$1" "$2")
  if [ "$v" = nan ]; then echo 0; else echo "$v"; fi
}

# profiled TITLE BASE COMMAND...: with --profile, one more run of the load COMMAND (a loadgen call
# with the measurement's arguments; --warmup 0 --runs 1 are appended and win) while async-profiler
# samples the Liberty JVM, then a table of where Liberty's CPU per request went, by layer
# (bench/Layers.java). Without --profile, or without the server's PID, it does nothing.
profiled() {
  if [ "${WITH_PROFILER:-0}" != 1 ] || [ -z "${LIBERTY_PID:-}" ]; then return 0; fi
  local title=$1 base=$2
  shift 2
  log "profiling $title"
  profile_start "$LIBERTY_PID"
  "$@" --warmup 0 --runs 1 >"$base.txt" || true
  profile_stop "$LIBERTY_PID" "$base.collapsed"
  echo "Where Liberty's CPU goes, $title (one more run under async-profiler; \`--profile\`):"
  echo
  layer_table "$base.collapsed" "$(field "$base.txt" count | head -1)" \
    "$(cpu_of "$base.txt" cpu_liberty)"
  echo
}

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

# ---------------------------------------------------------------- model stub and tenant data

# WireMock's base URL from the stack file (empty when the stack started none).
model_stub_url() {
  node -e 'const s=JSON.parse(require("fs").readFileSync(process.argv[1]));console.log(s.wiremockUrl||"")' "$STACK_FILE"
}

# Stubs POST /v1/chat/completions at WireMock $1 for requests carrying marker $2: an instant answer.
stub_model() {
  local mapping
  mapping=$(node -e '
    const [marker] = process.argv.slice(1);
    console.log(JSON.stringify({
      request: { method: "POST", urlPath: "/v1/chat/completions", bodyPatterns: [{ contains: marker }] },
      response: { status: 200, headers: { "Content-Type": "application/json" }, jsonBody: {
        id: "chatcmpl-bench", object: "chat.completion", model: "gpt-4o-mini",
        choices: [{ index: 0, finish_reason: "stop",
          message: { role: "assistant", content: "土曜日は18時まで営業しております。" } }],
        usage: { prompt_tokens: 100, completion_tokens: 10, total_tokens: 110 } } } }));' "$2")
  curl -s -o /dev/null -w '%{http_code}' --max-time 10 -X POST -H 'Content-Type: application/json' \
    --data-binary "$mapping" "$1/__admin/mappings" | grep -q '^201$' || die "WireMock refused the model stub"
}

# The body of the newest request WireMock $1 got for /v1/chat/completions carrying marker $2.
model_request() {
  local find
  find=$(node -e 'console.log(JSON.stringify({method:"POST",urlPath:"/v1/chat/completions",bodyPatterns:[{contains:process.argv[1]}]}))' "$2")
  curl -s --max-time 10 -X POST -H 'Content-Type: application/json' --data-binary "$find" \
    "$1/__admin/requests/find" |
    node -e 'let t="";process.stdin.on("data",d=>t+=d).on("end",()=>{const r=JSON.parse(t).requests||[];
      r.sort((a,b)=>b.loggedDate-a.loggedDate);process.stdout.write(r.length?r[0].body:"")})'
}

# send_json METHOD PATH TOKEN BODY: dies unless the service answers 200.
send_json() {
  local status
  status=$(http_status "$@")
  [ "$status" = 200 ] || die "$1 $2 answered $status: $(head -c 300 "$WORK/last-body")"
}

# gen_faqs N FILE: N varied Japanese FAQs as a JSON array (topics x days x aspects, numbered).
gen_faqs() {
  node -e '
    const n = Number(process.argv[1]);
    const topics = ["営業時間", "駐車場", "予約", "キャンセル", "支払い方法", "配送", "返品", "会員登録",
      "ポイント", "アクセス", "設備", "料金", "子供連れ", "ペット", "団体利用", "領収書", "Wi-Fi", "喫煙"];
    const days = ["土曜日", "日曜日", "祝日", "平日", "年末年始", "夏季休暇", "午前中", "夕方", "夜間", "雨の日"];
    const asks = ["はどうなっていますか", "について教えてください", "は利用できますか", "の注意点は何ですか",
      "は変わりますか", "の料金はいくらですか", "は予約が必要ですか"];
    const faqs = Array.from({ length: n }, (_, i) => {
      const t = topics[i % topics.length], d = days[Math.floor(i / topics.length) % days.length];
      const a = asks[Math.floor(i / (topics.length * days.length)) % asks.length];
      return { question: `${d}の${t}${a}（${i}）`,
        answer: `${d}の${t}については、受付で詳しくご案内しております。番号${i}の案内をご確認ください。` };
    });
    process.stdout.write(JSON.stringify(faqs));' "$1" >"$2"
}

# import_faqs TOKEN FILE: POST /faqs/import of a JSON array of {question, answer}.
import_faqs() {
  local status
  status=$(curl -s -o "$WORK/import.json" -w '%{http_code}' --max-time 300 -X POST \
    -H "Authorization: Bearer $1" -H 'Content-Type: application/json' \
    --data-binary "@$2" "$BASE_URL/faqs/import")
  [ "$status" = 200 ] || die "FAQ import answered $status: $(head -c 300 "$WORK/import.json")"
}

# Percent-encodes $1 for a query string.
urlencode() { node -e 'console.log(encodeURIComponent(process.argv[1]))' "$1"; }

# same_answer PATH TOKEN [BODY_FILE]: 'yes' when the service and the reference answer the request
# with the same status and the same JSON (keys in any order), else what differed. A POST when a
# body file is given.
same_answer() {
  local args=(-s --max-time 30 -H "Authorization: Bearer $2" -w '\n%{http_code}')
  if [ $# -ge 3 ]; then args+=(-X POST -H 'Content-Type: application/json' --data-binary "@$3"); fi
  curl "${args[@]}" "$BASE_URL$1" >"$WORK/answer-service.txt" 2>/dev/null || true
  curl "${args[@]}" "$REF_URL$1" >"$WORK/answer-reference.txt" 2>/dev/null || true
  node -e '
    const fs = require("fs");
    const read = (f) => { const t = fs.readFileSync(f, "utf8").trimEnd(); const i = t.lastIndexOf("\n");
      return { status: t.slice(i + 1), body: t.slice(0, i) }; };
    const norm = (v) => Array.isArray(v) ? v.map(norm) : v && typeof v === "object"
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, norm(v[k])])) : v;
    const parse = (b) => { try { return JSON.stringify(norm(JSON.parse(b))); } catch { return b; } };
    const s = read(process.argv[1]), r = read(process.argv[2]);
    const a = s.status + " " + parse(s.body), b = r.status + " " + parse(r.body);
    console.log(a === b ? "yes" : `no (service: ${a.slice(0, 200)}; reference: ${b.slice(0, 200)})`);
  ' "$WORK/answer-service.txt" "$WORK/answer-reference.txt"
}

# store_calls_of PATH TOKEN: the X-Store-Calls header of a GET to the service ('not sent' without).
store_calls_of() {
  local calls
  calls=$(curl -s -o /dev/null -D - --max-time 30 -H "Authorization: Bearer $2" "$BASE_URL$1" |
    tr -d '\r' | awk -F': ' 'tolower($1)=="x-store-calls" {print $2}')
  echo "${calls:-not sent}"
}
