package jp.uketsuke.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.uketsuke.llm.Embeddings;
import org.junit.jupiter.api.Test;

/**
 * Hybrid retrieval's rules: vectors join the lexical ranking by reciprocal rank fusion, a vector
 * that no longer fits its entry's text is never used, and whenever the question cannot be embedded
 * the lexical ranking comes back exactly as it is without embeddings.
 */
class FaqHybridTest {
  private static final String MODEL = "test-embedding";

  private static final FaqItem PARKING = item("Do you have parking?", "Yes, ten spaces.");
  private static final FaqItem CARD = item("Can I pay by card?", "Visa and Mastercard.");
  private static final FaqItem HOURS = item("When are you open?", "From nine to six.");
  private static final FaqItem WIFI = item("Is there wifi?", "Free wifi for guests.");
  private static final String QUESTION = "Where should I leave my automobile";

  private final FaqIndex index = FaqIndex.build(7, List.of(PARKING, CARD, HOURS, WIFI));

  @Test
  void anEntryFoundOnlyByItsVectorJoinsTheTopKWithLexicalScoreAndConfidenceZero() {
    List<FaqRetriever.Match> lexical = index.topK(QUESTION, 2);
    assertThat(questions(lexical)).containsExactly(CARD.question()); // shares only "I"

    FaqVectorSet vectors = FaqVectorSet.of(index, 7, vectors(index, PARKING), MODEL);
    List<FaqRetriever.Match> fused =
        FaqHybrid.fuse(
            index.topK(QUESTION, FaqHybrid.DEPTH), vectors, vectors.nearest(unit(0), 50), 2);

    assertThat(questions(fused)).containsExactly(CARD.question(), PARKING.question());
    assertThat(fused.get(0)).isEqualTo(lexical.get(0)); // lexical score and confidence kept
    assertThat(fused.get(1).score()).isZero();
    assertThat(fused.get(1).confidence()).isZero();
  }

  @Test
  void aQuestionNearOnlyByVectorRanksFirstWhenNoWordIsShared() {
    FaqVectorSet vectors = FaqVectorSet.of(index, 7, vectors(index, PARKING), MODEL);
    List<FaqRetriever.Match> fused =
        FaqHybrid.fuse(List.of(), vectors, vectors.nearest(unit(3), 50), 1);

    assertThat(questions(fused)).containsExactly(WIFI.question());
  }

  @Test
  void aVectorOfAnOlderTextOrAnotherModelIsNeverUsed() {
    Map<String, FaqVector> stored = vectors(index, PARKING);
    stored.put(
        CARD.question(),
        new FaqVector(
            CARD.question(),
            FaqVector.hash(MODEL, item(CARD.question(), "Cash only.")),
            MODEL,
            unit(1)));
    stored.put(
        HOURS.question(),
        new FaqVector(
            HOURS.question(), FaqVector.hash("other-model", HOURS), "other-model", unit(2)));

    FaqVectorSet vectors = FaqVectorSet.of(index, 7, stored, MODEL);

    assertThat(vectors.count()).isEqualTo(2); // PARKING and WIFI
    assertThat(vectors.nearest(unit(1), 50)).hasSize(2);
  }

  @Test
  void aNewerIndexKeepsTheVectorsOfEntriesWhoseTextIsUnchanged() {
    FaqVectorSet vectors = FaqVectorSet.of(index, 7, vectors(index, PARKING), MODEL);
    FaqItem cardChanged = item(CARD.question(), "Cash only.");
    FaqIndex newer = FaqIndex.build(8, List.of(PARKING, cardChanged, HOURS, WIFI));

    FaqVectorSet realigned = vectors.realigned(newer, MODEL);

    assertThat(realigned.count()).isEqualTo(3);
    assertThat(realigned.index()).isSameAs(newer);
    assertThat(realigned.nearest(unit(0), 1)).containsExactly(0);
  }

  @Test
  void whenTheQuestionCannotBeEmbeddedTheLexicalRankingComesBackAsItIs() {
    FaqHybrid hybrid = new FaqHybrid();
    hybrid.embeddings =
        new Embeddings() {
          @Override
          public boolean configured() {
            return true;
          }

          @Override
          public Vectors query(String text) {
            throw new IllegalStateException("the endpoint is down");
          }
        };
    FaqVectorSet known = FaqVectorSet.of(index, 7, vectors(index, PARKING), MODEL);
    hybrid.vectors =
        new FaqVectors() {
          @Override
          FaqVectorSet of(String tenantId, FaqIndex ignored) {
            return known;
          }
        };

    for (int k : new int[] {1, 2, 4, 8}) {
      assertThat(hybrid.topK("t", index, QUESTION, k)).isEqualTo(index.topK(QUESTION, k));
      assertThat(hybrid.topK("t", index, "parking", k)).isEqualTo(index.topK("parking", k));
    }
  }

  /**
   * Many texts at once ({@code /faqs/gaps}): one request per {@value FaqHybrid#BATCH} texts, each
   * text ranked as {@code topK} ranks it alone; after a failed request the rest is lexical and the
   * endpoint is not asked again in that pass.
   */
  @Test
  void manyTextsAreEmbeddedInBatchesAndAFailedBatchLeavesTheRestLexical() {
    FaqVectorSet known = FaqVectorSet.of(index, 7, vectors(index, PARKING), MODEL);
    List<Integer> batches = new java.util.ArrayList<>();
    FaqHybrid hybrid = new FaqHybrid();
    hybrid.usage = new NoEvents();
    hybrid.vectors =
        new FaqVectors() {
          @Override
          FaqVectorSet of(String tenantId, FaqIndex ignored) {
            return known;
          }
        };
    hybrid.embeddings =
        new Embeddings() {
          @Override
          public boolean configured() {
            return true;
          }

          @Override
          public Vectors questions(List<String> texts) {
            batches.add(texts.size());
            if (batches.size() == 2) {
              throw new IllegalStateException("the endpoint is down");
            }
            return new Vectors(texts.stream().map(t -> unit(0)).toList(), texts.size());
          }
        };
    List<String> texts = java.util.Collections.nCopies(FaqHybrid.BATCH * 2 + 5, QUESTION);

    List<List<FaqRetriever.Match>> ranked = hybrid.topKEach("t", index, texts, 2);

    assertThat(batches).containsExactly(FaqHybrid.BATCH, FaqHybrid.BATCH);
    assertThat(ranked).hasSize(texts.size());
    List<FaqRetriever.Match> fused =
        FaqHybrid.fuse(index.topK(QUESTION, FaqHybrid.DEPTH), known, known.nearest(unit(0), 50), 2);
    assertThat(ranked.subList(0, FaqHybrid.BATCH)).allSatisfy(r -> assertThat(r).isEqualTo(fused));
    assertThat(ranked.subList(FaqHybrid.BATCH, texts.size()))
        .allSatisfy(r -> assertThat(r).isEqualTo(index.topK(QUESTION, 2)));
    assertThat(fused).isNotEqualTo(index.topK(QUESTION, 2));
  }

  @Test
  void withoutEmbeddingsTheLexicalRankingComesBackAsItIs() {
    FaqHybrid hybrid = new FaqHybrid();
    hybrid.embeddings = new Embeddings(); // not configured

    assertThat(hybrid.topK("t", index, QUESTION, 2)).isEqualTo(index.topK(QUESTION, 2));
    assertThat(hybrid.topK("t", index, "card", 8)).isEqualTo(index.topK("card", 8));
  }

  @Test
  void vectorsAreStoredAsLittleEndianFloat32() {
    byte[] bytes = FaqVector.encode(new float[] {1.0f, -2.5f});

    assertThat(bytes).containsExactly(0, 0, (byte) 0x80, 0x3f, 0, 0, 0x20, (byte) 0xc0);
    assertThat(FaqVector.decode(ByteBuffer.wrap(bytes))).containsExactly(1.0f, -2.5f);
    assertThat(FaqVector.decode(ByteBuffer.wrap(new byte[] {1, 2, 3}))).isNull();
  }

  /** Entry i of the index gets the unit vector along axis i; {@code first} is at axis 0. */
  private static Map<String, FaqVector> vectors(FaqIndex index, FaqItem first) {
    Map<String, FaqVector> stored = new HashMap<>();
    List<FaqItem> items = index.items();
    assertThat(items.get(0)).isEqualTo(first);
    for (int i = 0; i < items.size(); i++) {
      FaqItem faq = items.get(i);
      stored.put(
          faq.question(),
          new FaqVector(faq.question(), FaqVector.hash(MODEL, faq), MODEL, scaled(unit(i), 3)));
    }
    return stored;
  }

  private static float[] unit(int axis) {
    float[] vector = new float[4];
    vector[axis] = 1;
    return vector;
  }

  private static float[] scaled(float[] vector, float by) {
    float[] scaled = vector.clone();
    for (int i = 0; i < scaled.length; i++) {
      scaled[i] *= by;
    }
    return scaled;
  }

  private static List<String> questions(List<FaqRetriever.Match> matches) {
    return matches.stream().map(m -> m.faq().question()).toList();
  }

  private static FaqItem item(String question, String answer) {
    return new FaqItem(question, answer, null, null);
  }

  /** An event nobody observes. */
  private static final class NoEvents implements jakarta.enterprise.event.Event<FaqEmbeddingsUsed> {
    @Override
    public void fire(FaqEmbeddingsUsed event) {}

    @Override
    public <U extends FaqEmbeddingsUsed> java.util.concurrent.CompletionStage<U> fireAsync(
        U event) {
      return java.util.concurrent.CompletableFuture.completedFuture(event);
    }

    @Override
    public <U extends FaqEmbeddingsUsed> java.util.concurrent.CompletionStage<U> fireAsync(
        U event, jakarta.enterprise.event.NotificationOptions options) {
      return fireAsync(event);
    }

    @Override
    public jakarta.enterprise.event.Event<FaqEmbeddingsUsed> select(
        java.lang.annotation.Annotation... qualifiers) {
      return this;
    }

    @Override
    public <U extends FaqEmbeddingsUsed> jakarta.enterprise.event.Event<U> select(
        Class<U> subtype, java.lang.annotation.Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <U extends FaqEmbeddingsUsed> jakarta.enterprise.event.Event<U> select(
        jakarta.enterprise.util.TypeLiteral<U> subtype,
        java.lang.annotation.Annotation... qualifiers) {
      throw new UnsupportedOperationException();
    }
  }
}
