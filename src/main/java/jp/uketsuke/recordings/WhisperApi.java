package jp.uketsuke.recordings;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * OpenAI's speech-to-text endpoint, relative to the configured API base ({@code .../v1}); the
 * credentials are added by the shared OpenAI connection.
 */
@Path("/audio/transcriptions")
public interface WhisperApi {

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.APPLICATION_JSON)
  WhisperResult transcribe(List<EntityPart> form);
}
