/**
 * Call logs: every turn of every call, by phone and by call SID, and the phone directory. Items
 * live in {@code app-logs} under the caller's tenant as partition key; a query never leaves it.
 */
package jp.uketsuke.calls;
