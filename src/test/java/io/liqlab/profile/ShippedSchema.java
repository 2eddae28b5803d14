package io.liqlab.profile;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The shipped JSON Schemas ({@code venue-profiles/schema/}) as a JSON Schema 2020-12 validator sees them
 * (networknt's json-schema-validator, built on Jackson 3). The schemas' own ids ({@code https://liqlab.io/schema/...})
 * and the cross-file {@code $ref} of the venue-rules schema resolve to the files in the folder, never to the
 * network; the 2020-12 meta-schema comes with the library.
 */
final class ShippedSchema {
    static final String PROFILE = "venue-profile.schema.json";
    static final String RULES = "venue-rules.schema.json";

    private static final String BASE = "https://liqlab.io/schema/";

    private final Path folder;
    private final SchemaRegistry registry;

    ShippedSchema(Path folder) {
        this.folder = folder.toAbsolutePath();
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                b -> b.schemas(iri -> iri.startsWith(BASE) ? read(this.folder.resolve(iri.substring(BASE.length()))) : null));
    }

    /** Every violation of {@code schemaFile} by {@code instance}, each as "instance path: message"; empty when valid. */
    List<String> validate(String schemaFile, JsonNode instance) {
        Schema schema = registry.getSchema(SchemaLocation.of(BASE + schemaFile));
        return schema.validate(instance).stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
