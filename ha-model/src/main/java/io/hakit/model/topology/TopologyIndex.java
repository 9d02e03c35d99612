package io.hakit.model.topology;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * The first pass over a topology's tokens: records where each key path starts, for messages, and
 * refuses YAML aliases. Jackson does not expand an alias: it reads {@code *s0} as the text
 * {@code s0}, so {@code servers: [*s0]} would quietly become a server named {@code s0}. hakit
 * refuses aliases rather than expanding them, so that a topology says what it means on every line
 * it is read from (no value defined elsewhere, no merge keys), with one line naming the file, line,
 * key and the alias. An anchor alone ({@code &s0}) changes nothing and is accepted.
 */
final class TopologyIndex {

    private TopologyIndex() {
    }

    /** Records where each key path starts, for messages. One pass over the tokens. */
    static void index(JsonParser p, String source, Map<String, JsonLocation> locations) throws IOException {
        Deque<String> paths = new ArrayDeque<>();
        Deque<int[]> arrayIndex = new ArrayDeque<>();
        String field = null;
        JsonToken t;
        while ((t = p.nextToken()) != null) {
            String parent = paths.isEmpty() ? null : paths.peek();
            boolean inArray = !arrayIndex.isEmpty() && arrayIndex.peek()[0] >= -1 && parent != null
                    && parent.endsWith("[]");
            if (t == JsonToken.FIELD_NAME) {
                field = (parent == null || parent.isEmpty() ? "" : parent + ".") + p.currentName();
                locations.putIfAbsent(field, p.currentTokenLocation());
                refuseAlias(p, source, field);
                continue;
            }
            String here;
            if (inArray) {
                int i = ++arrayIndex.peek()[0];
                here = parent.substring(0, parent.length() - 2) + "[" + i + "]";
                locations.putIfAbsent(here, p.currentTokenLocation());
            } else {
                here = field == null ? "" : field;
            }
            refuseAlias(p, source, here);
            if (t == JsonToken.START_OBJECT) {
                paths.push(here);
                arrayIndex.push(new int[] {-2});
            } else if (t == JsonToken.START_ARRAY) {
                paths.push(here + "[]");
                arrayIndex.push(new int[] {-1});
            } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                paths.pop();
                arrayIndex.pop();
            }
        }
    }


    private static void refuseAlias(JsonParser p, String source, String path) throws IOException {
        if (p instanceof YAMLParser && ((YAMLParser) p).isCurrentAlias()) {
            JsonLocation l = p.currentTokenLocation();
            throw new TopologyException(source, l.getLineNr(), l.getColumnNr(), path, "YAML alias '*" + p.getText()
                    + "' is not supported: hakit does not expand aliases (or merge keys '<<'); write the value out"
                    + " in full", null);
        }
    }
}
