// The black-box check of issue #17 against a running service (e.g. `mvn -Plocal`): runs a webhook
// receiver of its own, registers it for task.created and call.ended, then measures, one at a time,
// the time from sending `POST /task` to receiving its task.created, and from sending `POST /call/end`
// to receiving that call's call.ended with a summary. Every delivery's signature is checked with the
// secret shown at registration (docs/webhooks.md). The service must be allowed to reach the receiver:
//   UKETSUKE_WEBHOOKS_ALLOWED_ENDPOINTS=127.0.0.1:9477 UKETSUKE_WEBHOOKS_HTTP_HOSTS=127.0.0.1 mvn -Plocal
//   node bench/webhooks-blackbox.mjs http://localhost:9080 "$(node local/token.mjs --tenant demo)" 9477 [rounds]
import { createServer } from 'node:http';
import { createHmac, timingSafeEqual } from 'node:crypto';

const [base, token, portArg, roundsArg] = process.argv.slice(2);
const port = Number(portArg || 9477); const rounds = Number(roundsArg || 20);
const run = Math.random().toString(36).slice(2, 8);
const arrived = new Map(); // key -> arrival time (ms); key: 'task:<name>' or 'call:<sid>'
const waiting = new Map(); // key -> resolve
const problems = []; let secret = null; let deliveries = 0;
const sleep = (ms) => new Promise(r => setTimeout(r, ms));

function verified(raw, header) {
  const parts = Object.fromEntries([]); const v1 = [];
  for (const p of (header || '').split(',')) { const [k, v] = p.split('='); if (k === 'v1') v1.push(v); else parts[k] = v; }
  const expected = createHmac('sha256', secret).update(`${parts.t}.${raw}`).digest();
  const fresh = Math.abs(Date.now() / 1000 - Number(parts.t)) <= 300;
  return fresh && v1.some(h => { const b = Buffer.from(h, 'hex'); return b.length === expected.length && timingSafeEqual(b, expected); });
}

const receiver = createServer((req, res) => {
  const chunks = [];
  req.on('data', c => chunks.push(c));
  req.on('end', () => {
    const now = Date.now(); const raw = Buffer.concat(chunks).toString('utf8'); deliveries++;
    res.writeHead(204).end();
    if (!verified(raw, req.headers['uketsuke-signature'])) { problems.push('bad signature'); return; }
    const event = JSON.parse(raw);
    const key = event.type === 'task.created' ? `task:${event.data.name}`
      : event.type === 'call.ended' && event.data.text ? `call:${event.data.call_sid}` : null;
    if (key && !arrived.has(key)) { arrived.set(key, now); waiting.get(key)?.(); }
  });
});
await new Promise(r => receiver.listen(port, '127.0.0.1', r));

async function api(method, path, body) {
  const r = await fetch(`${base}${path}`, { method, headers: { Authorization: `Bearer ${token}`,
    'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  if (r.status !== 200) throw new Error(`${method} ${path}: ${r.status} ${text}`);
  return JSON.parse(text);
}
function arrival(key, limitMs = 30000) {
  if (arrived.has(key)) return Promise.resolve();
  return Promise.race([new Promise(r => waiting.set(key, r)),
    sleep(limitMs).then(() => { throw new Error(`no event for ${key} within ${limitMs} ms`); })]);
}
async function timed(send, key) {
  const t0 = Date.now(); await send(); await arrival(key); return arrived.get(key) - t0;
}

const hook = await api('POST', '/webhooks', { url: `http://127.0.0.1:${port}/hook`,
  events: ['task.created', 'call.ended'], description: `bench ${run}` });
secret = hook.item.secret;
const taskMs = []; const callMs = [];
try {
  for (let i = 0; i < rounds; i++) {
    const name = `bench-${run}-${i}`;
    taskMs.push(await timed(() => api('POST', '/task', { name, phone_number: '09000000000', request: 'bench' }), `task:${name}`));
    const sid = `CAbench${run}${i}`;
    await api('POST', '/call', { phone_number: '09000000000', call_sid: sid, user_text: `予約したいです ${i}` });
    await api('POST', '/call', { phone_number: '09000000000', call_sid: sid, assistant_text: 'かしこまりました。' });
    callMs.push(await timed(() => api('POST', '/call/end', { call_sid: sid }), `call:${sid}`));
  }
} finally {
  await api('DELETE', `/webhooks/${hook.item.id}`).catch(e => problems.push(String(e)));
  for (let i = 0; i < rounds; i++) await api('DELETE', `/task/bench-${run}-${i}`).catch(() => {});
  receiver.close();
}
const stats = (xs) => { const s = [...xs].sort((a, b) => a - b); const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { n: s.length, min: s[0], median: q(0.5), p95: q(0.95), max: s[s.length - 1], over5s: s.filter(x => x > 5000).length }; };
console.log(JSON.stringify({ at: new Date().toISOString(), rounds, taskCreatedMs: stats(taskMs),
  callEndedMs: stats(callMs), deliveries, problems: problems.slice(0, 5) }));
