package org.technocarte.common.error;

/** One invalid field of a request: `field` is a JSON path such as `properties.cameraType`. */
public record FieldError(String field, String message) {}
