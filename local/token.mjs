#!/usr/bin/env node
// Print a token from the running local stack.
//   node local/token.mjs [--data DIR] --tenant T [--user EMAIL] [--password P] [--group admin|staff] [--json]
//   node local/token.mjs [--data DIR] --service [--scope S] [--json]
import path from 'node:path';
import { cognito, AwsError } from './lib/aws.mjs';
import { ensureUser } from './lib/users.mjs';
import { DEMO_EMAIL, DEMO_GROUP, DEMO_PASSWORD, DEMO_TENANT } from './lib/demo.mjs';
import { parseArgs, readJsonIfExists } from './lib/util.mjs';

const USAGE = `usage:
  node local/token.mjs [--data DIR] --tenant T [--user EMAIL] [--password P] [--group admin|staff] [--json]
      ID token of a user of tenant T (the user is created when missing)
  node local/token.mjs [--data DIR] --service [--scope S] [--json]
      client-credentials access token of the service client`;

function die(msg, code = 1) { console.error(`token: ${msg}`); process.exit(code); }

let opts;
try {
  opts = parseArgs(process.argv.slice(2), {
    values: ['data', 'tenant', 'user', 'password', 'group', 'scope'],
    flags: ['service', 'json', 'help'],
  });
} catch (e) { die(`${e.message}\n${USAGE}`, 2); }
if (opts.help) { console.log(USAGE); process.exit(0); }
if (opts._.length) die(`unexpected argument ${opts._[0]}\n${USAGE}`, 2);
if (opts.service && opts.tenant) die('use either --service or --tenant, not both', 2);
if (!opts.service && !opts.tenant) die(`--tenant or --service is required\n${USAGE}`, 2);
if (opts.group && !['admin', 'staff'].includes(opts.group)) die('--group must be admin or staff', 2);
if (opts.service && (opts.user || opts.password || opts.group)) die('--user/--password/--group do not apply to --service', 2);
if (opts.tenant && opts.scope) die('--scope applies to --service only', 2);

const dataDir = path.resolve(opts.data ?? '.local');
const stackFile = path.join(dataDir, 'stack.json');
const stack = readJsonIfExists(stackFile);
if (!stack) die(`no stack state at ${stackFile}; start the stack first: node local/stack.mjs${opts.data ? ` --data ${opts.data}` : ''}`);

// Is the stack running? stack.json outlives the stack, so ask the live endpoints.
async function ping(url) {
  try {
    const r = await fetch(url, { signal: AbortSignal.timeout(3000) });
    return r.ok;
  } catch { return false; }
}
const [signerUp, cognitoUp] = await Promise.all([ping(`${stack.signerEndpoint}/health`), ping(`${stack.cognitoEndpoint}/health`)]);
if (!signerUp || !cognitoUp) {
  die(`the local stack is not running (no answer from ${!signerUp ? stack.signerEndpoint : stack.cognitoEndpoint}); ` +
    `start it: node local/stack.mjs${opts.data ? ` --data ${opts.data}` : ''}`);
}

function expiresIn(jwt) {
  try {
    const { exp } = JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
    return Math.max(0, exp - Math.floor(Date.now() / 1000));
  } catch { return undefined; }
}

function out(token, json) {
  process.stdout.write(opts.json ? JSON.stringify(json, null, 2) + '\n' : token + '\n');
}

try {
  if (opts.service) {
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (opts.scope) form.set('scope', opts.scope);
    const basic = Buffer.from(`${encodeURIComponent(stack.serviceClientId)}:${encodeURIComponent(stack.serviceClientSecret)}`).toString('base64');
    const res = await fetch(stack.tokenEndpoint || `${stack.signerEndpoint}/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Basic ${basic}` },
      body: form,
      signal: AbortSignal.timeout(10000),
    });
    const body = await res.json().catch(() => ({}));
    if (!res.ok) die(`token endpoint answered ${res.status}: ${body.error || JSON.stringify(body)}${body.error === 'invalid_client' ? ' (stack.json out of date? restart the stack)' : ''}`);
    out(body.access_token, { ...body, client_id: stack.serviceClientId, issuer: stack.issuer });
  } else {
    const tenant = opts.tenant;
    const isDemo = tenant === DEMO_TENANT && !opts.user;
    const email = opts.user ?? (isDemo ? DEMO_EMAIL : `${tenant}-owner@example.com`);
    const password = opts.password ?? (isDemo ? DEMO_PASSWORD : 'Local-Passw0rd!');
    const group = opts.group ?? (isDemo ? DEMO_GROUP : undefined);
    const { created, sub } = await ensureUser(stack.cognitoEndpoint, stack.poolId, { email, password, tenant, group });
    if (created) console.error(`token: created user ${email} (tenant ${tenant}${group ? `, group ${group}` : ''})`);
    let auth;
    try {
      auth = await cognito(stack.cognitoEndpoint, 'InitiateAuth', {
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: stack.webClientId,
        AuthParameters: { USERNAME: email, PASSWORD: password },
      });
    } catch (e) {
      if (e.code === 'NotAuthorizedException' || e.code === 'InvalidPasswordException') die(`wrong password for existing user ${email} (use --password)`);
      throw e;
    }
    const r = auth.AuthenticationResult;
    if (!r?.IdToken) die(`sign-in did not return tokens (challenge ${auth.ChallengeName ?? 'none'})`);
    out(r.IdToken, {
      id_token: r.IdToken,
      access_token: r.AccessToken,
      refresh_token: r.RefreshToken,
      expires_in: r.ExpiresIn ?? expiresIn(r.IdToken),
      token_type: r.TokenType ?? 'Bearer',
      user: email,
      sub,
      tenant,
      client_id: stack.webClientId,
      issuer: stack.issuer,
    });
  }
} catch (e) {
  die(e instanceof AwsError ? e.message : (e?.message || String(e)));
}
