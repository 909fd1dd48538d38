package jp.uketsuke.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every resource class is {@code @ApplicationScoped} (see {@link UketsukeApplication}): one
 * instance for all requests. An unscoped one makes RESTEasy build and inject it through CDI on
 * every request, which cost 2 % of Liberty's CPU on {@code GET /faq} (issue 16); a merge brought
 * two new unscoped resources back, which this test would have caught.
 */
class ResourceScopeTest {
  @Test
  void everyResourceClassIsApplicationScoped() throws Exception {
    List<Class<?>> resources =
        applicationClasses().stream()
            .filter(c -> c.isAnnotationPresent(Path.class))
            .filter(c -> !c.isInterface() && !Modifier.isAbstract(c.getModifiers()))
            .toList();

    assertThat(resources).as("resource classes found").hasSizeGreaterThan(20);
    assertThat(resources)
        .as("resource classes without @ApplicationScoped")
        .filteredOn(c -> !c.isAnnotationPresent(ApplicationScoped.class))
        .isEmpty();
  }

  /** The compiled classes of src/main, found next to this application's own class. */
  private static List<Class<?>> applicationClasses() throws IOException, URISyntaxException {
    java.nio.file.Path root =
        java.nio.file.Path.of(
            UketsukeApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (Stream<java.nio.file.Path> files = Files.walk(root.resolve("jp/uketsuke"))) {
      return files
          .map(f -> root.relativize(f).toString())
          .filter(name -> name.endsWith(".class") && !name.contains("$"))
          .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
          .map(ResourceScopeTest::load)
          .toList();
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, ResourceScopeTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
