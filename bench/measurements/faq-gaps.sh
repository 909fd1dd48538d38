# Measurement 7: GET /faqs/gaps?days=30 on a tenant with GAPS_TURNS caller turns in the last 30
# days (and as many assistant replies), written straight into app-logs as the voice server writes
# them (bench/Dynamo.java seed-gaps), against the clinic FAQ of the quality set (70 entries). Two
# tenants: callers as on a phone line (they repeat questions, small talk, a detail appended now and
# then) and the worst case, every caller turn worded differently. Beside it, in the same run and on
# the same tenant, GET /calls?limit=50 (the newest page of the call log): a list route of the same
# data.

measure_faq_gaps() {
  echo "## 7. \`GET /faqs/gaps?days=30\` at $GAPS_TURNS caller turns"
  echo
  echo "Target: the time budget of a list route. The repository states no absolute one; the list-route"
  echo "target it has (issue 8, section 6) is that a list route does not slow down with the size of the"
  echo "log (≤ 1.5× from the smallest to the largest). Held here as: **p50 at 1 connection ≤ 1.5× the"
  echo "newest page of \`GET /calls?limit=50\` on the same tenant in the same run**, first page and next"
  echo "page alike, and no errors (docs/quality.md says why)."
  echo
  if route_missing GET "/faqs/gaps?days=30" "$FAQ_TOKEN"; then
    echo "**Pending**: the service has no \`GET /faqs/gaps\` (the probe got 404 \"No such route\")."
    echo
    return
  fi
  local faqs="$WORK/gaps-faqs.json" kind tenant token seed
  node -e '
    const lines = require("fs").readFileSync(process.argv[1], "utf8").split("\n");
    const faqs = lines.filter((l) => l && !l.startsWith("#")).map((l) => l.split("\t"))
      .map(([, question, answer]) => ({ question, answer }));
    process.stdout.write(JSON.stringify(faqs));' "$ROOT/src/test/resources/quality/faqs-clinic.tsv" >"$faqs"
  declare -A gap_tokens gap_seeded first_ms
  for kind in phone-line distinct; do
    tenant="$RUN_ID-gaps-$kind"
    token=$(id_token "$tenant")
    gap_tokens[$kind]=$token
    import_faqs "$token" "$faqs"
    log "seeding $GAPS_TURNS caller turns ($kind) into tenant $tenant"
    if [ "$kind" = distinct ]; then
      seed=$(dynamo seed-gaps --endpoint "$DYNAMO" --tenant "$tenant" --turns "$GAPS_TURNS" --distinct true \
        --questions "$ROOT/src/test/resources/quality/questions-clinic.tsv" \
        --questions "$ROOT/src/test/resources/quality/questions-garden.tsv" \
        --questions "$ROOT/src/test/resources/quality/questions-restaurant.tsv" \
        --questions "$ROOT/src/test/resources/quality/questions-salon.tsv")
    else
      seed=$(dynamo seed-gaps --endpoint "$DYNAMO" --tenant "$tenant" --turns "$GAPS_TURNS" \
        --questions "$ROOT/src/test/resources/quality/questions-clinic.tsv")
    fi
    log "$seed"
    gap_seeded[$kind]=$(field <(echo "$seed") wordings)
  done
  # The phone directory catches up with the seeded items in the background (thousands of
  # conditional writes per tenant); measuring before it is done measures requests waiting behind
  # those writes in single-threaded dynalite.
  for kind in phone-line distinct; do
    gaps_wait_directory "$kind" "${gap_tokens[$kind]}" $((2 * GAPS_TURNS))
  done

  echo "Each tenant: the clinic's 70 FAQs (\`src/test/resources/quality/faqs-clinic.tsv\`), $GAPS_TURNS"
  echo "caller turns and as many assistant replies ($((2 * GAPS_TURNS)) items, no \`mode\`, as the voice"
  echo "server writes them) spread over the last 30 days. *phone line*: a third small talk and"
  echo "confirmations, the rest the clinic callers' questions of the quality set with Zipf popularity, a"
  echo "quarter of them with a detail appended; *distinct*: every caller turn worded differently (the"
  echo "worst case: each wording is ranked). One connection, $RUNS runs of ${DURATION} s after ${WARMUP} s"
  echo "warm-up; a run of a slow route holds few requests, so its p99 is nearly its max. Measuring starts"
  echo "once the phone directory has caught up with the seeded items (\`GET /phones\` polled), so its"
  echo "background writes do not share dynalite with the measured requests."
  echo
  echo "| tenant | distinct wordings | request | runs | requests | p50 ms | p99 ms | errors | groups (first page) | \`partial\` | p50 vs \`/calls\` | ≤ 1.5× |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
  local first next path file calls_p50 ratio groups partial label notes=""
  for kind in phone-line distinct; do
    token=${gap_tokens[$kind]}
    file="$WORK/gaps-calls-$kind.txt"
    wrk_load "$BASE_URL/calls?limit=50" --header "Authorization: Bearer $token" --connections 1 \
      --duration "$DURATION" --warmup "$WARMUP" --runs "$RUNS" "${CPU_ARGS[@]}" >"$file"
    calls_p50=$(median "$file" p50)
    printf '| %s | %s | `GET /calls?limit=50` | %s | %s | %s | %s | %s | — | — | 1× | — |\n' "$kind" \
      "${gap_seeded[$kind]}" "$(field "$file" run | wc -l)" "$(total "$file" count)" \
      "$(cell "$file" p50)" "$(cell "$file" p99)" "$(total "$file" errors)"
    first=$(curl -s --max-time 120 -w '\n%{time_total}' -H "Authorization: Bearer $token" \
      "$BASE_URL/faqs/gaps?days=30")
    first_ms[$kind]=$(calc "$(echo "$first" | tail -1) * 1000")
    first=$(echo "$first" | sed '$d')
    groups=$(node -e 'const d=JSON.parse(process.argv[1]);console.log((d.items||[]).length)' "$first")
    partial=$(node -e 'const d=JSON.parse(process.argv[1]);console.log(d.partial===undefined?"absent":d.partial)' "$first")
    next=$(node -e 'const d=JSON.parse(process.argv[1]);console.log(d.next_token||"")' "$first")
    for label in first next; do
      if [ "$label" = first ]; then
        path="/faqs/gaps?days=30"
      elif [ -n "$next" ]; then
        path="/faqs/gaps?days=30&next_token=$next"
      else
        continue
      fi
      file="$WORK/gaps-$label-$kind.txt"
      log "GET /faqs/gaps ($label page, $kind)"
      wrk_load "$BASE_URL$path" --header "Authorization: Bearer $token" --connections 1 \
        --duration "$DURATION" --warmup "$WARMUP" --runs "$RUNS" "${CPU_ARGS[@]}" >"$file"
      ratio=$(calc "$(median "$file" p50) / $calls_p50")
      printf '| %s | %s | `GET /faqs/gaps?days=30`, %s page | %s | %s | %s | %s | %s | %s | %s | %s× | %s |\n' \
        "$kind" "${gap_seeded[$kind]}" "$label" "$(field "$file" run | wc -l)" "$(total "$file" count)" \
        "$(cell "$file" p50)" "$(cell "$file" p99)" "$(total "$file" errors)" \
        "$([ "$label" = first ] && echo "$groups" || echo —)" "$partial" "$ratio" "$(verdict "$ratio" le 1.5)"
      if [ "$(verdict "$ratio" le 1.5)" = missed ]; then
        notes="$notes $kind, $label page: $(calc "$ratio / 1.5")× over;"
      fi
    done
    gaps_cold "$kind" "$token" "$calls_p50" "${gap_seeded[$kind]}"
    gaps_faq_changed "$kind" "$token" "$calls_p50" "${gap_seeded[$kind]}"
  done
  echo
  if [ -n "$notes" ]; then
    echo "Missed:$notes"
    echo
  fi
  echo "*computed* rows: a first page no earlier request left groups for (the service reuses a"
  echo "window's groups for its next pages and, for \`uketsuke.faq.gaps-reuse\` = 1 min, for the next"
  echo "first page): $RUNS sequential requests with \`days\` = 31, 32, … (each a window of its own, all"
  echo "holding the same 30 days of seeded turns), timed by curl; p99 is their max. The server keeps the"
  echo "caller words it read (\`uketsuke.faq.gaps-full-read-every\`, 10 min), so these read only the"
  echo "turns since the last read and the day the window adds, not the month."
  echo
  echo "*after a FAQ change* rows: $RUNS times, an FAQ entry is added (\`POST /faq\`), and after 3 s (the"
  echo "FAQ index check is 2 s) \`GET /faqs/gaps?days=30\` is timed by curl. Since \`82aac7b\` the pod that"
  echo "took the change (here the only one) judges the lists the tenant looked at lately again in the"
  echo "background, so this row is the owner's next look on that pod; another pod judges every wording"
  echo "again at its next look (the row before that change measured that: \`8f377d6\`, docs/benchmarks.md)."
  echo
  echo "The very first request of each tenant, with no wording's answer remembered yet (every"
  echo "distinct wording ranked, up to the 1,000 of \`gaps-max-ranked\`), on a server that had served"
  echo "little before: phone line ${first_ms[phone-line]} ms, distinct ${first_ms[distinct]} ms."
  echo
  echo "Liberty CPU per request (median of the runs, ms): $(for kind in phone-line distinct; do
    printf '%s: /calls %s, gaps first page %s; ' "$kind" "$(cpu_of "$WORK/gaps-calls-$kind.txt" cpu_liberty)" \
      "$(cpu_of "$WORK/gaps-first-$kind.txt" cpu_liberty)"; done)dynalite per gaps request: $(cpu_of \
    "$WORK/gaps-first-distinct.txt" cpu_dynalite) ms (distinct)."
  echo
}

# gaps_wait_directory KIND TOKEN ITEMS: polls GET /phones until the directory counts ITEMS turns
# (at most 120 s; then it measures anyway and says so in the log).
gaps_wait_directory() {
  local kind=$1 token=$2 want=$3 start=$SECONDS got=0
  while [ $((SECONDS - start)) -lt 120 ]; do
    got=$(curl -s --max-time 30 -H "Authorization: Bearer $token" "$BASE_URL/phones" | node -e '
      let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
        try { console.log((JSON.parse(s).directory || []).reduce((a, e) => a + (e.turns || 0), 0)); }
        catch (e) { console.log(0); } });')
    if [ "$got" -ge "$want" ]; then
      log "phone directory of $kind caught up ($got turns) after $((SECONDS - start)) s"
      return 0
    fi
    sleep 2
  done
  log "phone directory of $kind not caught up after 120 s ($got of $want turns); measuring anyway"
}

# gaps_cold KIND TOKEN CALLS_P50 WORDINGS: a table row of first pages computed afresh, RUNS curl
# requests each with a window (days) no earlier request used.
gaps_cold() {
  local kind=$1 token=$2 calls_p50=$3 wordings=$4 i file="$WORK/gaps-cold-$1.txt"
  : >"$file"
  for i in $(seq 1 "$RUNS"); do
    gaps_timed "$file" "$i" "$token" "/faqs/gaps?days=$((30 + i))"
  done
  gaps_timed_row "$kind" "$wordings" "first page computed" "$file" "$calls_p50"
}

# gaps_timed_row KIND WORDINGS LABEL FILE CALLS_P50: a table row of the curl-timed requests in FILE.
gaps_timed_row() {
  local kind=$1 wordings=$2 label=$3 file=$4 calls_p50=$5 ratio
  ratio=$(calc "$(median "$file" ms) / $calls_p50")
  printf '| %s | %s | `GET /faqs/gaps`, %s | %s | %s | %s | %s | %s | — | — | %s× | %s |\n' \
    "$kind" "$wordings" "$label" "$RUNS" "$RUNS" "$(cell "$file" ms)" \
    "$(field "$file" ms | sort -g | tail -1)" "$(total "$file" errors)" "$ratio" "$(verdict "$ratio" le 1.5)"
}

# gaps_faq_changed KIND TOKEN CALLS_P50 WORDINGS: a table row of first pages computed after a change
# of the FAQ (every wording judged again), RUNS curl requests each after a new FAQ entry.
gaps_faq_changed() {
  local kind=$1 token=$2 calls_p50=$3 wordings=$4 i status file="$WORK/gaps-faq-changed-$1.txt"
  : >"$file"
  for i in $(seq 1 "$RUNS"); do
    status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 -X POST \
      -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$BASE_URL/faq" \
      -d "{\"question\": \"ベンチマークの質問 $i は何ですか\", \"answer\": \"ベンチマークの答え $i です。\"}")
    case $status in 2??) ;; *) echo "faq-gaps: POST /faq answered $status" >&2 ;; esac
    sleep 3
    gaps_timed "$file" "$i" "$token" "/faqs/gaps?days=30"
  done
  gaps_timed_row "$kind" "$wordings" "first page after a FAQ change" "$file" "$calls_p50"
}

# gaps_timed FILE RUN TOKEN PATH: one request timed by curl, appended to FILE as run RUN.
gaps_timed() {
  local file=$1 run=$2 token=$3 path=$4 status ms
  read -r status ms < <(curl -s -o /dev/null -w '%{http_code} %{time_total}\n' --max-time 120 \
    -H "Authorization: Bearer $token" "$BASE_URL$path")
  echo "run=$run status=$status ms=$(calc "$ms * 1000") errors=$([ "$status" = 200 ] && echo 0 || echo 1)" >>"$file"
}
