package org.technocarte.common.error;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Every error answer of the API is a problem document (RFC 9457): rather than repeating that on
 * each documented 4xx and 5xx, the resources name the status and why, and this filter gives each
 * such response the {@code application/problem+json} content with the {@link Problem} schema.
 */
@OpenAPIDefinition(
    info = @Info(title = "Technocarte API", version = "1"),
    components = @Components(schemas = @Schema(name = "Problem", implementation = Problem.class)))
public class ProblemResponses implements OASFilter {

  /** The `code` members list the catalogues' values, so that a client knows every one. */
  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
      return;
    }
    var schemas = openAPI.getComponents().getSchemas();
    codes(
        schemas.get("Problem"),
        Arrays.stream(ProblemType.values()).map(ProblemType::code).toList());
    codes(
        schemas.get("FieldError"), Arrays.stream(FieldCode.values()).map(FieldCode::code).toList());
  }

  private static void codes(
      org.eclipse.microprofile.openapi.models.media.Schema schema, List<String> values) {
    if (schema == null || schema.getProperties() == null) {
      return;
    }
    var code = schema.getProperties().get("code");
    if (code != null) {
      code.setRef(null);
      code.setType(List.of(SchemaType.STRING));
      code.setEnumeration(List.copyOf(values));
    }
  }

  @Override
  public Operation filterOperation(Operation operation) {
    if (operation.getResponses() == null) {
      return operation;
    }
    for (Map.Entry<String, APIResponse> entry :
        operation.getResponses().getAPIResponses().entrySet()) {
      APIResponse response = entry.getValue();
      boolean error = entry.getKey().startsWith("4") || entry.getKey().startsWith("5");
      if (error
          && (response.getContent() == null || response.getContent().getMediaTypes().isEmpty())) {
        response.setContent(
            OASFactory.createContent()
                .addMediaType(
                    Problem.MEDIA_TYPE,
                    OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"))));
      }
    }
    return operation;
  }
}
