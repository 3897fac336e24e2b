package dev.pipelens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Validates CLI output against the contract schemas in {@code ../shared/schema}; falls back to the copy
 * under {@code src/test/resources/schema} when the shared folder is absent (a clone without shared/).
 */
final class JsonSchemas {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonSchemas() {
    }

    static JsonNode validate(String schemaName, String json) throws IOException {
        JsonNode node = MAPPER.readTree(json);
        JsonSchema schema;
        Path shared = Path.of("../shared/schema", schemaName);
        try (InputStream in = Files.exists(shared) ? Files.newInputStream(shared)
                : JsonSchemas.class.getResourceAsStream("/schema/" + schemaName)) {
            assertTrue(in != null, "schema " + schemaName + " not found");
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
        Set<ValidationMessage> errors = schema.validate(node);
        assertTrue(errors.isEmpty(), () -> schemaName + " violations: " + errors + "\n" + json);
        return node;
    }
}
