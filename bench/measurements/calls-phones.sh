# Measurement 6: GET /calls?limit=50 (newest page) and GET /phones as the call log grows.
# One tenant per size (seeded by bench/run with bench/Dynamo.java seed-turns, PHONES callers).

measure_calls_phones() {
  echo "## 6. \`/calls\` newest page and \`/phones\` as the call log grows"
  echo
  echo "Target: **≤ 1.5× slower at the largest size** than at the smallest (p50, 1 connection)."
  echo "Each size is its own tenant with $PHONES callers (directory entries); only the number of"
  echo "turns grows."
  echo
  echo "| route | turns | runs | p50 ms | p99 ms | req/s | errors | p50 vs smallest | ≤ 1.5× |"
  echo "|---|---|---|---|---|---|---|---|---|"
  local route n file base ratio notes=""
  for route in "/calls?limit=50" "/phones"; do
    base=""
    for n in $TURN_SIZES; do
      file="$WORK/calls-$(echo "$route" | tr -dc 'a-z')-$n.txt"
      wrk_load "$BASE_URL$route" --header "Authorization: Bearer $(tenant_token "$n")" \
        --connections 1 --duration "$DURATION" --warmup "$WARMUP" --runs "$RUNS" >"$file"
      if [ -z "$base" ]; then base=$(median "$file" p50); fi
      ratio=$(calc "$(median "$file" p50) / $base")
      printf '| `%s` | %s | %s | %s | %s | %s | %s | %s× | %s |\n' "$route" "$n" \
        "$(field "$file" run | wc -l)" "$(cell "$file" p50)" "$(cell "$file" p99)" \
        "$(cell "$file" rps 0)" "$(total "$file" errors)" "$ratio" "$(verdict "$ratio" le 1.5)"
    done
    if [ "$(verdict "$ratio" le 1.5)" = missed ]; then
      notes="$notes \`$route\` is $(calc "$ratio / 1.5")× over the limit at $n turns;"
    fi
  done
  echo
  if [ -n "$notes" ]; then
    echo "Missed:$notes not profiled by the harness. Suspected: the store's own cost of a query in"
    echo "a larger partition (dynalite keeps items in LevelDB and is not DynamoDB)."
    echo
  fi
  visibility
}

# Utterances written straight into app-logs (as the voice server writes them) and the time until
# /phones lists them, measured from the item's own ts; one new caller per sample.
visibility() {
  echo "New turns written straight into \`app-logs\` (\`Dynamo.java put-turn\`, as the voice server"
  echo "writes them), then \`/phones\` polled every 50 ms: time from the turn's \`ts\` until it is"
  echo "listed. Target: **≤ 5 s** at every size. The first catch-up is the time the directory of a"
  echo "freshly seeded history took to count every turn after one \`GET /phones\` (background batches)."
  echo
  echo "| turns | first catch-up s | samples | visible after, median ms | max ms | ≤ 5 s |"
  echo "|---|---|---|---|---|---|"
  local n i ts phone file
  for n in $TURN_SIZES; do
    file="$WORK/visible-$n.txt"
    : >"$file"
    for i in 1 2 3 4 5; do
      phone=$(printf '0801%07d' "$((RANDOM * 7 + i))")
      ts=$(dynamo put-turn --endpoint "$DYNAMO" --tenant "$RUN_ID-t$n" --phone "$phone")
      node -e '
        const [url, token, phone, ts] = process.argv.slice(1);
        const written = Date.parse(ts);
        (async () => {
          while (Date.now() - written < 30000) {
            const r = await fetch(url, { headers: { Authorization: "Bearer " + token } });
            const d = await r.json();
            if ((d.items || []).includes(phone)) { console.log("ms=" + (Date.now() - written)); return; }
            await new Promise(res => setTimeout(res, 50));
          }
          console.log("ms=30000");
        })();' "$BASE_URL/phones" "$(tenant_token "$n")" "$phone" "$ts" >>"$file"
    done
    local med max
    med=$(median "$file" ms)
    max=$(field "$file" ms | sort -n | tail -1)
    printf '| %s | %s | %s | %s | %s | %s |\n' "$n" "${CATCH_UP_SECONDS[$n]:-?}" \
      "$(field "$file" ms | wc -l)" "$med" "$max" "$(verdict "$(calc "$max / 1000")" le 5)"
  done
  echo
}
