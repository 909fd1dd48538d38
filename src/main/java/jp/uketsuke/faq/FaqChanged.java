package jp.uketsuke.faq;

/**
 * A change of a tenant's FAQ was written through this pod and its version bumped (the CDI event is
 * local: other pods see the version at their next check).
 *
 * @param version the tenant's FAQ version after the change, as pods compare it
 */
record FaqChanged(String tenantId, long version) {}
