# Measurement 5: FAQ retrieval at 10, 10^3 and 10^4 FAQs against pasting all FAQs into the prompt.
# Retrieval runs inside POST /chat (it picks what goes into the model's prompt), so it is pending
# while /chat is missing; the model stub's request journal is where prompt sizes can be read.

measure_faq_retrieval() {
  echo "## 5. FAQ retrieval at 10, 10³, 10⁴ FAQs"
  echo
  echo "Target: **≤ 5 ms at 10⁴ FAQs; prompt tokens ≤ 10 % of all FAQs pasted, at 10³.**"
  echo
  if route_missing POST /chat "$FAQ_TOKEN" '{"phone_number":"+819000000000","user_text":"probe"}'; then
    echo "**Pending**: FAQ retrieval is part of \`POST /chat\`, which the service does not have yet" \
      "(the probe got 404 \"No such route\")."
    echo
    return
  fi
  echo "**Pending**: \`POST /chat\` exists now, but this measurement is not written yet" \
    "(see bench/README.md, *Adding a measurement*)."
  echo
}
