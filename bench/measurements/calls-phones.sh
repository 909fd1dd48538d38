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
      loadgen "$BASE_URL$route" --header "Authorization: Bearer $(tenant_token "$n")" \
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
}
