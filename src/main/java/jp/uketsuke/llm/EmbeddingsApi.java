package jp.uketsuke.llm;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code POST {base}/embeddings} of an OpenAI-compatible server. */
@Path("/embeddings")
public interface EmbeddingsApi {
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  EmbeddingResponse embed(EmbeddingRequest request);
}
