package jp.uketsuke.faq;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.io.File;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In-container: what the chat engine calls. Retrieval reads the real store and version, and use
 * counts land on the stored FAQ items without ever creating one.
 */
@ExtendWith(ArquillianExtension.class)
class FaqUseCountIT {

  @Deployment
  static WebArchive deployment() throws URISyntaxException {
    File assertj =
        new File(Assertions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return ShrinkWrap.create(ZipImporter.class, "faq-use-count.war")
        .importFrom(new File("target/uketsuke.war"))
        .as(WebArchive.class)
        .addClass(FaqUseCountIT.class)
        .addAsLibrary(assertj);
  }

  @Inject FaqRetriever retriever;
  @Inject FaqUsage usage;
  @Inject FaqStore store;
  @Inject FaqVersion version;

  @Test
  void usesAreCountedOnTheFaqItemsAndUnknownQuestionsCreateNothing() throws Exception {
    String tenant = "faq-use-count";
    String mark = version.begin(tenant);
    store.create(tenant, "駐車場はありますか", "5台分あります。", "faq-use-count-1");
    store.create(tenant, "営業時間は何時から何時までですか", "9時から18時です。", "faq-use-count-2");
    version.end(tenant, mark, true);

    List<FaqRetriever.Match> matches = retriever.topK(tenant, "何時まで営業してますか", 8);
    assertThat(matches.get(0).faq().question()).isEqualTo("営業時間は何時から何時までですか");

    retriever.recordUse(tenant, List.of("営業時間は何時から何時までですか", "削除済みの質問"));
    retriever.recordUse(tenant, List.of("営業時間は何時から何時までですか"));
    awaitCount(tenant, "営業時間は何時から何時までですか", 2);

    assertThat(usage.counts(tenant))
        .containsExactly(
            new FaqUsage.Count("営業時間は何時から何時までですか", 2), new FaqUsage.Count("駐車場はありますか", 0));
    assertThat(store.find(tenant, "削除済みの質問")).isEmpty();
    assertThat(store.find(tenant, "営業時間は何時から何時までですか").orElseThrow().answer())
        .isEqualTo("9時から18時です。");
  }

  private void awaitCount(String tenant, String question, long expected) throws Exception {
    Instant deadline = Instant.now().plusSeconds(10);
    while (usage.counts(tenant).stream()
        .noneMatch(c -> c.question().equals(question) && c.useCount() == expected)) {
      assertThat(Instant.now()).as("use count of %s", question).isBefore(deadline);
      Thread.sleep(100);
    }
  }
}
