package jp.uketsuke.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Ids, idempotency fingerprints and stamps are SHA-256 as every other tool computes it. */
class Sha256Test {
  @Test
  void isTheStandardDigestOfTheUtf8Bytes() {
    // FIPS 180-2, appendix B.1
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.hex("abc"));
    assertEquals("ba7816bf", Sha256.hex("abc", 4));
  }

  @Test
  void partsAreDigestedOneAfterTheOther() {
    assertArrayEquals(
        Sha256.of("受付 desk"),
        Sha256.of("受付".getBytes(StandardCharsets.UTF_8), " desk".getBytes(StandardCharsets.UTF_8)));
  }
}
