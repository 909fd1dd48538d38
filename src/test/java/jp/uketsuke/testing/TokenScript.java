package jp.uketsuke.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs local/token.mjs, the documented way to get a token from the local stack. */
public final class TokenScript {
  private TokenScript() {}

  /** An ID token from cognito-local (InitiateAuth), creating the user if missing. */
  public static String person(String tenant, String user) {
    return run("--tenant", tenant, "--user", user);
  }

  /** The same for a user of a Cognito group ({@code admin} or {@code staff}), added if missing. */
  public static String person(String tenant, String user, String group) {
    return run("--tenant", tenant, "--user", user, "--group", group);
  }

  /** An ID token of the tenant's default local user (for {@code demo}: the seeded owner). */
  public static String person(String tenant) {
    return run("--tenant", tenant);
  }

  /** A client-credentials access token from the local signer. */
  public static String service() {
    return run("--service");
  }

  private static String run(String... args) {
    LocalStack stack = LocalStack.get();
    List<String> command = new ArrayList<>(List.of("node", "local/token.mjs"));
    command.addAll(List.of("--data", stack.dataDir().toString()));
    command.addAll(List.of(args));
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(stack.projectDir().toFile())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("token.mjs failed: " + command);
      }
      return out.strip();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
