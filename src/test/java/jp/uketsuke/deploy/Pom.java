package jp.uketsuke.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** What {@code pom.xml} says: properties (with a profile's on top) and plugin executions. */
final class Pom {
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");

  private final Element project;

  private Pom(Element project) {
    this.project = project;
  }

  static Pom read() {
    Path file = Manifests.PROJECT.resolve("pom.xml");
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document document = factory.newDocumentBuilder().parse(file.toFile());
      return new Pom(document.getDocumentElement());
    } catch (Exception e) {
      throw new AssertionError("cannot read " + file, e);
    }
  }

  /** The properties of the main build (no profile), as the pom writes them. */
  Map<String, String> properties() {
    return new LinkedHashMap<>(children(child(project, "properties")));
  }

  /** The properties a build with {@code profile} sees, as the pom writes them. */
  Map<String, String> properties(String profile) {
    Map<String, String> properties = properties();
    properties.putAll(children(child(profile(profile), "properties")));
    return properties;
  }

  /** One of {@code properties}, its references resolved where the pom alone can resolve them. */
  static String resolved(Map<String, String> properties, String name) {
    properties = new LinkedHashMap<>(properties);
    properties.put("project.basedir", Manifests.PROJECT.toString());
    properties.put("project.build.directory", Manifests.PROJECT.resolve("target").toString());
    String value = properties.get(name);
    for (int depth = 0; value != null && depth < 20; depth++) {
      Matcher m = REFERENCE.matcher(value);
      StringBuilder out = new StringBuilder();
      boolean replaced = false;
      while (m.find()) {
        String replacement = properties.get(m.group(1));
        replaced |= replacement != null;
        m.appendReplacement(
            out, Matcher.quoteReplacement(replacement == null ? m.group() : replacement));
      }
      m.appendTail(out);
      value = out.toString();
      if (!replaced) {
        break;
      }
    }
    return value;
  }

  /** The executions of a plugin of the main build, by its artifactId. */
  List<Element> executions(String artifactId) {
    return executions(child(project, "build"), artifactId);
  }

  /** The executions a profile declares for a plugin (merged by id into the main build's). */
  List<Element> executions(String profile, String artifactId) {
    return executions(child(profile(profile), "build"), artifactId);
  }

  static String text(Element parent, String name) {
    Element element = child(parent, name);
    return element == null ? null : element.getTextContent().trim();
  }

  /** Every element named {@code name} at any depth below {@code parent}. */
  static List<String> texts(Element parent, String name) {
    List<String> texts = new ArrayList<>();
    var nodes = parent.getElementsByTagName(name);
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent().trim());
    }
    return texts;
  }

  private static List<Element> executions(Element build, String artifactId) {
    List<Element> executions = new ArrayList<>();
    for (Element plugin : elements(child(build, "plugins"))) {
      if (artifactId.equals(text(plugin, "artifactId"))) {
        executions.addAll(elements(child(plugin, "executions")));
      }
    }
    return executions;
  }

  private Element profile(String id) {
    for (Element profile : elements(child(project, "profiles"))) {
      if (id.equals(text(profile, "id"))) {
        return profile;
      }
    }
    throw new AssertionError("pom.xml has no profile " + id);
  }

  private static Map<String, String> children(Element parent) {
    Map<String, String> map = new LinkedHashMap<>();
    for (Element element : elements(parent)) {
      map.put(element.getTagName(), element.getTextContent().trim());
    }
    return map;
  }

  private static Element child(Element parent, String name) {
    for (Element element : elements(parent)) {
      if (name.equals(element.getTagName())) {
        return element;
      }
    }
    return null;
  }

  private static List<Element> elements(Element parent) {
    List<Element> elements = new ArrayList<>();
    if (parent == null) {
      return elements;
    }
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        elements.add(e);
      }
    }
    return elements;
  }
}
