// RS256 JWT helpers on node:crypto only.
import crypto from 'node:crypto';
import fs from 'node:fs';

export const b64url = (buf) => Buffer.from(buf).toString('base64url');

export function b64urlJson(obj) {
  return b64url(Buffer.from(JSON.stringify(obj), 'utf8'));
}

/** RFC 7638 JWK thumbprint (SHA-256, base64url) of an RSA key. */
export function rsaThumbprint(jwk) {
  const canonical = JSON.stringify({ e: jwk.e, kty: 'RSA', n: jwk.n });
  return b64url(crypto.createHash('sha256').update(canonical).digest());
}

/** A fresh RSA-2048 private JWK with kid, alg RS256 and use sig. */
export function generateRsaJwk() {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048, publicExponent: 0x10001 });
  const j = privateKey.export({ format: 'jwk' });
  const kid = `local-signer-${rsaThumbprint(j).slice(0, 16)}`;
  // Standard member order; nimbus RSAKey.parse / JWK.parse accept this as a private RSA JWK.
  return { kty: 'RSA', kid, use: 'sig', alg: 'RS256', n: j.n, e: j.e, d: j.d, p: j.p, q: j.q, dp: j.dp, dq: j.dq, qi: j.qi };
}

/** Public part of an RSA JWK. */
export function publicJwk(jwk) {
  return { kty: 'RSA', kid: jwk.kid, use: jwk.use ?? 'sig', alg: jwk.alg ?? 'RS256', n: jwk.n, e: jwk.e };
}

/** Load the signer key from file, or create it (0600) when missing. Returns {jwk, created}. */
export function loadOrCreateSignerKey(file) {
  if (fs.existsSync(file)) {
    const jwk = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (jwk.kty !== 'RSA' || !jwk.d || !jwk.n || !jwk.kid) {
      throw new Error(`${file} is not a private RSA JWK with a kid; delete it to get a new key`);
    }
    crypto.createPrivateKey({ key: jwk, format: 'jwk' }); // validates
    return { jwk, created: false };
  }
  const jwk = generateRsaJwk();
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(jwk, null, 2) + '\n', { mode: 0o600 });
  fs.renameSync(tmp, file);
  return { jwk, created: true };
}

/** Sign claims as an RS256 JWT with the given private JWK. */
export function signJwt(claims, privateJwk) {
  const header = { kid: privateJwk.kid, alg: 'RS256', typ: 'JWT' };
  const input = `${b64urlJson(header)}.${b64urlJson(claims)}`;
  const key = crypto.createPrivateKey({ key: privateJwk, format: 'jwk' });
  const sig = crypto.sign('sha256', Buffer.from(input), key);
  return `${input}.${b64url(sig)}`;
}

/** Decode without verifying. */
export function decodeJwt(token) {
  const parts = String(token).split('.');
  if (parts.length !== 3) throw new Error('not a JWT (expected three dot-separated parts)');
  return {
    header: JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')),
    payload: JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')),
  };
}

/** Verify an RS256 signature against a JWKS ({keys:[...]}); returns the matching key or throws. */
export function verifyJwtSignature(token, jwks) {
  const [h, p, s] = String(token).split('.');
  const { header } = decodeJwt(token);
  if (header.alg !== 'RS256') throw new Error(`unexpected alg ${header.alg}`);
  const jwk = (jwks.keys || []).find((k) => k.kid === header.kid);
  if (!jwk) throw new Error(`kid ${header.kid} not in JWKS`);
  const key = crypto.createPublicKey({ key: jwk, format: 'jwk' });
  const ok = crypto.verify('sha256', Buffer.from(`${h}.${p}`), key, Buffer.from(s, 'base64url'));
  if (!ok) throw new Error('signature does not verify');
  return jwk;
}
