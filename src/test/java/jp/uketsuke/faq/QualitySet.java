package jp.uketsuke.faq;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hand-written evaluation set in {@code src/test/resources/quality/}: for each business, its
 * FAQ ({@code faqs-<business>.tsv}: id, question, answer) and what callers asked ({@code
 * questions-<business>.tsv}: question, labels {@code id:grade ...} with grade 2 = answers it, 1 =
 * related, or {@code -}). A question with no grade-2 label is one no FAQ answers.
 */
record QualitySet(List<Business> businesses) {
  static final List<String> NAMES = List.of("clinic", "restaurant", "garden", "salon");

  record Faq(String id, FaqItem item) {}

  record Question(String text, Map<String, Integer> grades) {
    boolean answerable() {
      return grades.containsValue(2);
    }
  }

  record Business(String name, List<Faq> faqs, List<Question> questions) {
    List<FaqItem> items() {
      return faqs.stream().map(Faq::item).toList();
    }
  }

  static QualitySet load() {
    List<Business> businesses = new ArrayList<>();
    for (String name : NAMES) {
      List<Faq> faqs = new ArrayList<>();
      for (String[] row : rows("faqs-" + name + ".tsv", 3)) {
        faqs.add(new Faq(row[0], new FaqItem(row[1], row[2], null, null)));
      }
      List<Question> questions = new ArrayList<>();
      for (String[] row : rows("questions-" + name + ".tsv", 2)) {
        questions.add(new Question(row[0], grades(row[1], faqs)));
      }
      businesses.add(new Business(name, List.copyOf(faqs), List.copyOf(questions)));
    }
    return new QualitySet(List.copyOf(businesses));
  }

  private static Map<String, Integer> grades(String labels, List<Faq> faqs) {
    Map<String, Integer> grades = new LinkedHashMap<>();
    if (labels.strip().equals("-")) {
      return grades;
    }
    for (String label : labels.strip().split("\\s+")) {
      String[] parts = label.split(":");
      String id = parts[0];
      if (faqs.stream().noneMatch(f -> f.id().equals(id))) {
        throw new IllegalStateException("label names no FAQ: " + label);
      }
      grades.put(id, Integer.parseInt(parts[1]));
    }
    return grades;
  }

  private static List<String[]> rows(String file, int columns) {
    InputStream in = QualitySet.class.getResourceAsStream("/quality/" + file);
    if (in == null) {
      throw new IllegalStateException("missing resource quality/" + file);
    }
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] row = line.split("\t");
        if (row.length != columns) {
          throw new IllegalStateException(file + ": expected " + columns + " columns: " + line);
        }
        rows.add(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }
}
