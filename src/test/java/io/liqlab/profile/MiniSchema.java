package io.liqlab.profile;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The part of JSON Schema 2020-12 the shipped schemas use (type, enum, const, required, properties,
 * additionalProperties, items, min/maxItems, minimum/maximum and their exclusive forms, minLength, pattern, $ref
 * within and across the schema folder, allOf/anyOf/oneOf/not, if/then/else), so that a test can check every
 * shipped file against the shipped schema without a validator library (none is available offline).
 */
final class MiniSchema {
    private final Path folder;
    private final Map<String, JsonNode> documents = new HashMap<>();

    MiniSchema(Path folder) {
        this.folder = folder;
    }

    /** Every violation of {@code schemaFile} by {@code instance}, each as "path: what"; empty when it validates. */
    List<String> validate(String schemaFile, JsonNode instance) {
        List<String> out = new ArrayList<>();
        check(schemaFile, document(schemaFile), instance, "$", out);
        return out;
    }

    private JsonNode document(String file) {
        return documents.computeIfAbsent(file, f -> {
            try {
                return JsonMapper.shared().readTree(Files.readString(folder.resolve(f)));
            } catch (Exception e) {
                throw new AssertionError("cannot read schema " + f + ": " + e);
            }
        });
    }

    private void check(String file, JsonNode schema, JsonNode value, String path, List<String> out) {
        if (schema.isBoolean()) {
            if (!schema.booleanValue()) {
                out.add(path + ": not allowed");
            }
            return;
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").stringValue();
            int hash = ref.indexOf('#');
            String target = hash == 0 ? file : ref.substring(0, hash < 0 ? ref.length() : hash);
            JsonNode node = document(target);
            if (hash >= 0 && hash < ref.length() - 1) {
                node = node.at(ref.substring(hash + 1));
            }
            if (node.isMissingNode()) {
                out.add(path + ": unresolved $ref " + ref);
                return;
            }
            check(target, node, value, path, out);
        }
        if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
            out.add(path + ": must be of type " + schema.get("type") + ", got " + value.getNodeType());
            return;
        }
        if (schema.has("const") && !numericEquals(schema.get("const"), value)) {
            out.add(path + ": must be " + schema.get("const") + ", got " + value);
        }
        if (schema.has("enum")) {
            boolean any = false;
            for (JsonNode e : schema.get("enum")) {
                any |= numericEquals(e, value);
            }
            if (!any) {
                out.add(path + ": must be one of " + schema.get("enum") + ", got " + value);
            }
        }
        if (value.isObject()) {
            if (schema.has("required")) {
                for (JsonNode r : schema.get("required")) {
                    if (!value.has(r.stringValue())) {
                        out.add(path + ": " + r.stringValue() + " is required");
                    }
                }
            }
            JsonNode props = schema.get("properties");
            for (Map.Entry<String, JsonNode> e : value.properties()) {
                JsonNode sub = props == null ? null : props.get(e.getKey());
                if (sub != null) {
                    check(file, sub, e.getValue(), path + "." + e.getKey(), out);
                } else if (schema.has("additionalProperties") && schema.get("additionalProperties").isBoolean()
                        && !schema.get("additionalProperties").booleanValue()) {
                    out.add(path + "." + e.getKey() + ": not a property of the schema");
                }
            }
        }
        if (value.isArray()) {
            if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
                out.add(path + ": at least " + schema.get("minItems") + " items");
            }
            if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
                out.add(path + ": at most " + schema.get("maxItems") + " items");
            }
            if (schema.has("items")) {
                for (int i = 0; i < value.size(); i++) {
                    check(file, schema.get("items"), value.get(i), path + "[" + i + "]", out);
                }
            }
        }
        if (value.isNumber()) {
            double x = value.doubleValue();
            if (schema.has("minimum") && x < schema.get("minimum").doubleValue()
                    || schema.has("maximum") && x > schema.get("maximum").doubleValue()
                    || schema.has("exclusiveMinimum") && x <= schema.get("exclusiveMinimum").doubleValue()
                    || schema.has("exclusiveMaximum") && x >= schema.get("exclusiveMaximum").doubleValue()) {
                out.add(path + ": " + x + " is out of range");
            }
        }
        if (value.isString()) {
            String s = value.stringValue();
            if (schema.has("minLength") && s.length() < schema.get("minLength").asInt()) {
                out.add(path + ": too short");
            }
            if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").stringValue()).matcher(s).find()) {
                out.add(path + ": does not match " + schema.get("pattern"));
            }
        }
        if (schema.has("allOf")) {
            for (JsonNode sub : schema.get("allOf")) {
                check(file, sub, value, path, out);
            }
        }
        if (schema.has("anyOf")) {
            boolean any = false;
            for (JsonNode sub : schema.get("anyOf")) {
                any |= passes(file, sub, value, path);
            }
            if (!any) {
                out.add(path + ": matches none of anyOf");
            }
        }
        if (schema.has("oneOf")) {
            int n = 0;
            for (JsonNode sub : schema.get("oneOf")) {
                n += passes(file, sub, value, path) ? 1 : 0;
            }
            if (n != 1) {
                out.add(path + ": matches " + n + " of oneOf, must match exactly one");
            }
        }
        if (schema.has("not") && passes(file, schema.get("not"), value, path)) {
            out.add(path + ": matches a 'not' schema " + schema.get("not"));
        }
        if (schema.has("if")) {
            JsonNode branch = passes(file, schema.get("if"), value, path) ? schema.get("then") : schema.get("else");
            if (branch != null) {
                check(file, branch, value, path, out);
            }
        }
    }

    private boolean passes(String file, JsonNode schema, JsonNode value, String path) {
        List<String> out = new ArrayList<>();
        check(file, schema, value, path, out);
        return out.isEmpty();
    }

    private static boolean numericEquals(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.doubleValue() == b.doubleValue();
        }
        return a.equals(b);
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeMatches(t, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.stringValue()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isString();
            case "number" -> value.isNumber();
            case "integer" -> value.isIntegralNumber() || value.isNumber() && value.doubleValue() == Math.rint(value.doubleValue());
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> throw new AssertionError("unknown type " + type);
        };
    }
}
