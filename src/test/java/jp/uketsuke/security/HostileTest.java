package jp.uketsuke.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hostile-input generator: a seed makes the same cases again (how a failure of {@link
 * HostileInputIT} is re-run), and its draws cover every kind of hostile input it promises.
 */
class HostileTest {

  @Test
  void theSameSeedMakesTheSameCasesAndAnotherSeedOthers() {
    assertThat(draws(42)).isEqualTo(draws(42));
    assertThat(draws(42)).isNotEqualTo(draws(43));
  }

  @Test
  void bodiesCoverBrokenJsonWrongTypesNestingControlsAndInvalidUtf8() {
    Hostile hostile = new Hostile(7);
    List<byte[]> bodies = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      bodies.add(hostile.body());
    }
    assertThat(bodies).anyMatch(b -> Hostile.BROKEN_JSON.contains(text(b)));
    assertThat(bodies).anyMatch(b -> b.length > 10_000 && text(b).startsWith("[[[["));
    assertThat(bodies).anyMatch(b -> text(b).chars().anyMatch(c -> c < 0x20));
    assertThat(bodies).anyMatch(b -> !validUtf8(b));
    assertThat(bodies).anyMatch(b -> text(b).contains("9223372036854775808"));
  }

  @Test
  void valuesCoverEncodedOdditiesAndLengthsUpToAHundredKilobytes() {
    Hostile hostile = new Hostile(7);
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      values.add(hostile.encodedValue());
    }
    assertThat(values).contains("%00", "%C0%80");
    assertThat(values).anyMatch(v -> v.length() >= 10_000).allMatch(v -> v.length() <= 100_000);
    assertThat(values).anyMatch(v -> v.contains("%") && v.length() < 200);
  }

  private static List<String> draws(long seed) {
    Hostile hostile = new Hostile(seed);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      out.add(Arrays.toString(hostile.body()));
      out.add(hostile.encodedValue());
      out.add(hostile.contentType());
    }
    return out;
  }

  private static String text(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
  }

  private static boolean validUtf8(byte[] body) {
    try {
      StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
