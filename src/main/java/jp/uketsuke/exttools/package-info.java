/**
 * External tools: the HTTP calls a tenant defines and the model triggers, and the one rule for
 * where they may point ({@link jp.uketsuke.exttools.ExtToolUrls}), checked when a tool is saved and
 * again, with the resolved addresses, when it runs. A call only ever uses the calling tenant's own
 * stored tools and arguments; nothing here reads a tenant id from a request.
 */
package jp.uketsuke.exttools;
