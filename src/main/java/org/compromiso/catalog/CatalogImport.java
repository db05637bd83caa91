package org.compromiso.catalog;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
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
import org.compromiso.commitments.Actor;
import org.compromiso.commitments.CommitmentRegistry;
import org.compromiso.commitments.NewCommitment;
import org.compromiso.meetings.Meeting;
import org.compromiso.meetings.MeetingRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Imports one meeting and its commitments from YAML or JSON. A file with any error imports nothing and every
 * error is reported with its line; commitments already registered (by code) are left as they are, so importing
 * the same file twice changes nothing.
 */
@Service
public class CatalogImport {

    private static final Set<String> TOP_LEVEL = Set.of("meeting", "commitments");

    private final ObjectMapper json;
    private final ObjectMapper yaml;
    private final Validator validator;
    private final MeetingRepository meetings;
    private final CommitmentRegistry registry;

    CatalogImport(ObjectMapper mapper, Validator validator, MeetingRepository meetings, CommitmentRegistry registry) {
        this.json = strict(mapper.copy());
        this.yaml = strict(mapper.copyWith(new YAMLFactory()));
        this.validator = validator;
        this.meetings = meetings;
        this.registry = registry;
    }

    private static ObjectMapper strict(ObjectMapper mapper) {
        return mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    @Transactional
    public ImportResult importText(String text, Actor actor) {
        ObjectMapper mapper = text.stripLeading().startsWith("{") ? json : yaml;
        SourceLines lines;
        JsonNode root;
        try {
            lines = SourceLines.of(mapper.getFactory(), text);
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new CatalogRejectedException(List.of(new CatalogError(lineOf(e), "", e.getOriginalMessage())));
        } catch (IOException e) {
            throw new CatalogRejectedException(List.of(new CatalogError(1, "", e.getMessage())));
        }
        var reader = new Reader(lines);
        CatalogFile file = reader.read(root);
        if (file == null) {
            throw new CatalogRejectedException(reader.errors);
        }
        // the commitments' rules are checked even when the meeting block is invalid, so one answer lists every error
        return store(file, reader, actor);
    }

    private ImportResult store(CatalogFile file, Reader reader, Actor actor) {
        var stored = file.meeting() == null ? Optional.<Meeting>empty() : meetings.find(file.meeting().code());
        LocalDate heldOn = stored.map(Meeting::heldOn).orElse(file.heldOn());
        var registered = new ArrayList<String>();
        var unchanged = new ArrayList<String>();
        var toRegister = new ArrayList<NewCommitment>();
        for (var entry : file.commitments().entrySet()) {
            var commitment = entry.getValue();
            if (registry.isRegistered(commitment.code())) {
                unchanged.add(commitment.code());
                continue;
            }
            String at = "/commitments/" + entry.getKey();
            registry.problemsWith(commitment, heldOn).forEach(problem -> reader.error(at + "/" + problem.field()
                    .replace('.', '/').replace("[", "/").replace("]", ""), problem.reason()));
            toRegister.add(commitment);
        }
        if (!reader.errors.isEmpty()) {
            throw new CatalogRejectedException(reader.errors);
        }
        if (stored.isEmpty()) {
            meetings.insert(file.meeting());
        }
        for (var commitment : toRegister) {
            registry.register(commitment, actor);
            registered.add(commitment.code());
        }
        return new ImportResult(file.meeting().code(), stored.isEmpty(), registered, unchanged);
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

    /** Reads the tree into records, collecting every error with its line instead of stopping at the first. */
    private final class Reader {

        private final SourceLines lines;
        private final List<CatalogError> errors = new ArrayList<>();

        Reader(SourceLines lines) {
            this.lines = lines;
        }

        CatalogFile read(JsonNode root) {
            if (!root.isObject()) {
                error("", "must be a mapping with 'meeting' and 'commitments'");
                return null;
            }
            root.fieldNames().forEachRemaining(name -> {
                if (!TOP_LEVEL.contains(name)) {
                    error("/" + name, "unknown field; expected 'meeting' and 'commitments'");
                }
            });
            Meeting meeting = convert(root.get("meeting"), Meeting.class, "/meeting");
            JsonNode list = root.get("commitments");
            var commitments = new TreeMap<Integer, NewCommitment>();
            if (list == null || !list.isArray() || list.isEmpty()) {
                error("/commitments", "must be a non-empty list of commitments");
                return null;
            }
            Set<String> codes = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                String at = "/commitments/" + i;
                NewCommitment commitment = convert(list.get(i), NewCommitment.class, at);
                if (commitment == null) {
                    continue;
                }
                if (meeting != null) {
                    commitment = commitment.inMeeting(meeting.code());
                }
                if (commitment.code() != null && !codes.add(commitment.code())) {
                    error(at + "/code", "duplicate code " + commitment.code() + " in this file");
                }
                commitments.put(i, commitment);
            }
            LocalDate heldOn = meeting != null ? meeting.heldOn() : readableDate(root.path("meeting").path("heldOn"));
            return new CatalogFile(meeting, heldOn, commitments);
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
                error(at, "must be a mapping");
                return null;
            }
            T value;
            try {
                value = yaml.treeToValue(node, type);
            } catch (MismatchedInputException e) {
                var pointer = new StringBuilder(at);
                e.getPath().forEach(reference -> pointer.append('/').append(reference.getFieldName() != null
                        ? reference.getFieldName() : String.valueOf(reference.getIndex())));
                error(pointer.toString(), e.getOriginalMessage());
                return null;
            } catch (JsonProcessingException | IllegalArgumentException e) {
                error(at, e.getMessage());
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
            errors.add(new CatalogError(lines.lineOf(pointer), fieldOf(pointer), reason));
        }

        /** "provenance.quote", "leadAgencies[MX].<map value>" as a JSON pointer suffix. */
        private static String pointerOf(String propertyPath) {
            return propertyPath.replaceAll("\\.?<[^>]+>", "").replace("[", "/").replace("]", "").replace('.', '/');
        }

        /** "/commitments/3/provenance/quote" as "commitments[3].provenance.quote". */
        private static String fieldOf(String pointer) {
            return pointer.replaceFirst("^/", "").replaceAll("/(\\d+)(?=/|$)", "[$1]").replace('/', '.');
        }
    }
}
