# Measurement 3: GET /faq/{q} through the service vs the reference service (bench/Reference.java:
# the same token check, GetItem and JSON without a framework), side by side with the same wrk load,
# at 1, 8 and 32 connections, after both sides were warmed to a steady state.

measure_faq_get() {
  echo "## 3. \`GET /faq/{q}\` vs the reference service"
  echo
  echo "Target: **throughput ≥ 80 % of the reference at 8 and 32 connections; p50 at 1 connection ≤"
  echo "reference + 0.5 ms; no errors.** Both sides verify the same RS256 ID token against the same"
  echo "JWKS, read the same item (consistent GetItem, AWS SDK v2 + apache5-client configured as"
  echo "\`platform.DynamoClients\`) from the same dynalite and write the same JSON; the reference is a"
  echo "JDK \`HttpServer\` (TCP_NODELAY, 32 threads) with no framework. Both get the same wrk load,"
  echo "interleaved run by run."
  echo
  local top=${CONNECTIONS##* } auth="Authorization: Bearer $FAQ_TOKEN" warm_svc warm_ref
  echo "Same answer from both (status and JSON): $(same_answer "$FAQ_PATH" "$FAQ_TOKEN")."
  echo
  log "warming the service to a steady state ($STEADY_WINDOW s windows, at most $STEADY_MAX)"
  warm_svc=$(steady_warmup "$BASE_URL$FAQ_PATH" --header "$auth" --connections "$top")
  log "service warm-up: $warm_svc"
  log "warming the reference the same way"
  warm_ref=$(steady_warmup "$REF_URL$FAQ_PATH" --header "$auth" --connections "$top")
  log "reference warm-up: $warm_ref"
  echo "Warm-up to steady state, $top connections: ${STEADY_WINDOW}-s windows until three in a row"
  echo "differ by less than 5 % (at most $STEADY_MAX windows), then ${WARMUP} s more before each figure."
  echo
  echo "| side | windows | steady | req/s per window |"
  echo "|---|---|---|---|"
  printf '| service | %s | %s | %s |\n' "$(field <(echo "$warm_svc") windows)" \
    "$(field <(echo "$warm_svc") steady)" "$(field <(echo "$warm_svc") rates | tr ',' ' ')"
  printf '| reference | %s | %s | %s |\n' "$(field <(echo "$warm_ref") windows)" \
    "$(field <(echo "$warm_ref") steady)" "$(field <(echo "$warm_ref") rates | tr ',' ' ')"
  echo
  local c http ref
  for c in $CONNECTIONS; do
    log "GET /faq at $c connections, service and reference"
    side_by_side "$WORK/faq-http-$c.txt" "$WORK/faq-ref-$c.txt" "$FAQ_PATH" --header "$auth" \
      --connections "$c"
  done
  echo "| connections | side | runs | p50 ms | p90 ms | p99 ms | req/s | errors |"
  echo "|---|---|---|---|---|---|---|---|"
  for c in $CONNECTIONS; do
    faq_row "$c" "service" "$WORK/faq-http-$c.txt"
    faq_row "$c" "reference" "$WORK/faq-ref-$c.txt"
  done
  echo
  echo "| connections | p50 service − reference, ms | target | throughput service / reference | target | errors |"
  echo "|---|---|---|---|---|---|"
  local added ratio missed="" p50_verdict rps_verdict errors
  for c in $CONNECTIONS; do
    http="$WORK/faq-http-$c.txt"
    ref="$WORK/faq-ref-$c.txt"
    added=$(calc "$(median "$http" p50) - $(median "$ref" p50)")
    ratio=$(calc "100 * $(median "$http" rps) / $(median "$ref" rps)")
    errors=$(($(total "$http" errors) + $(total "$ref" errors)))
    if [ "$c" = 1 ]; then
      p50_verdict=$(verdict "$added" le 0.5)
      rps_verdict="—"
      [ "$p50_verdict" = missed ] && missed="$missed p50 at 1 connection is $(calc "$added - 0.5") ms over;"
      printf '| %s | %s | ≤ 0.5: %s | %s %% | — | %s |\n' "$c" "$added" "$p50_verdict" "$ratio" "$errors"
    else
      rps_verdict=$(verdict "$ratio" ge 80)
      [ "$rps_verdict" = missed ] && missed="$missed throughput at $c connections is $(calc "80 - $ratio") points under;"
      printf '| %s | %s | — | %s %% | ≥ 80 %%: %s | %s |\n' "$c" "$added" "$ratio" "$rps_verdict" "$errors"
    fi
    [ "$errors" = 0 ] || missed="$missed $errors errors at $c connections;"
  done
  echo
  faq_cpu
  profiled "GET /faq, $top connections" "$WORK/faq-profile" \
    wrk_load "$BASE_URL$FAQ_PATH" --header "$auth" --connections "$top" --duration "$DURATION" \
    "${CPU_ARGS[@]}"
  if [ -n "$missed" ]; then
    echo "Missed:$missed the CPU table says where the difference goes."
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
    args+=("service, $c connections" "$WORK/faq-http-$c.txt" "reference, $c connections" "$WORK/faq-ref-$c.txt")
  done
  echo "CPU per request, milliseconds (median of the runs; user + system time of each process"
  echo "during each run from \`/proc/PID/stat\`, divided by its requests; the server column is the"
  echo "Liberty JVM on service rows and the reference JVM on reference rows; wrk's own from"
  echo "\`/proc/self/stat\` at its end):"
  echo
  cpu_table "${args[@]}"
  echo
  top=${CONNECTIONS##* }
  local service ref ceiling
  service=$(cpu_all "$WORK/faq-http-$top.txt")
  ref=$(cpu_all "$WORK/faq-ref-$top.txt")
  ceiling=$(awk -v s="$service" -v r="$ref" 'BEGIN { if (s > 0) printf "%.0f", 100 * r / s; else print "nan" }')
  echo "Both sides share the same $(nproc) cores with wrk and dynalite. At $top connections a"
  echo "service request costs $service ms of CPU across the processes, a reference request $ref ms,"
  echo "so when the cores are the limit the service reaches at most $ceiling % of the reference's"
  echo "throughput. The difference is Liberty's own per-request path (HTTP and web container,"
  echo "RESTEasy, CDI, mpJwt, metrics, access log, the application's filters, JSON-B);"
  echo "\`bench/run --profile\` splits it by layer."
  echo
}

faq_row() {
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$2" "$(field "$3" run | wc -l)" \
    "$(cell "$3" p50)" "$(cell "$3" p90)" "$(cell "$3" p99)" "$(cell "$3" rps 0)" "$(total "$3" errors)"
}
