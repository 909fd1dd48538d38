package jp.uketsuke.llm;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code POST {base}/chat/completions} of an OpenAI-compatible server. */
@Path("/chat/completions")
public interface ChatCompletionsApi {
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  ChatResponse complete(ChatRequest request);
}
