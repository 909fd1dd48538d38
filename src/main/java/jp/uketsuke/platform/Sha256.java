package jp.uketsuke.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a text's UTF-8 bytes: the digest behind ids, keys and stamps derived from content. */
public final class Sha256 {
  private static final int LENGTH = 32;

  private Sha256() {}

  public static byte[] of(String text) {
    return of(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The digest of the parts one after the other. */
  public static byte[] of(byte[]... parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (byte[] part : parts) {
        sha.update(part);
      }
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** The whole digest of the text, in lower-case hex (64 digits). */
  public static String hex(String text) {
    return hex(text, LENGTH);
  }

  /** The first {@code bytes} bytes of the text's digest, in lower-case hex. */
  public static String hex(String text, int bytes) {
    return HexFormat.of().formatHex(of(text), 0, bytes);
  }
}
