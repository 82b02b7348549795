package org.technocarte.common.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem document, the body of every error answer. */
@Schema(name = "Problem", description = "RFC 9457 problem details")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    @Schema(
            description = "Stable identifier of the kind of problem",
            example = "/problems/validation")
        String type,
    @Schema(
            type = SchemaType.STRING,
            description =
                "Stable code of the kind of problem, from the problem catalogue (the last segment"
                    + " of type): pages translate by it",
            example = "validation")
        ProblemType code,
    @Schema(example = "Invalid sighting") String title,
    @Schema(example = "422") int status,
    @Schema(description = "What went wrong, in English", example = "2 fields are invalid")
        String detail,
    @Schema(description = "For validation problems: each invalid field, its code and why")
        List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** A problem of this kind with its catalogue title and status. */
  public static Problem of(ProblemType code, String detail) {
    return new Problem(code.uri(), code, code.title(), code.status(), detail, null);
  }
}
