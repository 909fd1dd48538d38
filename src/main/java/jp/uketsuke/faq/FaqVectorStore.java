package jp.uketsuke.faq;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import jp.uketsuke.platform.BatchWrites;
import jp.uketsuke.platform.Tables;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * FAQ vectors of {@code app-faq-vectors}, one tenant at a time (partition key: the tenant, sort
 * key: the question, as in {@code app-faq}). A vector belongs to the text its hash names, so writes
 * need no condition: one computed from an older text is recognised as stale when it is read.
 */
@ApplicationScoped
public class FaqVectorStore {
  private static final BatchWrites.Retries RETRIES =
      new BatchWrites.Retries(6, Duration.ofMillis(50), Duration.ofMillis(800));

  @Inject DynamoDbClient dynamoDb;
  @Inject Tables tables;
  @Inject BatchWrites batchWrites;

  /** Every vector of the tenant by question (damaged items left out). */
  Map<String, FaqVector> all(String tenantId) {
    Map<String, FaqVector> vectors = new HashMap<>();
    query(
        tenantId,
        null,
        item -> {
          AttributeValue bytes = item.get("vector");
          float[] vector =
              bytes == null || bytes.b() == null
                  ? null
                  : FaqVector.decode(bytes.b().asByteBuffer());
          if (vector != null) {
            String question = item.get("question").s();
            vectors.put(
                question,
                new FaqVector(question, text(item, "text_hash"), text(item, "model"), vector));
          }
        });
    return vectors;
  }

  /** The text hash of every stored vector by question, without the vectors themselves. */
  Map<String, String> hashes(String tenantId) {
    Map<String, String> hashes = new HashMap<>();
    query(
        tenantId,
        "question, text_hash",
        item -> hashes.put(item.get("question").s(), text(item, "text_hash")));
    return hashes;
  }

  /** Stores the vectors; returns how many could not be stored. */
  int putAll(String tenantId, List<FaqVector> vectors) {
    List<WriteRequest> puts = new ArrayList<>();
    for (FaqVector vector : vectors) {
      Map<String, AttributeValue> item = new HashMap<>(FaqStore.key(tenantId, vector.question()));
      item.put(
          "vector",
          AttributeValue.fromB(SdkBytes.fromByteArray(FaqVector.encode(vector.vector()))));
      item.put("text_hash", AttributeValue.fromS(vector.textHash()));
      item.put("model", AttributeValue.fromS(vector.model()));
      item.put("dimensions", AttributeValue.fromN(Integer.toString(vector.vector().length)));
      puts.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
    }
    return write(puts);
  }

  /** Removes the vectors of entries that no longer exist; returns how many are left. */
  int deleteAll(String tenantId, List<String> questions) {
    List<WriteRequest> deletes = new ArrayList<>();
    for (String question : questions) {
      deletes.add(
          WriteRequest.builder()
              .deleteRequest(DeleteRequest.builder().key(FaqStore.key(tenantId, question)).build())
              .build());
    }
    return write(deletes);
  }

  private int write(List<WriteRequest> requests) {
    int left = 0;
    for (List<WriteRequest> batch : BatchWrites.batches(requests)) {
      left += batchWrites.write(tables.faqVectors(), batch, RETRIES).size();
    }
    return left;
  }

  private void query(
      String tenantId, String projection, Consumer<Map<String, AttributeValue>> each) {
    Map<String, AttributeValue> startKey = null;
    do {
      QueryResponse response =
          dynamoDb.query(
              QueryRequest.builder()
                  .tableName(tables.faqVectors())
                  .keyConditionExpression("client_id = :t")
                  .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(tenantId)))
                  .projectionExpression(projection)
                  .consistentRead(true)
                  .exclusiveStartKey(startKey)
                  .build());
      response.items().forEach(each);
      startKey = response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null;
    } while (startKey != null);
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.s() == null ? "" : value.s();
  }
}
