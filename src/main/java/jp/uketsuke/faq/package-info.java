/**
 * The tenant's FAQ: {@code /faqs}, {@code /faq/{question}}, bulk import and export, search and use
 * counts, and the retrieval the chat engine grounds its answers on ({@link
 * jp.uketsuke.faq.FaqRetriever}: an in-memory index per tenant that follows the version stamp
 * {@link jp.uketsuke.faq.FaqVersion#current}). Items live in {@code app-faq} under the caller's
 * tenant as partition key and the question as sort key; every read and write is keyed by the tenant
 * from the verified token, never from the request.
 */
package jp.uketsuke.faq;
