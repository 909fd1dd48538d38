package jp.uketsuke.faq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How /faqs/gaps groups what callers said: paraphrases together, other questions apart. */
class GapClustersTest {

  private static GapClusters.Utterance said(String text, String ts) {
    return new GapClusters.Utterance(text, ts);
  }

  @Test
  void paraphrasesInKanaAndKanjiFormOneGroupCountedAndNewestLast() {
    List<GapClusters.Group> groups =
        GapClusters.of(
            List.of(
                said("日曜日って診察してますか", "2026-12-04T10:00:04.000000+00:00"),
                said("にちようびは診察してますか", "2026-12-04T10:00:03.000000+00:00"),
                said("日曜日の診察はありますか", "2026-12-04T10:00:02.000000+00:00"),
                said("日曜日って診察してますか", "2026-12-04T10:00:01.000000+00:00"),
                said("予防接種の料金を教えてください", "2026-12-04T10:00:05.000000+00:00")));
    assertThat(groups).hasSize(2);
    GapClusters.Group first = groups.get(0);
    assertThat(first.count()).isEqualTo(4);
    assertThat(first.question()).isEqualTo("日曜日って診察してますか");
    assertThat(first.examples()).containsExactly("日曜日って診察してますか", "にちようびは診察してますか", "日曜日の診察はありますか");
    assertThat(first.lastTs()).isEqualTo("2026-12-04T10:00:04.000000+00:00");
    assertThat(groups.get(1).question()).isEqualTo("予防接種の料金を教えてください");
  }

  @Test
  void differentQuestionsStayApartAndFillersAloneAreNoQuestion() {
    List<GapClusters.Group> groups =
        GapClusters.of(
            List.of(
                said("ペットは連れて行けますか", "1"),
                said("領収書はもらえますか", "2"),
                said("個室はありますか", "3"),
                said("えーと", "4")));
    assertThat(groups)
        .extracting(GapClusters.Group::question)
        .containsExactlyInAnyOrder("ペットは連れて行けますか", "領収書はもらえますか", "個室はありますか");
  }

  @Test
  void aGroupShowsAtMostFiveExamples() {
    List<GapClusters.Utterance> many =
        List.of(
            said("駐車場はありますか", "1"),
            said("駐車場ありますか", "2"),
            said("駐車場ってありますか", "3"),
            said("ちゅうしゃじょうはありますか", "4"),
            said("駐車場はありますかね", "5"),
            said("えーと駐車場はありますか", "6"),
            said("あの駐車場ありますか", "7"));
    List<GapClusters.Group> groups = GapClusters.of(many);
    assertThat(groups).hasSize(1);
    assertThat(groups.get(0).count()).isEqualTo(7);
    assertThat(groups.get(0).examples()).hasSize(5);
  }
}
