package jp.uketsuke.faq;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A FAQ entry's embedding as {@code app-faq-vectors} holds it: float32 little-endian bytes, the
 * model, and the hash of the model and the text it was computed from. A vector whose hash is not
 * that of the entry's current text (the answer changed, or another model is configured) is stale:
 * it is never used and is computed again.
 */
record FaqVector(String question, String textHash, String model, float[] vector) {

  /** What is embedded for an entry: its question and its answer. */
  static String text(FaqItem faq) {
    return nonNull(faq.question()) + "\n" + nonNull(faq.answer());
  }

  static String hash(String model, FaqItem faq) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(model.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      byte[] digest = sha.digest(text(faq).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  static byte[] encode(float[] vector) {
    ByteBuffer bytes =
        ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    bytes.asFloatBuffer().put(vector);
    return bytes.array();
  }

  /** The floats of {@code bytes}; a length that is no multiple of 4 is a damaged item: null. */
  static float[] decode(ByteBuffer bytes) {
    if (bytes.remaining() == 0 || bytes.remaining() % Float.BYTES != 0) {
      return null;
    }
    float[] vector = new float[bytes.remaining() / Float.BYTES];
    bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
    return vector;
  }

  private static String nonNull(String text) {
    return text == null ? "" : text;
  }
}
