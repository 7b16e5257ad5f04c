package io.vidyut.mdm.hes.mapping;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The tiny path language of payload mappings: {@code meters[*].intervals[*]} walks to row objects;
 * a field path is evaluated from a row, {@code ^.} climbing one enclosing object per caret and
 * {@code $.} starting at the document root.
 */
final class RowPath {
    private RowPath() {}

    /** A row with the objects that enclose it, innermost last. */
    record Row(JsonNode node, List<JsonNode> enclosing, JsonNode root) {}

    static List<Row> rows(JsonNode root, String path) {
        List<Row> rows = new ArrayList<>();
        walk(root, List.of(), segments(path), 0, root, rows);
        return rows;
    }

    private static void walk(JsonNode node, List<JsonNode> enclosing, String[] segments, int index, JsonNode root,
                             List<Row> out) {
        if (node == null || node.isMissingNode() || node.isNull()) return;
        if (index == segments.length) {
            out.add(new Row(node, enclosing, root));
            return;
        }
        String segment = segments[index];
        boolean each = segment.endsWith("[*]");
        String name = each ? segment.substring(0, segment.length() - 3) : segment;
        JsonNode child = name.isEmpty() ? node : node.get(name);
        if (child == null) return;
        List<JsonNode> nextEnclosing = new ArrayList<>(enclosing);
        if (node.isObject()) nextEnclosing.add(node);
        if (each) {
            if (!child.isArray()) return;
            for (JsonNode element : child) walk(element, nextEnclosing, segments, index + 1, root, out);
        } else {
            walk(child, nextEnclosing, segments, index + 1, root, out);
        }
    }

    /** The node a field path names, or null. */
    static JsonNode field(Row row, String path) {
        if (path == null || path.isBlank()) return null;
        JsonNode start = row.node();
        String rest = path;
        if (rest.startsWith("$.")) {
            start = row.root();
            rest = rest.substring(2);
        } else {
            int up = 0;
            while (rest.startsWith("^")) {
                up++;
                rest = rest.substring(1);
            }
            if (up > 0) {
                if (rest.startsWith(".")) rest = rest.substring(1);
                int index = row.enclosing().size() - up;
                if (index < 0) return null;
                start = row.enclosing().get(index);
            }
        }
        JsonNode node = start;
        for (String segment : segments(rest)) {
            if (node == null) return null;
            node = node.get(segment);
        }
        return node == null || node.isMissingNode() || node.isNull() ? null : node;
    }

    private static String[] segments(String path) {
        String trimmed = path.startsWith("$.") ? path.substring(2) : path.startsWith("$") ? path.substring(1) : path;
        return trimmed.isEmpty() ? new String[0] : trimmed.split("\\.");
    }
}
