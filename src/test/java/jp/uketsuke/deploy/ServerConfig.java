package jp.uketsuke.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** What {@code liberty/server.xml} says, for checking the manifests against the server. */
final class ServerConfig {
  private ServerConfig() {}

  static List<String> features() {
    NodeList nodes = document().getElementsByTagName("feature");
    List<String> features = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      features.add(nodes.item(i).getTextContent().trim());
    }
    return features;
  }

  static String httpPortDefault() {
    NodeList nodes = document().getElementsByTagName("variable");
    for (int i = 0; i < nodes.getLength(); i++) {
      Element variable = (Element) nodes.item(i);
      if ("http.port".equals(variable.getAttribute("name"))) {
        return variable.getAttribute("defaultValue");
      }
    }
    throw new AssertionError("server.xml declares no http.port variable");
  }

  /** The names of the variables server.xml declares. */
  static List<String> variableNames() {
    NodeList nodes = document().getElementsByTagName("variable");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      names.add(((Element) nodes.item(i)).getAttribute("name"));
    }
    return names;
  }

  /** The locations of the files server.xml includes where they exist. */
  static List<String> optionalIncludes() {
    NodeList nodes = document().getElementsByTagName("include");
    List<String> locations = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      Element include = (Element) nodes.item(i);
      if ("true".equals(include.getAttribute("optional"))) {
        locations.add(include.getAttribute("location"));
      }
    }
    return locations;
  }

  /** The variables server.xml declares after the include of {@code location}. */
  static List<String> variablesDeclaredAfterInclude(String location) {
    List<String> after = null;
    for (Node n = document().getDocumentElement().getFirstChild();
        n != null;
        n = n.getNextSibling()) {
      if (!(n instanceof Element e)) {
        continue;
      }
      if (after == null) {
        if ("include".equals(e.getTagName()) && location.equals(e.getAttribute("location"))) {
          after = new ArrayList<>();
        }
      } else if ("variable".equals(e.getTagName())) {
        after.add(e.getAttribute("name"));
      }
    }
    if (after == null) {
      throw new AssertionError("server.xml does not include " + location);
    }
    return after;
  }

  /** The logFormat of the default endpoint's access log. */
  static String accessLogFormat() {
    NodeList nodes = document().getElementsByTagName("accessLogging");
    assertThatExactlyOne(nodes);
    return ((Element) nodes.item(0)).getAttribute("logFormat");
  }

  /** An attribute of the one {@code <logging>} element. */
  static String loggingAttribute(String name) {
    NodeList nodes = document().getElementsByTagName("logging");
    assertThatExactlyOne(nodes);
    return ((Element) nodes.item(0)).getAttribute(name);
  }

  private static void assertThatExactlyOne(NodeList nodes) {
    if (nodes.getLength() != 1) {
      throw new AssertionError("server.xml has " + nodes.getLength() + " such elements");
    }
  }

  private static Document document() {
    Path file = Manifests.PROJECT.resolve("liberty/server.xml");
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(file.toFile());
    } catch (Exception e) {
      throw new AssertionError("cannot read " + file, e);
    }
  }
}
