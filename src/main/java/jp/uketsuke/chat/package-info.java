/**
 * The chat engine: {@code POST /chat} (one grounded, tool-using turn that always answers and is
 * always stored), the tools the assistant may call, the voice server's {@code /session-config} and
 * {@code /tools/{name}/invoke}, {@code /chat-logs} and the usage meter ({@code /usage}, table
 * {@code app-usage}). Everything acts for the token's tenant only; task tools act further for the
 * one caller (phone) of the turn.
 */
package jp.uketsuke.chat;
