// The black-box check of issue #14 against a running service (e.g. `mvn -Plocal`): four writers
// post call turns for 25 s with Idempotency-Key, retrying 409/429/503 with the same key, while
// the local stack's DynamoDB first drops answers (writes land, answers are lost) for 3 s and then
// refuses connections for 3 s. Prints what was acknowledged and stored; every acknowledged turn
// must be stored exactly once and nothing else.
//   node bench/retries-blackbox.mjs http://localhost:9080 http://127.0.0.1:9230 "$TOKEN" 09055501234
// (second argument: the local stack's signer, whose /_faults/dynamodb/* endpoints cause the outage)
const [base, signer, token, tenantPhone] = process.argv.slice(2);
const acked = new Set(); const statuses = {}; let unexpected = [];
const sleep = (ms) => new Promise(r => setTimeout(r, ms));
const until = Date.now() + 25000;
async function post(text) {
  const key = `bb-${text}`;
  for (const giveUp = Date.now() + 120000; Date.now() < giveUp;) {
    let r;
    try {
      r = await fetch(`${base}/call`, { method: 'POST', headers: { Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json', 'Idempotency-Key': key },
        body: JSON.stringify({ phone_number: tenantPhone, user_text: text }) });
    } catch (e) { statuses.neterr = (statuses.neterr || 0) + 1; await sleep(500); continue; }
    statuses[r.status] = (statuses[r.status] || 0) + 1;
    if (r.status === 200) { acked.add(text); return; }
    if ([409, 429, 503].includes(r.status)) { await sleep(Math.min(2000, 1000 * Number(r.headers.get('retry-after') || 0.25))); continue; }
    unexpected.push(`${r.status} ${await r.text()}`); return;
  }
  unexpected.push(`gave up on ${text}`);
}
async function writer(w) { for (let t = 0; Date.now() < until; t++) await post(`bb-w${w}-t${t}`); }
const fault = (a) => fetch(`${signer}/_faults/dynamodb/${a}`, { method: 'POST' });
const run = Promise.all([0, 1, 2, 3].map(writer));
await sleep(8000); await fault('drop-answers'); console.log('drop-answers');
await sleep(3000); await fault('stop'); console.log('stop');
await sleep(3000); await fault('start'); console.log('start');
await run;
// Read back every turn of the phone through the API, all pages.
const stored = {}; let next = '';
do {
  const r = await fetch(`${base}/calls?phone=${tenantPhone}&limit=200&order=asc${next ? '&next_token=' + encodeURIComponent(next) : ''}`, { headers: { Authorization: `Bearer ${token}` } });
  const d = await r.json(); for (const i of d.items) stored[i.user_text] = (stored[i.user_text] || 0) + 1; next = d.next_token;
} while (next);
const dup = Object.entries(stored).filter(([, n]) => n > 1);
const extra = Object.keys(stored).filter(t => !acked.has(t));
const missing = [...acked].filter(t => !stored[t]);
console.log(JSON.stringify({ acknowledged: acked.size, stored: Object.keys(stored).length, duplicates: dup.length, unacknowledgedStored: extra.length, acknowledgedMissing: missing.length, statuses, unexpected: unexpected.slice(0, 5) }));
