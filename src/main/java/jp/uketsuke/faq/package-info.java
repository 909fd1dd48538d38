/**
 * The tenant's FAQ: {@code /faqs}, {@code /faq/{question}}, bulk import and export, and what the
 * chat engine reads for retrieval ({@link jp.uketsuke.faq.FaqStore#all}) together with a version
 * stamp that tells it when its cached index is stale ({@link jp.uketsuke.faq.FaqVersion#current}).
 * Items live in {@code app-faq} under the caller's tenant as partition key and the question as sort
 * key; every read and write is keyed by the tenant from the verified token, never from the request.
 */
package jp.uketsuke.faq;
