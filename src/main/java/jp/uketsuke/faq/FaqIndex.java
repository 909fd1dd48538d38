package jp.uketsuke.faq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * One tenant's FAQ as an in-memory Lucene index, built once and then only read, so any number of
 * threads may search it. Question and answer are indexed separately, each in two fields: terms of
 * hiragana only, and all others, so a query can weigh them differently (see {@link FaqQuery}).
 */
final class FaqIndex {
  static final String QUESTION = "question";
  static final String ANSWER = "answer";
  private static final String POSITION = "position";

  private static final Analyzer ANALYZER = new FaqAnalyzer();
  private static final FieldType TEXT = textType();

  /**
   * A tenant's FAQ as read from the store.
   *
   * @param useCounts how often each question had been used when it was read
   */
  record Source(List<FaqItem> items, Map<String, Long> useCounts) {}

  private final long version;
  private final List<FaqItem> items;
  private final IndexSearcher searcher;
  private final int[] positionOfDoc;
  private final List<FaqItem> byUse;
  private volatile FaqCoverage coverage;

  private FaqIndex(
      long version,
      List<FaqItem> items,
      IndexSearcher searcher,
      int[] positions,
      List<FaqItem> byUse) {
    this.version = version;
    this.items = items;
    this.searcher = searcher;
    this.positionOfDoc = positions;
    this.byUse = byUse;
  }

  /** Indexes the items; the version is the FAQ version they were read at (or after). */
  static FaqIndex build(long version, List<FaqItem> items) {
    return build(version, new Source(items, Map.of()));
  }

  /** Indexes the items and ranks them by use; the version is the one they were read at. */
  static FaqIndex build(long version, Source source) {
    List<FaqItem> copy = List.copyOf(source.items());
    List<FaqItem> byUse = byUse(copy, source.useCounts());
    if (copy.isEmpty()) {
      return new FaqIndex(version, copy, null, new int[0], byUse);
    }
    try {
      ByteBuffersDirectory directory = new ByteBuffersDirectory();
      IndexWriterConfig config =
          new IndexWriterConfig(ANALYZER)
              .setSimilarity(new BM25Similarity())
              .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
              .setRAMBufferSizeMB(64);
      try (IndexWriter writer = new IndexWriter(directory, config)) {
        for (int i = 0; i < copy.size(); i++) {
          writer.addDocument(document(i, copy.get(i)));
        }
        writer.forceMerge(1); // one segment: every term is found with a single lookup
      }
      IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(directory));
      searcher.setSimilarity(new BM25Similarity());
      return new FaqIndex(version, copy, searcher, positions(searcher.getIndexReader()), byUse);
    } catch (IOException e) {
      throw new UncheckedIOException("in-memory FAQ index failed", e);
    }
  }

  long version() {
    return version;
  }

  int size() {
    return items.size();
  }

  /** The entries in stored order (a position is an index into this list). */
  List<FaqItem> items() {
    return items;
  }

  /**
   * The {@code k} most used FAQs, most used first, ties in question order (score and confidence 0:
   * no text was matched). Counts are those read with the index, so uses since its build do not
   * reorder it until the tenant's FAQ changes again.
   */
  List<FaqRetriever.Match> mostUsed(int k) {
    return byUse.stream().limit(k).map(faq -> new FaqRetriever.Match(faq, 0, 0)).toList();
  }

  private static List<FaqItem> byUse(List<FaqItem> items, Map<String, Long> useCounts) {
    List<FaqItem> sorted = new ArrayList<>(items);
    sorted.sort(
        Comparator.comparingLong((FaqItem faq) -> useCounts.getOrDefault(faq.question(), 0L))
            .reversed());
    return List.copyOf(sorted);
  }

  /**
   * The {@code k} best FAQs for the text, best first, only those sharing a term with it; when the
   * tenant has {@code k} or fewer FAQs, all of them (unmatched ones with score 0, in stored order).
   */
  List<FaqRetriever.Match> topK(String text, int k) {
    if (items.isEmpty()) {
      return List.of();
    }
    try {
      FaqQuery query = FaqQuery.of(text, searcher.getIndexReader());
      boolean[] matched = new boolean[items.size()];
      List<FaqRetriever.Match> matches = search(query, Math.min(k, items.size()), matched);
      if (items.size() <= k) {
        for (int i = 0; i < matched.length; i++) {
          if (!matched[i]) {
            matches.add(new FaqRetriever.Match(items.get(i), 0, 0));
          }
        }
      }
      return Collections.unmodifiableList(matches);
    } catch (IOException e) {
      throw new UncheckedIOException("in-memory FAQ search failed", e);
    }
  }

  /**
   * False when no ranking of the text can put first an entry whose confidence reaches {@code
   * minConfidence}: no entry of the index has that confidence for it ({@link FaqCoverage#best}).
   * True otherwise, which says nothing about what the ranking puts first. Much cheaper than a
   * ranking (no dictionary views, no search): what {@code /faqs/gaps} judges is mostly what no FAQ
   * answers, and this decides most of it.
   */
  boolean couldAnswer(String text, double minConfidence) {
    return !items.isEmpty() && coverage().best(text) >= minConfidence;
  }

  /**
   * Built when first asked (only {@code /faqs/gaps} asks): it holds every term of every entry,
   * memory a tenant whose owner never looks at the list need not spend. Two threads may both build
   * it at first; either result is the same.
   */
  private FaqCoverage coverage() {
    FaqCoverage built = coverage;
    if (built == null) {
      built = FaqCoverage.of(items);
      coverage = built;
    }
    return built;
  }

  private List<FaqRetriever.Match> search(FaqQuery query, int n, boolean[] matched)
      throws IOException {
    List<FaqRetriever.Match> matches = new ArrayList<>(n);
    if (query.isEmpty()) {
      return matches;
    }
    // Only the top n are wanted, never the total hit count: with the threshold at n Lucene may
    // skip documents that cannot enter the top n as soon as it has n (the default counts 1,000
    // hits exactly first, which at 10,000 FAQs scored most of the index for every question).
    TopDocs top = searcher.search(query.toLucene(), new TopScoreDocCollectorManager(n, null, n));
    for (ScoreDoc hit : top.scoreDocs) {
      int position = positionOfDoc[hit.doc];
      matched[position] = true;
      FaqItem faq = items.get(position);
      matches.add(new FaqRetriever.Match(faq, hit.score, query.confidence(faq)));
    }
    return matches;
  }

  private static Document document(int position, FaqItem faq) {
    Document document = new Document();
    for (String field : List.of(QUESTION, ANSWER)) {
      String text = nonNull(field.equals(QUESTION) ? faq.question() : faq.answer());
      document.add(new Field(field, text, TEXT));
      document.add(new Field(field + FaqAnalyzer.KANA, text, TEXT));
      document.add(new Field(field + FaqAnalyzer.WORDS, text, TEXT));
      document.add(new Field(field + FaqAnalyzer.READING, FaqReadings.of(text), TEXT));
    }
    document.add(new StoredField(POSITION, position));
    return document;
  }

  /** Merges may reorder documents, so each one carries its position in the item list. */
  private static int[] positions(IndexReader reader) throws IOException {
    int[] positions = new int[reader.maxDoc()];
    StoredFields stored = reader.storedFields();
    for (int doc = 0; doc < positions.length; doc++) {
      positions[doc] = stored.document(doc).getField(POSITION).numericValue().intValue();
    }
    return positions;
  }

  /** Frequencies and lengths are all BM25 needs; positions would only cost memory. */
  private static FieldType textType() {
    FieldType type = new FieldType();
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    type.setTokenized(true);
    type.freeze();
    return type;
  }

  private static String nonNull(String text) {
    return text == null ? "" : text;
  }
}
