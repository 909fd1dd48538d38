#!/usr/bin/env node
// Local stack: dynalite (DynamoDB), cognito-local (Cognito IdP) and a client-credentials token
// signer, all in this one process. See README.md.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

import { cognito, dynamo, marshalItem } from './lib/aws.mjs';
import { loadOrCreateSignerKey, publicJwk, signJwt } from './lib/jwt.mjs';
import { ensureUser } from './lib/users.mjs';
import * as demo from './lib/demo.mjs';
import { parseArgs, parsePort, readJsonIfExists, writeFileAtomic, writeJsonAtomic, xmlEscape, sleep } from './lib/util.mjs';

const USAGE = `usage: node local/stack.mjs [--data DIR] [--fresh|--keep] [--dynamo-port 8000] [--cognito-port 9229]
       [--signer-port 9230] [--host 127.0.0.1] [--liberty-config FILE] [--ready-file FILE] [--seed-demo]
       [--wiremock-jar JAR --wiremock-port N] [--elasticmq-classpath FILE --sqs-port 9324] [--var NAME=VALUE ...]`;

const t0 = Date.now();
const log = (msg) => console.log(`[stack] ${msg}`);
let readyFile = null;
let dataDir = null;
let lockOwned = false;

function releaseLock() {
  if (!lockOwned) return;
  lockOwned = false;
  try { fs.rmSync(path.join(dataDir, 'stack.pid'), { force: true }); } catch { /* ignore */ }
}

/** Report a fatal error (stderr + ready file) and exit non-zero right away. */
function fail(msg, code = 1) {
  console.error(`[stack] ERROR: ${msg}`);
  if (readyFile) {
    try { writeJsonAtomic(readyFile, { error: msg, pid: process.pid, at: new Date().toISOString() }); } catch (e) {
      console.error(`[stack] (could not write ready file ${readyFile}: ${e.message})`);
    }
  }
  releaseLock();
  process.exit(code);
}

process.on('uncaughtException', (e) => fail(`unexpected error: ${e?.stack || e}`));
process.on('unhandledRejection', (e) => fail(`unexpected error: ${e?.stack || e}`));

// ---------------------------------------------------------------- arguments
let opts;
// --var NAME=VALUE may repeat: extra Liberty variables for the server that uses this stack (tests
// point the service's OpenAI and Twilio clients at WireMock this way).
const extraVars = [];
const argv = [];
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  if (a === '--var' || a.startsWith('--var=')) {
    const v = a === '--var' ? process.argv[++i] : a.slice('--var='.length);
    const eq = v ? v.indexOf('=') : -1;
    if (eq <= 0) { console.error(`[stack] --var needs NAME=VALUE, got ${v}`); process.exit(2); }
    extraVars.push([v.slice(0, eq), v.slice(eq + 1)]);
  } else argv.push(a);
}
try {
  opts = parseArgs(argv, {
    values: ['data', 'dynamo-port', 'cognito-port', 'signer-port', 'liberty-config', 'ready-file', 'host',
      'wiremock-jar', 'wiremock-port', 'elasticmq-classpath', 'sqs-port'],
    flags: ['fresh', 'keep', 'seed-demo', 'help'],
  });
} catch (e) {
  // Still tell a waiting await-ready, if a ready file can be made out.
  const i = process.argv.findIndex((a) => a === '--ready-file' || a.startsWith('--ready-file='));
  const rf = i < 0 ? null : process.argv[i].includes('=') ? process.argv[i].split(/=(.*)/s)[1] : process.argv[i + 1];
  if (rf && !rf.startsWith('--')) readyFile = path.resolve(rf);
  console.error(`[stack] ${USAGE}`);
  fail(e.message, 2);
}
if (opts.help) { console.log(USAGE); process.exit(0); }
if (opts.fresh && opts.keep) { console.error('[stack] ERROR: --fresh and --keep contradict each other'); process.exit(2); }
if (opts._.length) { console.error(`[stack] ERROR: unexpected argument ${opts._[0]}\n${USAGE}`); process.exit(2); }
readyFile = opts['ready-file'] ? path.resolve(opts['ready-file']) : null;

// Delete a stale ready file before anything else, so await-ready never sees an old one.
if (readyFile) {
  try { fs.rmSync(readyFile, { force: true }); } catch (e) { fail(`cannot delete old ready file ${readyFile}: ${e.message}`); }
}

let ports;
try {
  ports = {
    dynamo: parsePort(opts['dynamo-port'] ?? 8000, 'dynamo-port'),
    cognito: parsePort(opts['cognito-port'] ?? 9229, 'cognito-port'),
    signer: parsePort(opts['signer-port'] ?? 9230, 'signer-port'),
  };
} catch (e) { fail(e.message, 2); }
if (new Set(Object.values(ports)).size !== 3) fail('--dynamo-port, --cognito-port and --signer-port must differ', 2);

const host = opts.host ?? '127.0.0.1';
// Address clients use to reach the listeners (a wildcard bind is reached on loopback).
const connectHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
const urlHost = connectHost.includes(':') ? `[${connectHost}]` : connectHost;
dataDir = path.resolve(opts.data ?? '.local');
const libertyConfig = opts['liberty-config'] ? path.resolve(opts['liberty-config']) : null;

const tables = {
  logs: process.env.TABLE_LOGS || 'app-logs',
  faq: process.env.TABLE_FAQ || 'app-faq',
  prompts: process.env.TABLE_PROMPTS || 'app-prompts',
  tasks: process.env.TABLE_TASKS || 'app-tasks',
  // Tables of capabilities the old backend did not have.
  audit: process.env.TABLE_AUDIT || 'app-audit',
  phones: process.env.TABLE_PHONES || 'app-phones',
  usage: process.env.TABLE_USAGE || 'app-usage',
  transcripts: process.env.TABLE_TRANSCRIPTS || 'app-transcripts',
  idempotency: process.env.TABLE_IDEMPOTENCY || 'app-idempotency',
  callSids: process.env.TABLE_CALL_SIDS || 'app-call-sids',
  webhooks: process.env.TABLE_WEBHOOKS || 'app-webhooks',
  callSummaries: process.env.TABLE_CALL_SUMMARIES || 'app-call-summaries',
  faqVectors: process.env.TABLE_FAQ_VECTORS || 'app-faq-vectors',
};
// SQS queues (ElasticMQ): webhook deliveries, and the dead letters of messages that kept failing.
const queues = {
  webhooks: process.env.QUEUE_WEBHOOKS || 'uketsuke-webhooks',
  webhooksDlq: process.env.QUEUE_WEBHOOKS_DLQ || 'uketsuke-webhooks-dlq',
};
const serviceScope = (process.env.SERVICE_SCOPE || 'uketsuke/voice').trim();
const allowedScopes = serviceScope.split(/\s+/).filter(Boolean);

const dynamoEndpoint = `http://${urlHost}:${ports.dynamo}`;
const cognitoEndpoint = `http://${urlHost}:${ports.cognito}`;
const signerEndpoint = `http://${urlHost}:${ports.signer}`;
// cognito-local's issuer is http://localhost:<port>/<poolId>, whatever address it binds.
const issuerDomain = `http://localhost:${ports.cognito}`;

// ---------------------------------------------------------------- data dir + lock
function pidAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; }
}
const lockFile = path.join(dataDir, 'stack.pid');
try {
  const other = Number(fs.readFileSync(lockFile, 'utf8').trim());
  if (pidAlive(other)) fail(`another stack (pid ${other}) is running with data dir ${dataDir}; stop it first`);
} catch (e) { if (e.code !== 'ENOENT') fail(`cannot read ${lockFile}: ${e.message}`); }

if (opts.fresh) {
  log(`--fresh: deleting ${dataDir}`);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
fs.mkdirSync(path.join(dataDir, 'cognito', 'db'), { recursive: true });
fs.writeFileSync(lockFile, `${process.pid}\n`);
lockOwned = true;

const stackFile = path.join(dataDir, 'stack.json');
const signerKeyFile = path.join(dataDir, 'signer-key.json');
const previous = readJsonIfExists(stackFile) || {};

// ---------------------------------------------------------------- listeners
function listen(server, port, name) {
  return new Promise((resolve, reject) => {
    const onError = (err) => {
      const why = err.code === 'EADDRINUSE' ? 'address already in use'
        : err.code === 'EACCES' ? 'permission denied' : err.message;
      reject(new Error(`${name} cannot listen on ${host}:${port}: ${why}`));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      server.on('error', (err) => fail(`${name} server error: ${err.message}`));
      resolve();
    });
  });
}

const servers = [];

// dynalite, in-process, persisted under DIR/dynamo.
const requireHere = createRequire(import.meta.url);
const dynalite = requireHere('dynalite');
const dynaliteServer = dynalite({
  path: path.join(dataDir, 'dynamo'), createTableMs: 0, deleteTableMs: 0, updateTableMs: 0,
});
servers.push(['dynalite', dynaliteServer]);
// A DynamoDB outage for fault tests (POST /_faults/dynamodb/stop|start): every connection is
// refused and the open ones are cut, while the server and its database stay open. Closing the
// server would close dynalite's database under requests in flight and crash the stack; cutting
// connections instead is also what an outage looks like to a client (a write in flight may land
// without its answer arriving).
let dynamoDown = false;
dynaliteServer.on('connection', (socket) => { if (dynamoDown) socket.destroy(); });
// drop-answers: requests are carried out (a write lands) but the connection is cut instead of
// answering: the store failing after the write, as a client sees it.
let dropAnswers = false;
dynaliteServer.prependListener('request', (req, res) => {
  if (!dropAnswers) return;
  res.write = () => true;
  res.end = () => { res.socket?.destroy(); return res; };
});

// cognito-local, in-process. Its createDefaultServer() hard-codes ./.cognito and reads PORT/HOST
// at import time, so the same services are wired up here with absolute data directories.
process.env.PORT = String(ports.cognito);
process.env.HOST = host;
process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE = '1';
const clRequire = createRequire(requireHere.resolve('cognito-local/package.json'));
const cl = (p) => clRequire(`cognito-local/lib/${p}`);

async function createCognitoApp() {
  const pino = clRequire('pino');
  const pretty = clRequire('pino-pretty');
  const logger = pino(
    { level: process.env.DEBUG ? 'debug' : 'error', name: 'cognito-local' },
    pretty({ colorize: false, ignore: 'pid,hostname', translateTime: 'SYS:HH:MM:ss.l', singleLine: true, destination: 2 }),
  );
  const AWS = clRequire('aws-sdk');
  const services = cl('services');
  const { CognitoServiceFactoryImpl } = cl('services/cognitoService');
  const { CryptoService } = cl('services/crypto');
  const { StormDBDataStoreFactory } = cl('services/dataStore/stormDb');
  const { ConsoleMessageSender } = cl('services/messageDelivery/consoleMessageSender');
  const { MessageDeliveryService } = cl('services/messageDelivery/messageDelivery');
  const { otp } = cl('services/otp');
  const { JwtTokenGenerator } = cl('services/tokenGenerator');
  const { UserPoolServiceFactoryImpl } = cl('services/userPoolService');
  const { loadConfig } = cl('server/config');
  const { Router } = cl('server/Router');
  const { createServer } = cl('server/server');

  const configDirectory = path.join(dataDir, 'cognito');
  const dataDirectory = path.join(configDirectory, 'db');
  const ctx = { logger };
  const config = await loadConfig(ctx, new StormDBDataStoreFactory(configDirectory));
  config.TokenConfig = { ...config.TokenConfig, IssuerDomain: issuerDomain };
  config.ServerConfig = { ...config.ServerConfig, port: ports.cognito, hostname: host, https: false };
  const clock = new services.DateClock();
  const dataStoreFactory = new StormDBDataStoreFactory(dataDirectory);
  const cognitoClient = await new CognitoServiceFactoryImpl(
    dataDirectory, dataStoreFactory, new UserPoolServiceFactoryImpl(clock, dataStoreFactory),
  ).create(ctx, config.UserPoolDefaults);
  const triggers = new services.TriggersService(
    clock, cognitoClient,
    new services.LambdaService(config.TriggerFunctions, new AWS.Lambda(config.LambdaClient)),
    new CryptoService(config.KMSConfig),
  );
  const svc = {
    clock,
    cognito: cognitoClient,
    config,
    messages: new services.MessagesService(triggers, new MessageDeliveryService(new ConsoleMessageSender())),
    otp,
    tokenGenerator: new JwtTokenGenerator(clock, triggers, config.TokenConfig),
    triggers,
  };
  return createServer(Router(svc), logger, config.ServerConfig, svc).application;
}

// The signer: merged JWKS + client-credentials token endpoint.
const state = {
  poolId: null, webClientId: null, serviceClientId: null, serviceClientSecret: null, issuer: null,
  cognitoKeys: [], signerJwk: null, ready: false,
};

function sendJson(res, status, body, extraHeaders = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json;charset=UTF-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...extraHeaders,
  });
  res.end(text);
}

function readBody(req, limit = 64 * 1024) {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks = [];
    req.on('data', (c) => {
      size += c.length;
      if (size > limit) { reject(Object.assign(new Error('body too large'), { status: 413 })); req.destroy(); return; }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function safeEqual(a, b) {
  const x = Buffer.from(String(a)); const y = Buffer.from(String(b));
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

async function handleToken(req, res) {
  const ctype = String(req.headers['content-type'] || '');
  if (!ctype.startsWith('application/x-www-form-urlencoded')) {
    return sendJson(res, 400, { error: 'invalid_request', error_description: 'Content-Type must be application/x-www-form-urlencoded' });
  }
  const form = new URLSearchParams(await readBody(req));
  const grantType = form.get('grant_type');
  if (!grantType) return sendJson(res, 400, { error: 'invalid_request', error_description: 'grant_type is required' });
  if (grantType !== 'client_credentials') return sendJson(res, 400, { error: 'unsupported_grant_type' });

  let clientId = form.get('client_id');
  let clientSecret = form.get('client_secret');
  let viaBasic = false;
  const auth = String(req.headers.authorization || '');
  if (/^basic /i.test(auth)) {
    viaBasic = true;
    const decoded = Buffer.from(auth.slice(6).trim(), 'base64').toString('utf8');
    const idx = decoded.indexOf(':');
    if (idx < 0) return sendJson(res, 401, { error: 'invalid_client' }, { 'WWW-Authenticate': 'Basic' });
    try {
      clientId = decodeURIComponent(decoded.slice(0, idx).replace(/\+/g, ' '));
      clientSecret = decodeURIComponent(decoded.slice(idx + 1).replace(/\+/g, ' '));
    } catch {
      clientId = decoded.slice(0, idx); clientSecret = decoded.slice(idx + 1);
    }
  }
  const clientOk = clientId && clientSecret && state.serviceClientId
    && safeEqual(clientId, state.serviceClientId) && safeEqual(clientSecret, state.serviceClientSecret);
  if (!clientOk) {
    return sendJson(res, viaBasic ? 401 : 400, { error: 'invalid_client' }, viaBasic ? { 'WWW-Authenticate': 'Basic' } : {});
  }

  let scope = allowedScopes.join(' ');
  const requested = (form.get('scope') || '').split(/\s+/).filter(Boolean);
  if (requested.length) {
    if (requested.some((s) => !allowedScopes.includes(s))) return sendJson(res, 400, { error: 'invalid_scope' });
    scope = [...new Set(requested)].join(' ');
  }
  const now = Math.floor(Date.now() / 1000);
  // Same claims, in the same order, as a real Cognito client-credentials access token. No aud.
  const claims = {
    sub: state.serviceClientId,
    token_use: 'access',
    scope,
    auth_time: now,
    iss: state.issuer,
    exp: now + 3600,
    iat: now,
    version: 2,
    jti: crypto.randomUUID(),
    client_id: state.serviceClientId,
  };
  return sendJson(res, 200, { access_token: signJwt(claims, state.signerJwk), token_type: 'Bearer', expires_in: 3600 },
    { Pragma: 'no-cache' });
}

async function refreshCognitoKeys() {
  const res = await fetch(`${cognitoEndpoint}/${state.poolId}/.well-known/jwks.json`, { signal: AbortSignal.timeout(5000) });
  if (!res.ok) throw new Error(`cognito-local JWKS answered ${res.status}`);
  const body = await res.json();
  if (!Array.isArray(body.keys) || !body.keys.length) throw new Error('cognito-local JWKS has no keys');
  state.cognitoKeys = body.keys;
}

async function jwks() {
  try { await refreshCognitoKeys(); } catch { /* keep the keys fetched at startup */ }
  return { keys: [...state.cognitoKeys.filter((k) => k.kid !== state.signerJwk.kid), publicJwk(state.signerJwk)] };
}

const signerServer = http.createServer((req, res) => {
  (async () => {
    const url = new URL(req.url, 'http://x');
    const p = url.pathname;
    if (req.method === 'GET' && p === '/health') return sendJson(res, 200, { ok: true, ready: state.ready });
    if (!state.ready) return sendJson(res, 503, { error: 'starting' });
    const wk = p.match(/^\/([^/]+)\/\.well-known\/(jwks\.json|openid-configuration)$/);
    if (wk && (req.method === 'GET' || req.method === 'HEAD')) {
      if (wk[1] !== state.poolId) return sendJson(res, 404, { error: 'unknown user pool' });
      if (wk[2] === 'jwks.json') return sendJson(res, 200, await jwks(), { 'Cache-Control': 'max-age=60' });
      return sendJson(res, 200, {
        issuer: state.issuer,
        jwks_uri: `${signerEndpoint}/${state.poolId}/.well-known/jwks.json`,
        token_endpoint: `${signerEndpoint}/oauth2/token`,
        grant_types_supported: ['client_credentials'],
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
        scopes_supported: allowedScopes,
      });
    }
    // Fault injection for the service's tests: take DynamoDB away and bring it back (same port,
    // same data), as an outage would.
    const fault = p.match(/^\/_faults\/dynamodb\/(stop|start|drop-answers)$/);
    if (fault && req.method === 'POST') {
      dynamoDown = fault[1] === 'stop';
      dropAnswers = fault[1] === 'drop-answers';
      if (fault[1] !== 'start') dynaliteServer.closeAllConnections?.();
      log(`fault: dynamodb ${fault[1]}`);
      return sendJson(res, 200, { dynamodb: fault[1] === 'start' ? 'up' : fault[1] });
    }
    if (p === '/oauth2/token') {
      if (req.method !== 'POST') return sendJson(res, 405, { error: 'invalid_request' }, { Allow: 'POST' });
      return handleToken(req, res);
    }
    return sendJson(res, 404, { error: 'not found' });
  })().catch((e) => {
    if (!res.headersSent) sendJson(res, e.status || 500, { error: e.status ? 'invalid_request' : 'server_error', error_description: e.message });
  });
});
servers.push(['signer', signerServer]);

// ---------------------------------------------------------------- DynamoDB tables
const S = (name) => ({ AttributeName: name, AttributeType: 'S' });
const key = (hash, range) => [{ AttributeName: hash, KeyType: 'HASH' }, ...(range ? [{ AttributeName: range, KeyType: 'RANGE' }] : [])];
const tableDefs = [
  {
    TableName: tables.logs,
    AttributeDefinitions: [S('client_id'), S('sk'), S('ts'), S('call_sid')],
    KeySchema: key('client_id', 'sk'),
    GlobalSecondaryIndexes: [
      { IndexName: 'TsIndex', KeySchema: key('client_id', 'ts'), Projection: { ProjectionType: 'ALL' } },
      { IndexName: 'CallSidIndex', KeySchema: key('call_sid'), Projection: { ProjectionType: 'ALL' } },
    ],
  },
  { TableName: tables.faq, AttributeDefinitions: [S('client_id'), S('question')], KeySchema: key('client_id', 'question') },
  { TableName: tables.prompts, AttributeDefinitions: [S('client_id'), S('id')], KeySchema: key('client_id', 'id') },
  { TableName: tables.tasks, AttributeDefinitions: [S('client_id'), S('name')], KeySchema: key('client_id', 'name') },
  { TableName: tables.audit, AttributeDefinitions: [S('client_id'), S('sk')], KeySchema: key('client_id', 'sk') },
  { TableName: tables.phones, AttributeDefinitions: [S('client_id'), S('phone_number')], KeySchema: key('client_id', 'phone_number') },
  { TableName: tables.usage, AttributeDefinitions: [S('client_id'), S('sk')], KeySchema: key('client_id', 'sk') },
  { TableName: tables.transcripts, AttributeDefinitions: [S('client_id'), S('recording_sid')], KeySchema: key('client_id', 'recording_sid') },
  // Expiry (expires_at) is also checked by the service: dynalite has no TTL.
  { TableName: tables.idempotency, AttributeDefinitions: [S('client_id'), S('key')], KeySchema: key('client_id', 'key') },
  { TableName: tables.callSids, AttributeDefinitions: [S('call_sid')], KeySchema: key('call_sid') },
  // Webhooks, their deliveries, and (under client_id "_outbox") events not yet handed to SQS.
  { TableName: tables.webhooks, AttributeDefinitions: [S('client_id'), S('sk')], KeySchema: key('client_id', 'sk') },
  { TableName: tables.callSummaries, AttributeDefinitions: [S('client_id'), S('call_sid')], KeySchema: key('client_id', 'call_sid') },
  // FAQ entries' embedding vectors, apart from app-faq (which the old voice server queries).
  { TableName: tables.faqVectors, AttributeDefinitions: [S('client_id'), S('question')], KeySchema: key('client_id', 'question') },
];

async function listAllTables() {
  const names = [];
  let start;
  do {
    const r = await dynamo(dynamoEndpoint, 'ListTables', start ? { ExclusiveStartTableName: start } : {});
    names.push(...r.TableNames);
    start = r.LastEvaluatedTableName;
  } while (start);
  return names;
}

async function ensureTables() {
  const existing = new Set(await listAllTables());
  const created = [];
  for (const def of tableDefs) {
    if (existing.has(def.TableName)) {
      const d = (await dynamo(dynamoEndpoint, 'DescribeTable', { TableName: def.TableName })).Table;
      const have = new Set((d.GlobalSecondaryIndexes || []).map((g) => g.IndexName));
      const missing = (def.GlobalSecondaryIndexes || []).filter((g) => !have.has(g.IndexName)).map((g) => g.IndexName);
      if (missing.length) log(`WARNING: table ${def.TableName} exists without index(es) ${missing.join(', ')}; use --fresh to recreate`);
      continue;
    }
    await dynamo(dynamoEndpoint, 'CreateTable', { ...def, BillingMode: 'PAY_PER_REQUEST' });
    created.push(def.TableName);
  }
  for (const name of created) {
    for (let i = 0; ; i++) {
      const d = (await dynamo(dynamoEndpoint, 'DescribeTable', { TableName: name })).Table;
      const gsiActive = (d.GlobalSecondaryIndexes || []).every((g) => g.IndexStatus === 'ACTIVE');
      if (d.TableStatus === 'ACTIVE' && gsiActive) break;
      if (i > 200) throw new Error(`table ${name} did not become ACTIVE`);
      await sleep(25);
    }
  }
  log(`dynamodb: tables ${tableDefs.map((d) => d.TableName).join(', ')}` +
    (created.length ? ` (created ${created.length})` : ' (all existed)'));
}

// ---------------------------------------------------------------- Cognito setup
const POOL_NAME = 'uketsuke-local';
const WEB_CLIENT = 'uketsuke-console';
const SERVICE_CLIENT = 'uketsuke-voice';
const cog = (op, body) => cognito(cognitoEndpoint, op, body);
const notFound = (e) => e.code === 'ResourceNotFoundException';

async function findPoolByName(name) {
  let token;
  do {
    const r = await cog('ListUserPools', { MaxResults: 60, ...(token ? { NextToken: token } : {}) });
    const hit = (r.UserPools || []).find((p) => p.Name === name);
    if (hit) return hit.Id;
    token = r.NextToken;
  } while (token);
  return null;
}

async function ensurePool() {
  if (previous.poolId) {
    try {
      await cog('DescribeUserPool', { UserPoolId: previous.poolId });
      return { poolId: previous.poolId, reused: true };
    } catch (e) {
      if (!notFound(e)) throw e;
      log(`cognito: pool ${previous.poolId} from stack.json is gone; recreating`);
    }
  }
  const byName = await findPoolByName(POOL_NAME);
  if (byName) return { poolId: byName, reused: true };
  const r = await cog('CreateUserPool', {
    PoolName: POOL_NAME,
    UsernameAttributes: ['email'],
    AutoVerifiedAttributes: ['email'],
    Schema: [{
      Name: 'tenant_id', AttributeDataType: 'String', Mutable: true, Required: false,
      StringAttributeConstraints: { MinLength: '1', MaxLength: '64' },
    }],
  });
  return { poolId: r.UserPool.Id, reused: false };
}

async function ensureClient(poolId, name, knownId, params) {
  if (knownId) {
    try {
      return (await cog('DescribeUserPoolClient', { UserPoolId: poolId, ClientId: knownId })).UserPoolClient;
    } catch (e) { if (!notFound(e)) throw e; }
  }
  const list = await cog('ListUserPoolClients', { UserPoolId: poolId, MaxResults: 60 });
  const hit = (list.UserPoolClients || []).find((c) => c.ClientName === name);
  if (hit) return (await cog('DescribeUserPoolClient', { UserPoolId: poolId, ClientId: hit.ClientId })).UserPoolClient;
  return (await cog('CreateUserPoolClient', { UserPoolId: poolId, ClientName: name, ...params })).UserPoolClient;
}

async function ensureGroups(poolId, groups) {
  // ListGroups, not GetGroup: cognito-local's GetGroup answers 500 while a pool has no groups.
  // Only create what is missing: its CreateGroup overwrites (and empties) an existing group.
  const have = new Set();
  let token;
  do {
    const r = await cog('ListGroups', { UserPoolId: poolId, Limit: 60, ...(token ? { NextToken: token } : {}) });
    for (const g of r.Groups || []) have.add(g.GroupName);
    token = r.NextToken;
  } while (token);
  for (const [name, description] of groups) {
    if (!have.has(name)) await cog('CreateGroup', { UserPoolId: poolId, GroupName: name, Description: description });
  }
}

async function ensureCognito() {
  const { poolId, reused } = await ensurePool();
  const same = reused && poolId === previous.poolId;
  const web = await ensureClient(poolId, WEB_CLIENT, same ? previous.webClientId : null, {
    ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    GenerateSecret: false,
  });
  const service = await ensureClient(poolId, SERVICE_CLIENT, same ? previous.serviceClientId : null, {
    GenerateSecret: true,
    AllowedOAuthFlows: ['client_credentials'],
    AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthScopes: allowedScopes,
  });
  let secret = service.ClientSecret;
  if (!secret) {
    // Not expected with cognito-local 5.3.0 (it supports GenerateSecret); keep our own then.
    secret = previous.serviceClientId === service.ClientId && previous.serviceClientSecret
      ? previous.serviceClientSecret : crypto.randomBytes(32).toString('base64url');
  }
  await ensureGroups(poolId, [['admin', 'Tenant administrators'], ['staff', 'Tenant staff']]);
  Object.assign(state, {
    poolId, webClientId: web.ClientId, serviceClientId: service.ClientId, serviceClientSecret: secret,
    issuer: `${issuerDomain}/${poolId}`,
  });
  log(`cognito: pool ${poolId} (${reused ? 'reused' : 'created'}), web client ${web.ClientId}, service client ${service.ClientId}`);
}

// ---------------------------------------------------------------- demo seed
async function putIfAbsent(table, item, keyAttr) {
  try {
    await dynamo(dynamoEndpoint, 'PutItem', {
      TableName: table,
      Item: marshalItem(item),
      ConditionExpression: 'attribute_not_exists(#k)',
      ExpressionAttributeNames: { '#k': keyAttr },
    });
    return true;
  } catch (e) {
    if (e.code === 'ConditionalCheckFailedException') return false;
    throw e;
  }
}

async function seedDemo() {
  const u = await ensureUser(cognitoEndpoint, state.poolId, {
    email: demo.DEMO_EMAIL, password: demo.DEMO_PASSWORD, tenant: demo.DEMO_TENANT, group: null,
  });
  if (u.created) {
    await cog('AdminAddUserToGroup', { UserPoolId: state.poolId, Username: demo.DEMO_EMAIL, GroupName: demo.DEMO_GROUP });
  }
  let created = 0; let kept = 0;
  for (const item of demo.promptItems()) (await putIfAbsent(tables.prompts, item, 'client_id')) ? created++ : kept++;
  for (const item of demo.faqItems()) (await putIfAbsent(tables.faq, item, 'client_id')) ? created++ : kept++;
  log(`seed: tenant ${demo.DEMO_TENANT}: user ${demo.DEMO_EMAIL} ${u.created ? 'created' : 'kept'}; ` +
    `${created} item(s) created, ${kept} kept`);
}

// ---------------------------------------------------------------- WireMock (tests)
// The tests' stand-in for OpenAI and Twilio: a child JVM that lives and dies with this process, so
// Maven starts one thing and a taken port fails the build here, loudly. The request journal is kept
// (bounded) so tests can check what the service sent.
let wiremock = null;
async function startWireMock(jar, port) {
  if (!fs.existsSync(jar)) throw new Error(`WireMock jar not found: ${jar}`);
  // A bounded request journal: tests verify what the service sent (and that it sent nothing to
  // another tenant's media), without the journal growing for the whole build.
  wiremock = spawn('java', ['-Xmx256m', '-jar', jar, '--port', String(port), '--bind-address', '127.0.0.1',
    '--disable-banner', '--max-request-journal-entries', '5000', '--async-response-enabled', 'true'],
  { stdio: ['ignore', 'ignore', 'inherit'] });
  let exited = null;
  wiremock.on('exit', (code) => { exited = code; if (!stopping) fail(`WireMock exited (code ${code})`); });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (exited !== null) throw new Error(`WireMock could not start on port ${port} (exit ${exited})`);
    try {
      const r = await fetch(`${url}/__admin/health`, { signal: AbortSignal.timeout(1000) });
      if (r.ok) { state.wiremockUrl = url; log(`wiremock: ${url}`); return; }
    } catch { /* not up yet */ }
    await sleep(100);
  }
  throw new Error(`WireMock did not answer on ${url} within 60 s`);
}
// ---------------------------------------------------------------- ElasticMQ (SQS)
// A child JVM like WireMock: ElasticMQ in memory (messages do not survive a restart of the stack;
// events not yet handed over stay in the webhooks table's outbox), queues created here.
let elasticmq = null;
async function startElasticMq(classpathFile, port) {
  if (!fs.existsSync(classpathFile)) throw new Error(`ElasticMQ class path file not found: ${classpathFile}`);
  const classpath = fs.readFileSync(classpathFile, 'utf8').trim();
  const launcher = path.join(path.dirname(new URL(import.meta.url).pathname), 'elasticmq', 'ElasticMq.java');
  elasticmq = spawn('java', ['-Xmx128m', '-XX:TieredStopAtLevel=1', '-cp', classpath, launcher, String(port)],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  let exited = null;
  let ready = false;
  elasticmq.stdout.on('data', (d) => { if (String(d).includes('ready')) ready = true; });
  elasticmq.on('exit', (code) => { exited = code; if (!stopping) fail(`ElasticMQ exited (code ${code})`); });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 1200 && !ready; i++) {
    if (exited !== null) throw new Error(`ElasticMQ could not start on port ${port} (exit ${exited})`);
    await sleep(100);
  }
  if (!ready) throw new Error(`ElasticMQ did not start on ${url} within 120 s`);
  const dlq = await sqs(url, 'CreateQueue', { QueueName: queues.webhooksDlq });
  const dlqArn = (await sqs(url, 'GetQueueAttributes', { QueueUrl: dlq.QueueUrl, AttributeNames: ['QueueArn'] }))
    .Attributes.QueueArn;
  // The service retries through visibility timeouts it sets itself; the redrive only catches a
  // message that keeps killing its consumer.
  const main = await sqs(url, 'CreateQueue', {
    QueueName: queues.webhooks,
    Attributes: { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: '100' }) },
  });
  state.sqs = { endpoint: url, webhooksQueueUrl: main.QueueUrl, webhooksDlqUrl: dlq.QueueUrl };
  log(`elasticmq: ${url}, queues ${queues.webhooks}, ${queues.webhooksDlq}`);
}
async function sqs(url, action, body) {
  const r = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': `AmazonSQS.${action}` },
    body: JSON.stringify(body),
  });
  const text = await r.text();
  if (!r.ok) throw new Error(`SQS ${action}: ${r.status} ${text}`);
  return JSON.parse(text);
}
function stopElasticMq() {
  if (elasticmq && elasticmq.exitCode === null) elasticmq.kill('SIGTERM');
}
process.on('exit', stopElasticMq);

function stopWireMock() {
  if (wiremock && wiremock.exitCode === null) wiremock.kill('SIGTERM');
}
process.on('exit', stopWireMock);

// ---------------------------------------------------------------- outputs
function libertyXml(info) {
  const v = (name, value) => `  <variable name="${xmlEscape(name)}" value="${xmlEscape(value)}"/>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!-- Written by local/stack.mjs; overwritten on every start. -->',
    '<server>',
    v('uketsuke.dynamodb.endpoint', info.dynamoEndpoint),
    // dynalite accepts any signature; the service signs with fixed dummy keys instead of the
    // default credential chain, which has nothing to find on a laptop.
    v('uketsuke.aws.local-credentials', 'true'),
    v('uketsuke.auth.issuer', info.issuer),
    v('uketsuke.auth.jwks-uri', info.jwksUri),
    v('uketsuke.auth.web-clients', info.webClientId),
    v('uketsuke.auth.service-clients', info.serviceClientId),
    v('uketsuke.auth.service-scope', info.serviceScope),
    ...(info.sqs ? [
      v('uketsuke.sqs.endpoint', info.sqs.endpoint),
      v('uketsuke.webhooks.queue-url', info.sqs.webhooksQueueUrl),
    ] : []),
    ...extraVars.map(([name, value]) => v(name, value)),
    '</server>',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------- shutdown
let stopping = false;
function closeServer(server) {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections?.();
  });
}
async function shutdown(signal) {
  if (stopping) { console.error(`[stack] ${signal} again: exiting now`); releaseLock(); process.exit(1); }
  stopping = true;
  log(`${signal}: stopping`);
  setTimeout(() => { console.error('[stack] shutdown took too long; exiting'); releaseLock(); process.exit(0); }, 10_000).unref();
  stopWireMock();
  stopElasticMq();
  await Promise.allSettled(servers.map(([, s]) => closeServer(s)));
  releaseLock();
  log('stopped');
  process.exit(0);
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGHUP', () => shutdown('SIGHUP'));

// ---------------------------------------------------------------- main
async function main() {
  const cognitoApp = await createCognitoApp();
  const cognitoServer = http.createServer(cognitoApp);
  servers.push(['cognito-local', cognitoServer]);
  // Bind everything first: a taken port fails the start before any setup work.
  await Promise.all([
    listen(dynaliteServer, ports.dynamo, 'dynalite (DynamoDB)'),
    listen(cognitoServer, ports.cognito, 'cognito-local'),
    listen(signerServer, ports.signer, 'token signer'),
  ]);
  log(`listening: dynamodb ${dynamoEndpoint}, cognito ${cognitoEndpoint}, signer ${signerEndpoint} (data ${dataDir})`);

  await Promise.all([
    opts['wiremock-jar'] ? startWireMock(opts['wiremock-jar'], parsePort(opts['wiremock-port'], 'wiremock-port')) : null,
    opts['elasticmq-classpath']
      ? startElasticMq(path.resolve(opts['elasticmq-classpath']), parsePort(opts['sqs-port'] ?? 9324, 'sqs-port')) : null,
  ]);

  const { jwk, created } = loadOrCreateSignerKey(signerKeyFile);
  state.signerJwk = jwk;
  log(`signer: key ${jwk.kid} (${created ? 'generated' : 'reused'}) in ${signerKeyFile}`);

  await ensureTables();
  await ensureCognito();
  await refreshCognitoKeys();
  state.ready = true;
  if (opts['seed-demo']) await seedDemo();

  const info = {
    pid: process.pid,
    startedAt: new Date().toISOString(),
    dataDir,
    host,
    ports,
    dynamoEndpoint,
    cognitoEndpoint,
    signerEndpoint,
    issuer: state.issuer,
    jwksUri: `${signerEndpoint}/${state.poolId}/.well-known/jwks.json`,
    tokenEndpoint: `${signerEndpoint}/oauth2/token`,
    poolId: state.poolId,
    webClientId: state.webClientId,
    serviceClientId: state.serviceClientId,
    serviceClientSecret: state.serviceClientSecret,
    serviceScope,
    signerKeyFile,
    signerKid: state.signerJwk.kid,
    tables,
    libertyConfig,
    wiremockUrl: state.wiremockUrl ?? null,
    sqs: state.sqs ?? null,
    demo: opts['seed-demo'] ? { tenant: demo.DEMO_TENANT, email: demo.DEMO_EMAIL, password: demo.DEMO_PASSWORD } : null,
  };
  if (libertyConfig) writeFileAtomic(libertyConfig, libertyXml(info));
  writeJsonAtomic(stackFile, info);
  if (readyFile) writeJsonAtomic(readyFile, info);

  let rel = path.relative(process.cwd(), dataDir) || '.';
  if (rel.startsWith('..')) rel = dataDir;
  const dataFlag = rel === '.local' ? '' : ` --data ${/[\s'"$]/.test(rel) ? JSON.stringify(rel) : rel}`;
  const lines = [
    `ready in ${((Date.now() - t0) / 1000).toFixed(1)}s (pid ${process.pid})`,
    `  DynamoDB  ${dynamoEndpoint}   tables: ${Object.values(tables).join(', ')}`,
    `  Cognito   ${cognitoEndpoint}   pool ${state.poolId}`,
    `  issuer    ${state.issuer}`,
    `  JWKS      ${info.jwksUri}`,
    `  clients   web ${state.webClientId}, service ${state.serviceClientId} (scope ${serviceScope})`,
  ];
  if (state.sqs) lines.push(`  SQS       ${state.sqs.endpoint}   queue ${state.sqs.webhooksQueueUrl}`);
  if (libertyConfig) lines.push(`  Liberty   ${libertyConfig}`);
  if (opts['seed-demo']) lines.push(`  demo user ${demo.DEMO_EMAIL} / ${demo.DEMO_PASSWORD} (tenant ${demo.DEMO_TENANT}, group ${demo.DEMO_GROUP})`);
  lines.push(
    `  ID token:      TOKEN=$(node local/token.mjs${dataFlag} --tenant demo)`,
    `  service token: TOKEN=$(node local/token.mjs${dataFlag} --service)`,
    '  Ctrl-C to stop.',
  );
  log(lines.join('\n'));
}

main().catch((e) => fail(e?.message || String(e)));
