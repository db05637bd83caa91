package org.compromiso.guard;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;

/**
 * A deployment refused because its models break {@link ModelRules}. A {@link ParseException}, so that Camunda's REST
 * API answers 400 with every breach in its details, per resource, each naming its element.
 */
class ModelRulesRefusal extends ParseException {

    ModelRulesRefusal(Map<String, List<ModelRuleBreach>> breachesByResource) {
        super(message(breachesByResource), null, List.of(), List.of());
        resorceReports = breachesByResource.entrySet().stream()
                .map(entry -> (ResourceReport) new Report(entry.getKey(), List.copyOf(entry.getValue())))
                .toList();
    }

    private static String message(Map<String, List<ModelRuleBreach>> breachesByResource) {
        return "The deployment breaks the model rules: " + breachesByResource.entrySet().stream()
                .map(entry -> entry.getKey() + ": " + entry.getValue().stream().map(ModelRuleBreach::getMessage)
                        .collect(Collectors.joining("; ")))
                .collect(Collectors.joining(" | "));
    }

    private record Report(String getResourceName, List<Problem> getErrors) implements ResourceReport {
        @Override
        public List<Problem> getWarnings() {
            return List.of();
        }
    }
}
