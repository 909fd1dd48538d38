# Measurement 3: GET /faq/{q} through the service vs the same GetItem straight to dynalite with
# the service's client library (bench/Dynamo.java), at 1, 8 and 32 connections.

measure_faq_get() {
  echo "## 3. \`GET /faq/{q}\` vs a raw GetItem loop"
  echo
  echo "Target: **p50 added latency ≤ 1 ms; throughput ≥ 80 % of raw**, at each concurrency."
  echo "Both sides read the same item (consistent read) from the same dynalite; the raw side is one"
  echo "AWS SDK v2 client with apache5-client configured as the service's, one thread per connection."
  echo
  local c http raw
  echo "| connections | side | runs | p50 ms | p90 ms | p99 ms | req/s | errors |"
  echo "|---|---|---|---|---|---|---|---|"
  for c in $CONNECTIONS; do
    http="$WORK/faq-http-$c.txt"
    raw="$WORK/faq-raw-$c.txt"
    loadgen "$BASE_URL$FAQ_PATH" --header "Authorization: Bearer $FAQ_TOKEN" --connections "$c" \
      --duration "$DURATION" --warmup "$WARMUP" --runs "$RUNS" "${CPU_ARGS[@]}" >"$http"
    dynamo getitem --endpoint "$DYNAMO" --table app-faq --key "client_id=$FAQ_TENANT" \
      --key "question=$FAQ_QUESTION" --connections "$c" --duration "$DURATION" \
      --warmup "$WARMUP" --runs "$RUNS" "${CPU_ARGS[@]}" >"$raw"
    faq_row "$c" "service" "$http"
    faq_row "$c" "raw GetItem" "$raw"
  done
  echo
  echo "| connections | added p50 ms (service − raw) | ≤ 1 ms | throughput, service / raw | ≥ 80 % |"
  echo "|---|---|---|---|---|"
  local added ratio missed=""
  for c in $CONNECTIONS; do
    http="$WORK/faq-http-$c.txt"
    raw="$WORK/faq-raw-$c.txt"
    added=$(calc "$(median "$http" p50) - $(median "$raw" p50)")
    ratio=$(calc "100 * $(median "$http" rps) / $(median "$raw" rps)")
    printf '| %s | %s | %s | %s %% | %s |\n' "$c" "$added" "$(verdict "$added" le 1)" "$ratio" \
      "$(verdict "$ratio" ge 80)"
    if [ "$(verdict "$added" le 1)" = missed ]; then
      missed="$missed added p50 at $c connections is $(calc "$added - 1") ms over;"
    fi
    if [ "$(verdict "$ratio" ge 80)" = missed ]; then
      missed="$missed throughput at $c connections is $(calc "80 - $ratio") points under;"
    fi
  done
  echo
  faq_cpu
  profiled "GET /faq, ${CONNECTIONS##* } connections" "$WORK/faq-profile" \
    loadgen "$BASE_URL$FAQ_PATH" --header "Authorization: Bearer $FAQ_TOKEN" \
    --connections "${CONNECTIONS##* }" --duration "$DURATION" "${CPU_ARGS[@]}"
  if [ -n "$missed" ]; then
    echo "Missed:$missed see the CPU table: the figures follow from it."
    echo
  fi
}

# CPU per request of both sides (what bounds the throughput ratio), and what it means.
faq_cpu() {
  if [ ${#CPU_ARGS[@]} -eq 0 ]; then
    echo "CPU per request not measured (the server's process is not known to the harness)."
    echo
    return
  fi
  local c args=() top
  for c in $CONNECTIONS; do
    args+=("service, $c connections" "$WORK/faq-http-$c.txt" "raw, $c connections" "$WORK/faq-raw-$c.txt")
  done
  echo "CPU per request, milliseconds (median of the runs; user + system time of each process"
  echo "during each run, divided by its requests):"
  echo
  cpu_table "${args[@]}"
  echo
  top=${CONNECTIONS##* }
  local service raw ceiling
  service=$(cpu_all "$WORK/faq-http-$top.txt")
  raw=$(cpu_all "$WORK/faq-raw-$top.txt")
  ceiling=$(awk -v s="$service" -v r="$raw" 'BEGIN { if (s > 0) printf "%.0f", 100 * r / s; else print "nan" }')
  echo "Both sides share the same $(nproc) cores with their load generator and dynalite. At $top"
  echo "connections a service request costs $service ms of CPU across the processes, a raw GetItem"
  echo "$raw ms, so when the cores are the limit the service can reach at most $ceiling % of the raw"
  echo "throughput — whatever its latency. The raw side's client does the same SDK work the service"
  echo "does inside Liberty, so every millisecond Liberty adds (HTTP, token, JAX-RS, JSON, logging,"
  echo "metrics) counts against the ratio; \`bench/run --profile\` splits Liberty's share by layer."
  echo
}

faq_row() {
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$2" "$(field "$3" run | wc -l)" \
    "$(cell "$3" p50)" "$(cell "$3" p90)" "$(cell "$3" p99)" "$(cell "$3" rps 0)" "$(total "$3" errors)"
}
