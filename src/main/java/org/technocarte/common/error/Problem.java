package org.technocarte.common.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem document, the body of every error answer. */
@Schema(name = "Problem", description = "RFC 9457 problem details")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    @Schema(
            description = "Stable identifier of the kind of problem",
            example = "/problems/validation")
        String type,
    @Schema(example = "Invalid sighting") String title,
    @Schema(example = "422") int status,
    @Schema(example = "2 fields are invalid") String detail,
    @Schema(description = "For validation problems: each invalid field and why")
        List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";
}
