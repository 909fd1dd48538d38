/**
 * Tasks (reservations the assistant takes): {@code /tasks} and {@code /task/{name}}, and {@link
 * jp.uketsuke.tasks.TaskBook}, which the chat engine's task tools call too. Tasks live in {@code
 * app-tasks} with the caller's tenant as partition key and the task name as sort key; every read
 * and write is keyed by that tenant, and nothing is ever overwritten silently. The production voice
 * server also writes that table directly (free-text {@code start_datetime}, unnormalised phones):
 * such items are read as they are, and a field sent back unchanged is never refused.
 */
package jp.uketsuke.tasks;
