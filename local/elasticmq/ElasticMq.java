import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * The local stack's SQS stand-in: ElasticMQ on 127.0.0.1:PORT, in memory, run by local/stack.mjs
 * as a single-file program ({@code java -cp <ElasticMQ's classpath> ElasticMq.java PORT}). The
 * stack creates the queues over the SQS API once this prints "ready"; the process lives until it
 * is killed (its parent, the stack, kills it on exit).
 */
public final class ElasticMq {
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    SQSRestServer server =
        SQSRestServerBuilder.withInterface("127.0.0.1")
            .withPort(port)
            .withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""))
            .withAWSRegion("ap-northeast-1")
            .start();
    server.waitUntilStarted();
    System.out.println("ready");
    Thread.currentThread().join();
  }
}
