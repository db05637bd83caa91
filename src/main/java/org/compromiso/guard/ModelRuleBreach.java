package org.compromiso.guard;

import java.util.List;

import org.camunda.bpm.engine.Problem;

/**
 * One rule of {@link ModelRules} that one element breaks. A {@link Problem}, so Camunda's REST API lists it in the
 * details of its 400 answer with the element's id, as it does the engine's own parse errors.
 */
public record ModelRuleBreach(String elementId, Rule rule, String reason) implements Problem {

    /** The rules, by the name a refusal gives them. */
    public enum Rule {
        DUE_DATE("due-date"),
        CANDIDATE_GROUP("candidate-group"),
        FORM("form"),
        HISTORY_TIME_TO_LIVE("history-time-to-live"),
        READABLE_ID("readable-id"),
        ALLOWED_EXPRESSIONS("allowed-expressions"),
        KIND("kind");

        private final String label;

        Rule(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Override
    public String getMessage() {
        return elementId + " breaks the rule '" + rule.label() + "': " + reason;
    }

    @Override
    public int getLine() {
        return 0;
    }

    @Override
    public int getColumn() {
        return 0;
    }

    @Override
    public String getMainElementId() {
        return elementId;
    }

    @Override
    public List<String> getElementIds() {
        return List.of(elementId);
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
