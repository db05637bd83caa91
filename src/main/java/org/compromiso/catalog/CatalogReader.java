package org.compromiso.catalog;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.validation.Validator;
import org.compromiso.commitments.NewCommitment;
import org.compromiso.meetings.Meeting;
import org.compromiso.parties.Parties;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one catalog text into records, collecting every error with its line and field instead of stopping at the
 * first: the desk fixes a file in one round.
 */
final class CatalogReader {

    private static final Set<String> TOP_LEVEL = Set.of("meeting", "commitments", "outcomesOf");
    /** Checks on a whole record, reported at the field they are about. */
    private static final Map<String, String> RECORD_CHECKS = Map.of("heldInAPlausibleYear", "heldOn",
            "endsOnPlausible", "endsOn");

    private final ObjectMapper json;
    private final ObjectMapper yaml;
    private final Validator validator;
    private final Parties parties;

    private SourceLines lines;
    private final List<CatalogError> errors = new ArrayList<>();

    /** A reader for one text, with the mappers of {@link #json} and {@link #yaml}. */
    CatalogReader(ObjectMapper json, ObjectMapper yaml, Validator validator, Parties parties) {
        this.json = json;
        this.yaml = yaml;
        this.validator = validator;
        this.parties = parties;
    }

    /** Spring's mapper (so the API's strict types hold in catalogs too), refusing unknown and repeated fields. */
    static ObjectMapper json(ObjectMapper mapper) {
        return strict(mapper.copy());
    }

    static ObjectMapper yaml(ObjectMapper mapper) {
        return strict(mapper.copyWith(new YAMLFactory()));
    }

    private static ObjectMapper strict(ObjectMapper mapper) {
        return mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    List<CatalogError> errors() {
        return errors;
    }

    /** The file's records; null when nothing more can be checked (the errors say why). */
    CatalogFile read(String text) {
        boolean isJson = text.stripLeading().startsWith("{");
        ObjectMapper mapper = isJson ? json : yaml;
        JsonNode root;
        try {
            lines = SourceLines.of(mapper.getFactory(), text);
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            errors.add(new CatalogError(lineOf(e), "", CatalogReasons.syntax(e, !isJson)));
            return null;
        } catch (IOException e) {
            errors.add(new CatalogError(1, "", "the file cannot be read"));
            return null;
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            errors.add(new CatalogError(1, "", "the file is empty"));
            return null;
        }
        return read(root);
    }

    /**
     * Where the YAML scanner met the problem, or, when that is the end of the file (an unclosed quote), where it
     * began reading what never ended. Jackson's own location is the last good token's, often line 1.
     */
    private static int lineOf(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked) {
            boolean atTheEnd = String.valueOf(marked.getProblem()).contains("end of stream");
            var mark = atTheEnd && marked.getContextMark() != null ? marked.getContextMark() : marked.getProblemMark();
            if (mark != null) {
                return mark.getLine() + 1;
            }
        }
        return e.getLocation() == null ? 1 : e.getLocation().getLineNr();
    }

    private CatalogFile read(JsonNode root) {
        if (!root.isObject()) {
            error("", "must be a mapping with 'meeting' and, optionally, 'commitments'");
            return null;
        }
        root.fieldNames().forEachRemaining(name -> {
            if (!TOP_LEVEL.contains(name)) {
                error("/" + name, "unknown field '" + name + "'; expected 'meeting', 'commitments' and, optionally,"
                        + " 'outcomesOf'");
            }
        });
        Meeting meeting = convert(root.get("meeting"), Meeting.class, "/meeting");
        if (meeting != null) {
            parties.unknown(meeting.delegations().keySet()).forEach(party ->
                    error("/meeting/delegations/" + party, Parties.unknownParty(party)));
        }
        var commitments = new TreeMap<Integer, NewCommitment>();
        JsonNode list = root.path("commitments");
        if (!list.isMissingNode() && !list.isNull() && !list.isArray()) {
            error("/commitments", "must be a list of commitments, each starting with '- code:'");
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; list.isArray() && i < list.size(); i++) {
            String at = "/commitments/" + i;
            NewCommitment commitment = convert(list.get(i), NewCommitment.class, at);
            if (commitment == null) {
                continue;
            }
            if (meeting != null) {
                commitment = commitment.inMeeting(meeting.code());
            }
            if (commitment.code() != null && !codes.add(commitment.code())) {
                error(at + "/code", "the code " + commitment.code() + " appears twice in this file");
            }
            commitments.put(i, commitment);
        }
        LocalDate heldOn = meeting != null ? meeting.heldOn() : readableDate(root.path("meeting").path("heldOn"));
        return new CatalogFile(meeting, heldOn, commitments, outcomesOf(root.path("outcomesOf")));
    }

    /** The next-meeting commitment whose meeting the file records, when it names one. */
    private String outcomesOf(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isTextual() || !node.asText().matches(NewCommitment.CODE)) {
            error("/outcomesOf", "must be the code of the next-meeting commitment that prepared this meeting");
            return null;
        }
        return node.asText();
    }

    private static LocalDate readableDate(JsonNode node) {
        try {
            return node.isTextual() ? LocalDate.parse(node.asText()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private <T> T convert(JsonNode node, Class<T> type, String at) {
        if (node == null || !node.isObject()) {
            error(at, "must be a mapping of fields (name: value)");
            return null;
        }
        T value;
        try {
            value = yaml.treeToValue(node, type);
        } catch (MismatchedInputException e) {
            var pointer = new StringBuilder(at);
            e.getPath().forEach(reference -> pointer.append('/').append(reference.getFieldName() != null
                    ? reference.getFieldName() : String.valueOf(reference.getIndex())));
            error(pointer.toString(), CatalogReasons.of(e));
            return null;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            error(at, "has a value of the wrong form");
            return null;
        }
        var violations = validator.validate(value).stream()
                .filter(violation -> !violation.getPropertyPath().toString().equals("meetingCode"))
                .toList();
        violations.forEach(violation -> error(at + "/" + pointerOf(violation.getPropertyPath().toString()),
                violation.getMessage()));
        return violations.isEmpty() ? value : null;
    }

    void error(String pointer, String reason) {
        errors.add(new CatalogError(lines == null ? 1 : lines.lineOf(pointer), fieldOf(pointer), reason));
    }

    /** "provenance.quote", "leadAgencies[MX].<map value>" as a JSON pointer suffix. */
    private static String pointerOf(String propertyPath) {
        String path = RECORD_CHECKS.getOrDefault(propertyPath, propertyPath);
        return path.replaceAll("\\.?<[^>]+>", "").replace("[", "/").replace("]", "").replace('.', '/');
    }

    /** "/commitments/3/provenance/quote" as "commitments[3].provenance.quote". */
    private static String fieldOf(String pointer) {
        return pointer.replaceFirst("^/", "").replaceAll("/(\\d+)(?=/|$)", "[$1]").replace('/', '.');
    }
}
