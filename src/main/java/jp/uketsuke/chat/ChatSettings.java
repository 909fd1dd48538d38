package jp.uketsuke.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import jp.uketsuke.faq.FaqThreshold;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How a turn is put together and how long it may take, from MicroProfile Config. */
@ApplicationScoped
public class ChatSettings {
  @Inject
  @ConfigProperty(name = "uketsuke.chat.history-turns", defaultValue = "20")
  int historyTurns;

  @Inject
  @ConfigProperty(name = "uketsuke.chat.faq-top-k", defaultValue = "8")
  int faqTopK;

  @Inject
  @ConfigProperty(name = "uketsuke.chat.deadline", defaultValue = "PT20S")
  Duration deadline;

  /** A model round is not started with less time than this left; the turn answers instead. */
  @Inject
  @ConfigProperty(name = "uketsuke.chat.round-reserve", defaultValue = "PT4S")
  Duration roundReserve;

  @Inject
  @ConfigProperty(name = "uketsuke.chat.max-rounds", defaultValue = "4")
  int maxRounds;

  /** The confidence (0..1) the first FAQ needs to answer a turn the model could not. */
  @Inject
  @ConfigProperty(name = FaqThreshold.KEY, defaultValue = FaqThreshold.CALIBRATED)
  double faqThreshold;

  /**
   * The old system's apology; a tenant may set its own as {@code fallback_message} in func-config.
   */
  @Inject
  @ConfigProperty(
      name = "uketsuke.chat.fallback-message",
      defaultValue = "申し訳ございません。ただいま担当者におつなぎできません。後ほどおかけ直しください。")
  String fallbackMessage;

  public int historyTurns() {
    return historyTurns;
  }

  public int faqTopK() {
    return faqTopK;
  }

  public Duration deadline() {
    return deadline;
  }

  public Duration roundReserve() {
    return roundReserve;
  }

  public int maxRounds() {
    return maxRounds;
  }

  public double faqThreshold() {
    return faqThreshold;
  }

  public String fallbackMessage() {
    return fallbackMessage;
  }
}
