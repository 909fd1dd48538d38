package jp.uketsuke.faq;

/**
 * The confidence ({@link FaqRetriever.Match#confidence}) at which an FAQ answers a caller: the
 * default of {@code uketsuke.chat.faq-threshold}, which decides both when the assistant answers
 * from the FAQ without a model and what {@code /faqs/gaps} counts as unanswered.
 */
public final class FaqThreshold {
  /**
   * Calibrated on the evaluation set (docs/quality.md): the threshold with the most value when a
   * right answer counts +1 and a wrong one (another FAQ, or any FAQ for a question none answers)
   * −2. FaqQualityTest fails when it is no longer the one the rule chooses.
   */
  public static final String CALIBRATED = "0.36";

  public static final String KEY = "uketsuke.chat.faq-threshold";

  private FaqThreshold() {}
}
