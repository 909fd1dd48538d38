/**
 * Who is calling and for which tenant. Liberty verifies each token's signature, issuer and
 * lifetime; {@link jp.uketsuke.tenant.TokenRules} decides what the token may do and which tenant it
 * acts for, and {@link jp.uketsuke.tenant.TenantContext} is the only place the rest of the code
 * learns it.
 */
package jp.uketsuke.tenant;
