package jp.uketsuke.webhooks;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import jp.uketsuke.platform.AwsClients;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The SQS queue of webhook deliveries ({@code uketsuke.webhooks.queue-url}; ElasticMQ locally). A
 * message's visibility timeout is the wait before its next attempt. Without a queue URL nothing is
 * sent and deliveries wait in the outbox.
 */
@ApplicationScoped
class WebhookQueue {
  /** SQS's longest visibility timeout. */
  static final Duration MAX_DELAY = Duration.ofHours(12);

  @Inject
  @ConfigProperty(name = "uketsuke.webhooks.queue-url")
  Optional<String> queueUrl;

  @Inject
  @ConfigProperty(name = "uketsuke.sqs.endpoint")
  Optional<URI> endpoint;

  @Inject AwsClients aws;

  private SqsClient sqs;

  @PostConstruct
  void open() {
    if (queueUrl.filter(url -> !url.isBlank()).isEmpty()) {
      return;
    }
    sqs =
        aws.configure(
                SqsClient.builder(),
                endpoint,
                Apache5HttpClient.builder().socketTimeout(Duration.ofSeconds(30)))
            .build();
  }

  @PreDestroy
  void close() {
    if (sqs != null) {
      sqs.close();
    }
  }

  boolean configured() {
    return sqs != null;
  }

  void send(QueuedDelivery delivery) {
    sqs.sendMessage(b -> b.queueUrl(queueUrl.get()).messageBody(delivery.toJson()));
  }

  /** Up to ten messages, waiting up to {@code wait} for the first. */
  List<Message> receive(Duration wait) {
    return sqs.receiveMessage(
            b ->
                b.queueUrl(queueUrl.get())
                    .maxNumberOfMessages(10)
                    .waitTimeSeconds((int) Math.min(20, wait.toSeconds()))
                    .visibilityTimeout(60))
        .messages();
  }

  void done(Message message) {
    sqs.deleteMessage(b -> b.queueUrl(queueUrl.get()).receiptHandle(message.receiptHandle()));
  }

  /** The message comes back after {@code delay} (at most 12 h). */
  void retryIn(Message message, Duration delay) {
    int seconds = (int) Math.max(0, Math.min(MAX_DELAY.toSeconds(), delay.toSeconds()));
    sqs.changeMessageVisibility(
        b ->
            b.queueUrl(queueUrl.get())
                .receiptHandle(message.receiptHandle())
                .visibilityTimeout(seconds));
  }
}
