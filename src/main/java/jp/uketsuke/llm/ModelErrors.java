package jp.uketsuke.llm;

import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns the model server's HTTP errors into typed exceptions that Fault Tolerance can tell apart.
 */
public class ModelErrors implements ResponseExceptionMapper<ModelException> {
  @Override
  public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
    return status >= 400;
  }

  @Override
  public ModelException toThrowable(Response response) {
    return forStatus(response.getStatus());
  }

  static ModelException forStatus(int status) {
    String message = "model server answered " + status;
    if (status == 429) {
      return new ModelException.RateLimited(message);
    }
    if (status >= 500) {
      return new ModelException.Unavailable(status, message);
    }
    return new ModelException.Rejected(status, message);
  }
}
