# Measurement 4: POST /chat with an instantly answering model stub (WireMock), against the
# reference service's POST /chat (bench/Reference.java: the same token check, store calls, FAQ
# retrieval and model call without a framework), side by side with the same wrk load.
# Store calls per turn come from the X-Store-Calls header, which the server sends when
# uketsuke.debug.store-calls-header=true (the harness's own server and the test server set it).

CHAT_PHONE=09011110000

measure_chat() {
  echo "## 4. \`POST /chat\` with an instantly answering model stub"
  echo
  echo "Target: **p50 ≤ reference + 5 ms; ≤ 4 store calls per turn.**"
  echo
  if route_missing POST /chat "$FAQ_TOKEN" '{"phone_number":"+819000000000","user_text":"probe"}'; then
    echo "**Pending**: the service has no \`POST /chat\` route yet (the probe got 404 \"No such route\")."
    echo
    return
  fi
  local wm
  wm=$(model_stub_url)
  if [ -z "$wm" ]; then
    echo "**Not measured**: the stack runs no WireMock to play the model (its jar was not found)."
    echo
    return
  fi
  local tenant="$RUN_ID-chat" token marker body
  token=$(id_token "$tenant")
  marker="bench-marker:$tenant|"
  log "preparing tenant $tenant for POST /chat (prompt, 20 FAQs, model stub)"
  send_json PUT /prompt "$token" "{\"content\": \"あなたは電話受付です。丁寧に短く答えてください。$marker\"}"
  gen_faqs 20 "$WORK/chat-faqs.json"
  import_faqs "$token" "$WORK/chat-faqs.json"
  stub_model "$wm" "$marker"
  body="$WORK/chat-body.json"
  # No call SID: the history is then the phone's latest turns, the query the store side times. A
  # call SID would read the call's turns from CallSidIndex (hash key only), which grows with the
  # call, and one call SID for the whole measurement would make it a call of a thousand turns.
  printf '{"phone_number":"%s","user_text":"土曜日の営業時間はどうなっていますか"}' \
    "$CHAT_PHONE" >"$body"

  chat_store_calls "$token" "$body" >"$WORK/chat-calls.txt"
  log "measuring POST /chat on the service and on the reference"
  local wm_pid
  wm_pid=$(listener_pid "$(node -e 'console.log(new URL(process.argv[1]).port)' "$wm")")
  local saved=("${CPU_ARGS[@]}") saved_ref=("${REF_CPU_ARGS[@]}")
  if [ -n "$wm_pid" ]; then
    [ ${#CPU_ARGS[@]} -gt 0 ] && CPU_ARGS+=(--cpu "model_stub=$wm_pid")
    [ ${#REF_CPU_ARGS[@]} -gt 0 ] && REF_CPU_ARGS+=(--cpu "model_stub=$wm_pid")
  fi
  side_by_side "$WORK/chat-http.txt" "$WORK/chat-ref.txt" /chat --method POST \
    --header "Authorization: Bearer $token" --header 'Content-Type: application/json' \
    --body-file "$body" --connections 1

  echo "One connection, the same wrk load on both sides, interleaved run by run. A turn: token"
  echo "check, settings and FAQ version in one BatchGetItem, FAQ retrieval in memory (the reference"
  echo "calls the service's own \`FaqIndex\`), the history query (the phone's latest 20 turns; no call"
  echo "SID), the model call to WireMock on loopback (an instant canned answer), the turn's"
  echo "conditional put. The reference (\`bench/Reference.java\`) makes these calls with the same SDK"
  echo "client and no framework; it skips what the service adds around them (the usage meter, FAQ"
  echo "use counts, the request log)."
  echo
  echo "Same answer from both (status and JSON): $(same_answer /chat "$token" "$body")."
  echo
  echo "| side | runs | p50 ms | p90 ms | p99 ms | req/s | errors |"
  echo "|---|---|---|---|---|---|---|"
  chat_row "service \`POST /chat\`" "$WORK/chat-http.txt"
  chat_row "reference" "$WORK/chat-ref.txt"
  echo
  local added calls_max
  added=$(calc "$(median "$WORK/chat-http.txt" p50) - $(median "$WORK/chat-ref.txt" p50)")
  calls_max=$(sort -n "$WORK/chat-calls.txt" | tail -1)
  echo "| figure | value | target | verdict |"
  echo "|---|---|---|---|"
  printf '| p50 service − reference | %s ms | ≤ 5 ms | %s |\n' "$added" "$(verdict "$added" le 5)"
  if [ -n "$calls_max" ]; then
    printf '| store calls per turn (most of %s turns; X-Store-Calls) | %s | ≤ 4 | %s |\n' \
      "$(wc -l <"$WORK/chat-calls.txt")" "$calls_max" "$(verdict "$calls_max" le 4)"
  else
    echo "| store calls per turn | not measured: the server sends no X-Store-Calls (set uketsuke.debug.store-calls-header=true) | ≤ 4 | not measured |"
  fi
  echo
  echo "Metering and FAQ use counts are not store calls of a turn: they are summed in memory and"
  echo "written every few seconds in the background (one write per tenant-day and per used FAQ)."
  echo
  if [ ${#CPU_ARGS[@]} -gt 0 ]; then
    echo "CPU per turn, milliseconds (median of the runs; one connection, so the processes mostly"
    echo "take turns and a turn's latency is close to the sum of its row):"
    echo
    cpu_table "service \`POST /chat\`" "$WORK/chat-http.txt" "reference" "$WORK/chat-ref.txt"
    echo
  fi
  profiled "POST /chat, 1 connection" "$WORK/chat-profile" \
    wrk_load "$BASE_URL/chat" --method POST --header "Authorization: Bearer $token" \
    --header 'Content-Type: application/json' --body-file "$body" --connections 1 \
    --duration "$DURATION" "${CPU_ARGS[@]}"
  CPU_ARGS=("${saved[@]}")
  REF_CPU_ARGS=("${saved_ref[@]}")
  if [ "$(verdict "$added" le 5)" = missed ]; then
    echo "Missed: p50 is $(calc "$added - 5") ms over the reference's + 5 ms. The difference is"
    echo "Liberty's own CPU per turn beyond the reference's (the server column above) and the REST"
    echo "client's call to the model; \`bench/run --profile\` splits Liberty's share by layer."
    echo
  fi
}

# Store calls of a few warm turns (after one that may load the FAQ index), one number per line.
chat_store_calls() {
  local i calls mode
  for i in 1 2 3 4 5 6; do
    curl -s -D "$WORK/chat-headers.txt" -o "$WORK/last-body" --max-time 30 -X POST \
      -H "Authorization: Bearer $1" -H 'Content-Type: application/json' --data-binary "@$2" \
      "$BASE_URL/chat" >/dev/null || die "POST /chat failed"
    mode=$(node -e 'try{console.log(JSON.parse(require("fs").readFileSync(process.argv[1])).mode)}catch{console.log("none")}' "$WORK/last-body")
    [ "$mode" = llm ] || die "POST /chat did not use the model stub (mode $mode): $(head -c 300 "$WORK/last-body")"
    calls=$(tr -d '\r' <"$WORK/chat-headers.txt" | awk -F': ' 'tolower($1)=="x-store-calls" {print $2}')
    if [ "$i" -gt 1 ] && [ -n "$calls" ]; then echo "$calls"; fi
  done
}

chat_row() {
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$(field "$2" run | wc -l)" \
    "$(cell "$2" p50)" "$(cell "$2" p90)" "$(cell "$2" p99)" "$(cell "$2" rps 0)" "$(total "$2" errors)"
}
