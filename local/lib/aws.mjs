// Minimal AWS JSON-protocol clients for dynalite (DynamoDB) and cognito-local (Cognito IdP).
// Plain fetch, no AWS SDK. Both stand-ins ignore signatures, but dynalite wants an
// Authorization header to be present, so a dummy SigV4-looking one is always sent.

export class AwsError extends Error {
  constructor(service, op, status, type, message) {
    super(`${service} ${op} failed (${status}${type ? ` ${type}` : ''}): ${message || 'no message'}`);
    this.name = 'AwsError';
    this.service = service;
    this.op = op;
    this.status = status;
    this.code = type; // short exception name, e.g. ResourceNotFoundException
    this.awsMessage = message;
  }
}

async function call(service, endpoint, contentType, target, op, body, timeoutMs) {
  const res = await fetch(new URL('/', endpoint), {
    method: 'POST',
    headers: {
      'Content-Type': contentType,
      'X-Amz-Target': `${target}.${op}`,
      'X-Amz-Date': new Date().toISOString().replace(/[-:]|\.\d{3}/g, ''),
      Authorization:
        `AWS4-HMAC-SHA256 Credential=local/20250101/local/${service === 'DynamoDB' ? 'dynamodb' : 'cognito-idp'}/aws4_request, SignedHeaders=host, Signature=x`,
    },
    body: JSON.stringify(body ?? {}),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  let json = {};
  if (text) {
    try { json = JSON.parse(text); } catch { json = { message: text }; }
  }
  if (!res.ok) {
    const rawType = json.__type || json.code || '';
    const type = String(rawType).split('#').pop();
    throw new AwsError(service, op, res.status, type, json.message || json.Message || text);
  }
  return json;
}

/** DynamoDB JSON 1.0 call against dynalite. */
export function dynamo(endpoint, op, body, { timeoutMs = 15000 } = {}) {
  return call('DynamoDB', endpoint, 'application/x-amz-json-1.0', 'DynamoDB_20120810', op, body, timeoutMs);
}

/** Cognito Identity Provider JSON 1.1 call against cognito-local. */
export function cognito(endpoint, op, body, { timeoutMs = 15000 } = {}) {
  return call('Cognito', endpoint, 'application/x-amz-json-1.1', 'AWSCognitoIdentityProviderService', op, body, timeoutMs);
}

/** Plain JS value -> DynamoDB AttributeValue (numbers become N, objects M, arrays L). */
export function marshal(value) {
  if (value === null || value === undefined) return { NULL: true };
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`cannot store ${value} in DynamoDB`);
    return { N: String(value) };
  }
  if (typeof value === 'boolean') return { BOOL: value };
  if (Array.isArray(value)) return { L: value.map(marshal) };
  if (typeof value === 'object') return { M: marshalItem(value) };
  throw new TypeError(`cannot marshal ${typeof value}`);
}

export function marshalItem(obj) {
  const out = {};
  for (const [k, v] of Object.entries(obj)) if (v !== undefined) out[k] = marshal(v);
  return out;
}

/** DynamoDB AttributeValue -> plain JS value. */
export function unmarshal(av) {
  if ('S' in av) return av.S;
  if ('N' in av) return Number(av.N);
  if ('BOOL' in av) return av.BOOL;
  if ('NULL' in av) return null;
  if ('L' in av) return av.L.map(unmarshal);
  if ('M' in av) return unmarshalItem(av.M);
  if ('SS' in av) return [...av.SS];
  if ('NS' in av) return av.NS.map(Number);
  if ('B' in av) return av.B;
  if ('BS' in av) return [...av.BS];
  throw new TypeError(`unknown attribute value ${JSON.stringify(av)}`);
}

export function unmarshalItem(item) {
  const out = {};
  for (const [k, v] of Object.entries(item || {})) out[k] = unmarshal(v);
  return out;
}
