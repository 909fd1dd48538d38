# Measurement 4: POST /chat with an instantly answering model stub, against the store calls it
# makes timed alone. Pending until the route exists; the probe is a real request that the
# application answers with 404 "No such route." while /chat is not built.

measure_chat() {
  echo "## 4. \`POST /chat\` with an instantly answering model stub"
  echo
  echo "Target: **≤ 10 ms p50 beyond store time; ≤ 4 store calls per turn.**"
  echo
  if route_missing POST /chat "$FAQ_TOKEN" '{"phone_number":"+819000000000","user_text":"probe"}'; then
    echo "**Pending**: the service has no \`POST /chat\` route yet (the probe got 404 \"No such route\")."
    echo
    return
  fi
  echo "**Pending**: \`POST /chat\` exists now, but this measurement is not written yet" \
    "(see bench/README.md, *Adding a measurement*)."
  echo
}
