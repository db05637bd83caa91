package org.compromiso.commitments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;

/**
 * The kind of commitment a process serves, as the process declares it in its own model (extension properties of
 * the process element), so that deploying the process is all it takes to add or change a kind:
 * <pre>{@code
 * <camunda:property name="kind.code" value="agreed-action"/>
 * <camunda:property name="kind.name.en" value="Agreed action"/>
 * <camunda:property name="kind.name.es" value="Acción acordada"/>
 * <camunda:property name="kind.parties" value="MX,US"/>   <!-- whose lead agencies its tasks go to; may be empty -->
 * }</pre>
 */
public record KindDeclaration(String code, String nameEn, String nameEs, List<String> parties) {

    public static final String CODE = "kind.code";
    public static final String NAME_EN = "kind.name.en";
    public static final String NAME_ES = "kind.name.es";
    public static final String PARTIES = "kind.parties";

    // the same as the table's check on commitment_kind.code
    private static final Pattern KIND_CODE = Pattern.compile("^[a-z][a-z0-9-]{1,63}$");
    private static final Pattern PARTY_CODE = Pattern.compile("^[A-Z]{2}$");
    private static final int MAX_NAME = 200;

    /** The declaration of this process, if it declares a kind (any property named {@code kind.*}). */
    public static Optional<KindDeclaration> of(Process process) {
        Map<String, String> properties = properties(process);
        if (properties.keySet().stream().noneMatch(name -> name.startsWith("kind."))) {
            return Optional.empty();
        }
        String parties = Objects.requireNonNullElse(properties.get(PARTIES), "");
        return Optional.of(new KindDeclaration(properties.get(CODE), properties.get(NAME_EN), properties.get(NAME_ES),
                Arrays.stream(parties.split(",")).map(String::strip).filter(party -> !party.isEmpty()).toList()));
    }

    /** What is wrong with the declaration itself, before it is compared with the database. */
    public List<String> problems() {
        var problems = new ArrayList<String>();
        if (code == null || !KIND_CODE.matcher(code).matches()) {
            problems.add(CODE + " must be 2-64 lower-case letters, digits and dashes, starting with a letter (was "
                    + code + ")");
        }
        checkName(NAME_EN, nameEn, problems);
        checkName(NAME_ES, nameEs, problems);
        parties.stream().filter(party -> !PARTY_CODE.matcher(party).matches())
                .forEach(party -> problems.add(PARTIES + " names '" + party + "', not a party code such as MX or US"));
        if (parties.stream().distinct().count() < parties.size()) {
            problems.add(PARTIES + " names a party twice");
        }
        return problems;
    }

    private static void checkName(String property, String name, List<String> problems) {
        if (name == null || name.isBlank()) {
            problems.add(property + " is required");
        } else if (name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            problems.add(property + " must be one line of at most " + MAX_NAME + " characters");
        }
    }

    private static Map<String, String> properties(Process process) {
        var properties = new LinkedHashMap<String, String>();
        if (process.getExtensionElements() != null) {
            process.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                    .flatMap(list -> list.getCamundaProperties().stream())
                    .forEach(property -> properties.putIfAbsent(property.getCamundaName(), property.getCamundaValue()));
        }
        return properties;
    }
}
