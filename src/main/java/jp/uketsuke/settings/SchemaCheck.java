package jp.uketsuke.settings;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import jakarta.json.JsonValue;
import java.util.List;
import jp.uketsuke.platform.ApiException;

/**
 * Checks that a tool's {@code parameters} is a JSON Schema, by validating it against the draft
 * 2020-12 meta-schema (which the library ships, so nothing is fetched). OpenAI reads these schemas
 * on every chat turn; a broken one must be refused when it is saved, not found during a call.
 */
final class SchemaCheck {
  private static final Schema META_SCHEMA =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));

  private SchemaCheck() {}

  /**
   * @param path where the schema sits in the request, e.g. {@code
   *     config.tools[0].function.parameters}
   * @throws ApiException 400 naming the first offending place inside the schema
   */
  static void requireSchemaObject(JsonValue schema, String path) {
    if (schema.getValueType() != JsonValue.ValueType.OBJECT) {
      throw ApiException.badRequest(path + " must be a JSON Schema object.");
    }
    List<Error> errors = META_SCHEMA.validate(schema.toString(), InputFormat.JSON);
    if (!errors.isEmpty()) {
      Error first = errors.get(0);
      throw ApiException.badRequest(
          path
              + relative(first.getInstanceLocation())
              + " is not valid JSON Schema: "
              + first.getMessage());
    }
  }

  /**
   * Whether a stored schema may be sent to OpenAI, for settings that were never checked (written
   * past the API): an object valid against the meta-schema. Says nothing about why, so that no part
   * of the schema reaches a log.
   */
  static boolean isSchema(JsonValue schema) {
    try {
      return schema.getValueType() == JsonValue.ValueType.OBJECT
          && META_SCHEMA.validate(schema.toString(), InputFormat.JSON).isEmpty();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The place inside the schema in the request's notation: {@code .properties.n.minimum}. */
  private static String relative(NodePath location) {
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      path.append(element instanceof Integer index ? "[" + index + "]" : "." + element);
    }
    return path.toString();
  }
}
