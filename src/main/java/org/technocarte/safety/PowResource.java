package org.technocarte.safety;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Hands out proof-of-work challenges for new sightings. */
@Path("/api/pow")
@Tag(name = "Proof of work", description = "Challenges a browser solves before submitting")
@Produces(MediaType.APPLICATION_JSON)
public class PowResource {

  private final ProofOfWork pow;

  public PowResource(ProofOfWork pow) {
    this.pow = pow;
  }

  /** A challenge and how to solve it. */
  @Schema(name = "PowChallenge")
  public record ChallengeView(
      @Schema(description = "Opaque challenge, signed by the server") String challenge,
      @Schema(
              description =
                  "Leading zero bits required of SHA-256(challenge + nonce) over UTF-8 bytes;"
                      + " 0 when no proof is asked",
              example = "16")
          int difficulty,
      @Schema(description = "After this the challenge is refused") String expiresAt,
      @Schema(description = "The rule, for clients", example = "sha256-leading-zero-bits")
          String algorithm,
      @Schema(
              description = "The request header that carries the proof",
              example = "X-Proof-Of-Work")
          String header) {}

  @GET
  @Path("challenge")
  @Operation(
      summary = "A proof-of-work challenge",
      description =
          "Find a nonce (for example a decimal counter) such that SHA-256(challenge + nonce) has"
              + " `difficulty` leading zero bits, then send `X-Proof-Of-Work: <challenge>:<nonce>`"
              + " with POST /api/sightings. Each challenge is good for one submission, until it"
              + " expires.")
  @APIResponse(
      responseCode = "200",
      description = "A fresh challenge",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ChallengeView.class)))
  public Response challenge() {
    ProofOfWork.Challenge c = pow.challenge();
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    return Response.ok(
            new ChallengeView(
                c.challenge(),
                c.difficulty(),
                c.expiresAt().toString(),
                "sha256-leading-zero-bits",
                ProofOfWorkRequired.HEADER))
        .cacheControl(noStore)
        .build();
  }
}
