package org.technocarte.common.error;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One invalid field of a request: `field` is a JSON path such as `properties.cameraType`, `code`
 * says why from the {@link FieldCode} catalogue, `message` says it in English for API clients.
 */
@Schema(name = "FieldError", description = "One invalid field and why")
public record FieldError(
    @Schema(example = "properties.height") String field,
    @Schema(
            type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
            description = "Stable code of why the field is refused, from the field error catalogue",
            example = "out-of-range")
        FieldCode code,
    @Schema(example = "must be a number of metres above 0 and at most 300") String message) {}
