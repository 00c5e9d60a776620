package dev.launchpad.blueprint.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads requests and writes specs in the one JSON format used by the CLI, the API and generated projects. */
public final class SpecJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

    private SpecJson() {
    }

    /** The parsed request, or a problem that says where the JSON is malformed. */
    public sealed interface Parsed {
        record Ok(JsonNode node) implements Parsed {
        }

        record Malformed(Problem problem) implements Parsed {
        }
    }

    public static Parsed parse(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                return new Parsed.Malformed(new Problem("", "the request body is empty; send a JSON object"));
            }
            return new Parsed.Ok(node);
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            return new Parsed.Malformed(new Problem("", "malformed JSON" + where + ": " + e.getOriginalMessage()));
        }
    }

    /** The canonical form: fixed field order, two-space indent, trailing newline. */
    public static String write(ProjectSpec spec) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("blueprintVersion", spec.blueprintVersion());
        out.put("name", spec.name());
        out.put("team", spec.team());
        out.put("description", spec.description());
        out.put("javaPackage", spec.javaPackage());
        out.put("region", spec.region());
        out.put("environments", spec.environments());
        out.put("features", spec.features());
        try {
            return PRETTY.writeValueAsString(out) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a spec always serialises", e);
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
