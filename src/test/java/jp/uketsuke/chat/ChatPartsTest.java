package jp.uketsuke.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.uketsuke.calls.Turn;
import jp.uketsuke.llm.ChatMessage;
import org.junit.jupiter.api.Test;

/** The pure parts of a turn: the conversation sent, who the caller is, how a phone is masked. */
class ChatPartsTest {
  static final Briefing BRIEFING =
      new Briefing("prompt", new ToolSet(List.of(), java.util.Map.of()), List.of(), "sorry");

  @Test
  void theConversationIsInstructionsThenEarlierTurnsInOrderThenTheNewWords() {
    List<Turn> earlier =
        List.of(
            new Turn("03", "t1", "u1", "a1", null),
            new Turn("03", "t2", null, "a2 only", "CA"),
            new Turn("03", "t3", "u3 only", null, "CA"));
    List<ChatMessage> messages = ChatEngine.conversation(BRIEFING, earlier, "now");
    assertThat(messages)
        .extracting(ChatMessage::role)
        .containsExactly("system", "user", "assistant", "assistant", "user", "user");
    assertThat(messages)
        .extracting(ChatMessage::content)
        .containsExactly("prompt", "u1", "a1", "a2 only", "u3 only", "now");
  }

  @Test
  void aBlankPromptSendsNoSystemMessage() {
    Briefing none = new Briefing("", BRIEFING.tools(), List.of(), "sorry");
    assertThat(ChatEngine.conversation(none, List.of(), "now"))
        .extracting(ChatMessage::role)
        .containsExactly("user");
  }

  @Test
  void aCallerIsIdentifiedByANormalisedNumberAndAWithheldOneIsNobody() {
    CallerScope caller = CallerScope.of("+81 90-1234-5678", " CA1 ");
    assertThat(caller.phone()).isEqualTo("09012345678");
    assertThat(caller.callSid()).isEqualTo("CA1");
    assertThat(caller.identified()).isTrue();
    assertThat(CallerScope.of("unknown", "").identified()).isFalse();
    assertThat(CallerScope.of("unknown", "").callSid()).isNull();
  }

  @Test
  void aMaskedPhoneKeepsOnlyItsFirstThreeAndLastTwoDigits() {
    assertThat(ChatEvent.mask("09012345678")).isEqualTo("090******78");
    assertThat(ChatEvent.mask("unknown")).isEqualTo("unknown");
    assertThat(ChatEvent.mask("12345")).isEqualTo("*****");
  }
}
