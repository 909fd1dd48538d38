/**
 * External tools (ext-tools): the HTTP calls a tenant defines and the model triggers ({@link
 * jp.uketsuke.exttools.ExtToolCaller}), and the one rule for where they may point ({@link
 * jp.uketsuke.exttools.ExtToolUrls}), checked by {@code settings/} when a tool is saved and here,
 * with the resolved addresses, when it runs. A call runs one tool of the turn's tenant, taken from
 * that tenant's own stored config; nothing here chooses a tenant or stores anything.
 */
package jp.uketsuke.exttools;
