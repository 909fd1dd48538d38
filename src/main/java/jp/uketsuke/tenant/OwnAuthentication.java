package jp.uketsuke.tenant;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a resource that authenticates its requests itself, with something other than a bearer token
 * (Twilio's request signature): {@link TenantFilter} leaves its requests alone and establishes no
 * tenant, so the resource must find and check its tenant itself. Each such route is listed in
 * docs/security.md.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OwnAuthentication {}
