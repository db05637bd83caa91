package org.compromiso.engine;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * What a BPMN element declares in its extension properties ({@code camunda:property}, Modeler: <i>Properties</i>):
 * a step's Spanish name and purpose, the steps it answers, its reminder rules.
 */
public final class ModelProperties {

    private ModelProperties() {
    }

    /** The values of the element's properties of this name, in the model's order; none without extensions. */
    public static List<String> values(BaseElement element, String name) {
        if (element == null || element.getExtensionElements() == null) {
            return List.of();
        }
        return element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(properties -> properties.getCamundaProperties().stream())
                .filter(property -> name.equals(property.getCamundaName()))
                .map(CamundaProperty::getCamundaValue)
                .toList();
    }

    /** The first value of the element's property of this name, if it declares one. */
    public static Optional<String> first(BaseElement element, String name) {
        return values(element, name).stream().findFirst();
    }
}
