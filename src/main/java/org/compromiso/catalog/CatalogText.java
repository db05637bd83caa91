package org.compromiso.catalog;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A catalog file's bytes as text: UTF-8 unless the request declares another charset. A byte the charset does not
 * allow is refused with its line instead of becoming U+FFFD, which no later import could repair.
 */
final class CatalogText {

    private static final char REPLACEMENT = '\uFFFD';

    private CatalogText() {
    }

    static String decode(byte[] bytes, Charset declared) {
        Charset charset = declared == null ? StandardCharsets.UTF_8 : declared;
        var decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        var in = ByteBuffer.wrap(bytes);
        var out = CharBuffer.allocate((int) Math.ceil(bytes.length * (double) decoder.maxCharsPerByte()) + 1);
        var result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            throw rejected(lineAt(bytes, at), "the file is not in " + charset.name() + ": line " + lineAt(bytes, at)
                    + " has the byte " + String.format("0x%02X", bytes[at]) + ", which " + charset.name()
                    + " does not allow there (was the file saved as Windows-1252 or Latin-1?). Save it as UTF-8,"
                    + " or send it with its charset, such as 'Content-Type: application/yaml; charset=windows-1252'");
        }
        decoder.flush(out);
        String text = out.flip().toString();
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        int damaged = text.indexOf(REPLACEMENT);
        if (damaged >= 0) {
            int line = (int) text.substring(0, damaged).chars().filter(c -> c == '\n').count() + 1;
            throw rejected(line, "line " + line + " contains the character \uFFFD, left where an earlier conversion"
                    + " lost a letter; copy the text again from the original document");
        }
        return text;
    }

    private static int lineAt(byte[] bytes, int position) {
        int line = 1;
        for (int i = 0; i < position; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static CatalogRejectedException rejected(int line, String reason) {
        return new CatalogRejectedException(List.of(new CatalogError(line, "", reason)));
    }
}
