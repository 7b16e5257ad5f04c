package io.vidyut.mdm.audittrail;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a before or after state into JSON with every secret replaced by {@value #REDACTED}: a field is a secret
 * when its name (case, underscores and dashes ignored) ends with one of {@link #SECRET_ENDINGS}, at any depth.
 * Judged by name so a secret added to a record later is redacted without anyone remembering the audit trail;
 * fields that only describe a secret (its prefix, its header name, whether it changed) keep their values.
 */
final class Redaction {
    static final String REDACTED = "[redacted]";
    static final List<String> SECRET_ENDINGS = List.of("password", "passwordhash", "secret", "apikey", "keyhash",
            "token", "credential", "credentials", "privatekey");

    private final JsonMapper json;

    Redaction(JsonMapper json) {
        this.json = json;
    }

    /** The state as JSON text with secrets redacted; null for no state. */
    String redactedJson(Object state) {
        if (state == null) return null;
        JsonNode tree = state instanceof JsonNode node ? node.deepCopy() : json.valueToTree(state);
        if (tree == null || tree.isNull() || tree.isMissingNode()) return null;
        // always an object, so every state reads the same way in the API and the dashboard
        if (!tree.isObject()) tree = json.createObjectNode().set("value", tree);
        return json.writeValueAsString(redact(tree));
    }

    private static JsonNode redact(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : List.copyOf(object.properties())) {
                if (isSecret(field.getKey())) {
                    if (!field.getValue().isNull()) object.put(field.getKey(), REDACTED);
                } else {
                    redact(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (JsonNode element : array) redact(element);
        }
        return node;
    }

    static boolean isSecret(String fieldName) {
        String name = fieldName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return SECRET_ENDINGS.stream().anyMatch(name::endsWith);
    }
}
