#!/usr/bin/env node
// Wait until the stack's ready file exists and parses as JSON. Deletes nothing. A file older than
// this wait is left alone: it is a stale one of an earlier run (the stack, started just before,
// deletes it, but possibly after the first look).
//   node local/await-ready.mjs FILE [--timeout-seconds 120]
import fs from 'node:fs';
import { parseArgs, sleep } from './lib/util.mjs';

const USAGE = 'usage: node local/await-ready.mjs FILE [--timeout-seconds 120]';
let opts;
try {
  opts = parseArgs(process.argv.slice(2), { values: ['timeout-seconds'], flags: ['help'] });
} catch (e) { console.error(`await-ready: ${e.message}\n${USAGE}`); process.exit(2); }
if (opts.help) { console.log(USAGE); process.exit(0); }
if (opts._.length !== 1) { console.error(USAGE); process.exit(2); }
const file = opts._[0];
const timeout = Number(opts['timeout-seconds'] ?? 120);
if (!Number.isFinite(timeout) || timeout <= 0) { console.error('await-ready: --timeout-seconds must be a positive number'); process.exit(2); }

const deadline = Date.now() + timeout * 1000;
const t0 = Date.now();
for (;;) {
  let info = null;
  try {
    if (fs.statSync(file).mtimeMs >= t0 - 2000) info = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch { /* not there yet, or not complete */ }
  if (info && typeof info === 'object') {
    if (info.error) {
      console.error(`await-ready: the local stack failed to start: ${info.error}`);
      process.exit(1);
    }
    const secs = ((Date.now() - t0) / 1000).toFixed(1);
    console.log(`await-ready: local stack ready after ${secs}s: dynamodb ${info.dynamoEndpoint}, ` +
      `cognito ${info.cognitoEndpoint}, signer ${info.signerEndpoint}, pool ${info.poolId}`);
    process.exit(0);
  }
  if (Date.now() >= deadline) {
    console.error(`await-ready: timed out after ${timeout}s waiting for ${file} (is the stack running? see its output)`);
    process.exit(1);
  }
  await sleep(200);
}
