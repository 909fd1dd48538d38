# Measurement 2: resident memory of the Liberty JVM, idle and under load (ps -o rss).
# Under load = 32 connections on GET /faq/{q} and GET /calls, sampled every 250 ms.

measure_memory() {
  echo "## 2. Resident memory (RSS) of the Liberty JVM"
  echo
  echo "Target: **≤ 512 MB under load** (untuned with \`-Xmx512m\`: 570–770 MB)."
  echo
  if [ -z "$LIBERTY_PID" ]; then
    echo "Not measured: the Liberty process could not be found (not on this machine, or not ours)."
    echo
    return
  fi
  local idle="$WORK/rss-idle.txt" busy="$WORK/rss-load.txt" i sampler
  : >"$idle"
  for i in $(seq 1 "$RUNS"); do
    echo "mb=$(rss_mb "$LIBERTY_PID")" >>"$idle"
    sleep 0.5
  done
  : >"$busy"
  (while kill -0 "$LIBERTY_PID" 2>/dev/null; do
    echo "mb=$(rss_mb "$LIBERTY_PID")" >>"$busy"
    sleep 0.25
  done) &
  sampler=$!
  wrk_load "$BASE_URL$FAQ_PATH" --header "Authorization: Bearer $FAQ_TOKEN" --connections 32 \
    --duration "$DURATION" --warmup 0 --runs "$RUNS" >"$WORK/rss-load-faq.txt"
  wrk_load "$BASE_URL/calls?limit=50" --header "Authorization: Bearer $CALLS_TOKEN_LARGEST" \
    --connections 32 --duration "$DURATION" --warmup 0 --runs "$RUNS" >"$WORK/rss-load-calls.txt"
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  local peak
  peak=$(field "$busy" mb | sort -g | tail -1)
  echo "| state | samples | RSS MB: median (min–max) | peak MB | target ≤ 512 MB |"
  echo "|---|---|---|---|---|"
  printf '| idle (after start and data load) | %s | %s | %s | — |\n' "$(wc -l <"$idle")" \
    "$(cell "$idle" mb 0)" "$(field "$idle" mb | sort -g | tail -1)"
  printf '| under load (32 connections, GET /faq then GET /calls) | %s | %s | %s | %s |\n' \
    "$(wc -l <"$busy")" "$(cell "$busy" mb 0)" "${peak:-nan}" "$(verdict "${peak:-nan}" le 512)"
  echo
  echo "JVM options: \`$(server_jvm_args)\`; heap settings from \`liberty/jvm.options\` and the" \
    "server's \`JVM_ARGS\`."
  if [ "$(verdict "${peak:-nan}" le 512)" = missed ]; then
    echo "Missed by $((peak - 512)) MB at the peak."
  fi
  echo
}
