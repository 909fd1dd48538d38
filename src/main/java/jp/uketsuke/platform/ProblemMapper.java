package jp.uketsuke.platform;

import jakarta.inject.Inject;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The one place where a failure becomes a response. Clients get a status and a sentence written for
 * them; class names, stack traces and AWS messages stay in the log, under the request id. A store
 * that cannot be reached is the client's cue to retry (503), not a bug (500). Every 503 (store
 * down, an open circuit, a capability not configured) carries the same Retry-After, decided here.
 * Bean Validation failures take {@link ConstraintViolationMapper}, which answers the same document.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

  private static final int RETRY_AFTER_SECONDS = 5;

  @Inject RequestId requestId;
  @Inject RequestBody body;

  @Override
  public Response toResponse(Throwable failure) {
    Response response = responseFor(failure);
    if (response.getStatus() == 503) {
      return Response.fromResponse(response)
          .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
          .build();
    }
    return response;
  }

  private Response responseFor(Throwable failure) {
    if (body.exceededLimit() >= 0) {
      failure =
          ApiException.payloadTooLarge(
              "The request body is larger than " + body.exceededLimit() + " bytes.");
    }
    if (isStoreUnavailable(failure)) {
      log(Level.WARNING, "request " + requestId.value() + ": DynamoDB unavailable", failure);
      return problem(503, "Service Unavailable", "Storage is unavailable; try again shortly.")
          .toResponse();
    }
    if (isRefusedByStore(failure)) {
      log(Level.WARNING, "request " + requestId.value() + ": DynamoDB refused a value", failure);
      return problem(
              400, "Bad Request", "A value in the request is too long or not valid for storage.")
          .toResponse();
    }
    Response response = problemFor(failure).toResponse();
    if (failure instanceof NotAllowedException notAllowed) {
      String allow = notAllowed.getResponse().getHeaderString(HttpHeaders.ALLOW);
      if (allow != null) {
        return Response.fromResponse(response).header(HttpHeaders.ALLOW, allow).build();
      }
    }
    return response;
  }

  private Problem problemFor(Throwable failure) {
    if (failure instanceof ApiException api) {
      return problem(api.status(), api.title(), api.getMessage());
    }
    if (isMalformedBody(failure)) {
      return problem(400, "Bad Request", "The request body is not valid JSON for this route.");
    }
    if (failure instanceof NotFoundException) {
      return problem(404, "Not Found", "No such route.");
    }
    if (failure instanceof NotAllowedException) {
      return problem(405, "Method Not Allowed", "This route does not accept that method.");
    }
    if (failure instanceof NotSupportedException) {
      return problem(415, "Unsupported Media Type", "Send the body as application/json.");
    }
    if (failure instanceof NotAcceptableException) {
      return problem(406, "Not Acceptable", "This route answers in application/json only.");
    }
    if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
      Response.StatusType status = web.getResponse().getStatusInfo();
      return problem(status.getStatusCode(), status.getReasonPhrase(), status.getReasonPhrase());
    }
    log(Level.SEVERE, "request " + requestId.value() + " failed", failure);
    return problem(500, "Internal Server Error", "Something went wrong on our side.");
  }

  /**
   * Exception texts may quote a caller's phone number (a path, a DynamoDB key), so the failure is
   * written with numbers masked: as text for a warning, with its stack trace for a bug (rendered
   * here, as a handler would print the raw messages).
   */
  static void log(Level level, String message, Throwable failure) {
    String text =
        level.intValue() >= Level.SEVERE.intValue() ? stackTrace(failure) : failure.toString();
    LOG.log(level, message + ": " + PhoneMask.in(text));
  }

  private static String stackTrace(Throwable failure) {
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    return trace.toString().stripTrailing();
  }

  /** DynamoDB could not be reached, or answered that it is overloaded or failing itself. */
  private static boolean isStoreUnavailable(Throwable failure) {
    if (failure instanceof SdkClientException) {
      return true;
    }
    return failure instanceof AwsServiceException aws
        && (aws.statusCode() >= 500 || aws.isThrottlingException());
  }

  /**
   * DynamoDB's own validation of what a request put into a key or item (a key over 1 KB, an item
   * over 400 KB): the client's input was too large for storage, not a failure of ours.
   */
  private static boolean isRefusedByStore(Throwable failure) {
    return failure instanceof AwsServiceException aws
        && aws.statusCode() == 400
        && aws.awsErrorDetails() != null
        && "ValidationException".equals(aws.awsErrorDetails().errorCode());
  }

  private static boolean isMalformedBody(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof JsonbException || t instanceof JsonParsingException || isParserLimit(t)) {
        return true;
      }
      if (t == t.getCause()) {
        break;
      }
    }
    return failure instanceof ProcessingException;
  }

  /**
   * Parsson refuses JSON nested deeper than its limit with a plain RuntimeException, which
   * Liberty's JSON-P reader wraps in a bare 500: thrown by the parser, it is the input's fault.
   */
  private static boolean isParserLimit(Throwable t) {
    StackTraceElement[] trace = t.getStackTrace();
    return t.getClass() == RuntimeException.class
        && trace.length > 0
        && trace[0].getClassName().startsWith("org.eclipse.parsson.");
  }

  private Problem problem(int status, String title, String detail) {
    return Problem.of(status, title, detail, requestId.value());
  }
}
