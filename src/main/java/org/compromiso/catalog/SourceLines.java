package org.compromiso.catalog;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;

/** Where each value of a YAML or JSON text starts, by JSON pointer, so errors can name their line. */
final class SourceLines {

    private final Map<String, Integer> lines;

    private SourceLines(Map<String, Integer> lines) {
        this.lines = lines;
    }

    static SourceLines of(JsonFactory factory, String text) throws IOException {
        var lines = new HashMap<String, Integer>();
        try (JsonParser parser = factory.createParser(text)) {
            while (parser.nextToken() != null) {
                lines.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(),
                        parser.currentTokenLocation().getLineNr());
            }
        }
        return new SourceLines(lines);
    }

    /** The line of the value at this pointer, or of its nearest enclosing value. */
    int lineOf(String pointer) {
        for (String p = pointer; ; p = p.substring(0, p.lastIndexOf('/'))) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            if (p.isEmpty()) {
                return 1;
            }
        }
    }
}
