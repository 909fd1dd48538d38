# Measurement 1: server start to /health/ready UP, first start (clean workarea) vs later starts.
# Needs the server started by bench/run (not --reuse): it stops and starts it. Leaves it running.

# Liberty's own durations from the messages.log of the last start: 'server=S app=A'.
liberty_reported() {
  local log="$SERVER_DIR/logs/messages.log" server app
  server=$(grep -o 'server started in [0-9.]* seconds' "$log" | tail -1 | grep -o '[0-9.]*' || true)
  app=$(grep 'CWWKZ0001I' "$log" | tail -1 | grep -o 'started in [0-9.]* seconds' | grep -o '[0-9.]*' || true)
  echo "server=${server:-nan} app=${app:-nan}"
}

measure_startup() {
  echo "## 1. Server start to \`/health/ready\` UP"
  echo
  echo "Target: **≤ 5 s on 2 cores** (an untuned Liberty with these features took 12–17 s here)."
  echo
  if [ "$OWN_SERVER" != 1 ]; then
    echo "Not measured: the server was reused (\`--reuse\`), so the harness cannot restart it."
    echo
    return
  fi
  local raw="$WORK/startup.txt" i kind secs
  : >"$raw"
  # A clean start discards the workarea (OSGi and feature caches) as the first start after
  # unpacking does; the first sample is the real first start of the freshly created server.
  for i in $(seq 1 "$START_RUNS"); do
    secs=$(server_cycle --clean)
    echo "kind=clean seconds=$secs $(liberty_reported)" >>"$raw"
  done
  for i in $(seq 1 "$START_RUNS"); do
    secs=$(server_cycle)
    echo "kind=warm seconds=$secs $(liberty_reported)" >>"$raw"
  done
  echo "| start | runs | seconds to ready: median (min–max) | Liberty's own \"server started in\" | of it, application start | target ≤ 5 s |"
  echo "|---|---|---|---|---|---|"
  for kind in clean warm; do
    grep "kind=$kind" "$raw" >"$WORK/startup-$kind.txt"
    printf '| %s | %s | %s | %s | %s | %s |\n' \
      "$([ $kind = clean ] && echo 'first (clean workarea, as after unpacking)' || echo 'later (warm workarea)')" \
      "$(wc -l <"$WORK/startup-$kind.txt")" "$(cell "$WORK/startup-$kind.txt" seconds 1)" \
      "$(cell "$WORK/startup-$kind.txt" server 1)" "$(cell "$WORK/startup-$kind.txt" app 1)" \
      "$(verdict "$(median "$WORK/startup-$kind.txt" seconds)" le 5)"
  done
  echo
  echo "Measured from running \`server start\` to the first \`/health/ready\` answer with \`UP\`" \
    "(polled every 100 ms). JVM options: \`$(server_jvm_args)\`."
  local m
  m=$(median "$WORK/startup-warm.txt" seconds)
  if [ "$(verdict "$m" le 5)" = missed ]; then
    echo "Missed by $(calc "$m - 5") s at the median of later starts. Liberty itself reports" \
      "$(median "$WORK/startup-warm.txt" server) s to *server started* (\`CWWKF0011I\`) and" \
      "$(median "$WORK/startup-warm.txt" app) s for the application (\`CWWKZ0001I\`, timed from" \
      "the application's own start); the rest of the measured time is the \`server\` script and" \
      "JVM launch before Liberty's clock starts, and the first \`/health/ready\` answer."
  fi
  echo
  echo "**What this measures and what production sees.** These are HotSpot starts (the JDK of this"
  echo "machine, with \`liberty/jvm.options\`) on $(nproc) cores shared with the harness. The production"
  echo "image (\`Dockerfile\`) runs Eclipse OpenJ9 with the shared class cache \`configure.sh\` builds into"
  echo "the image, and ignores HotSpot's \`-XX:\` JIT options; its start is not measured here and must be"
  echo "taken on the cluster (pod \`Started\` to \`Ready\`). Liberty InstantOn (checkpoint/restore) is"
  echo "the known route below a second; it cannot be tried on this machine, so it is not in the"
  echo "default build — the image change and its limits are in [docs/deploy.md](deploy.md#start-up-what-the-image-does-and-instanton-not-in-the-default-build)."
  echo
}
