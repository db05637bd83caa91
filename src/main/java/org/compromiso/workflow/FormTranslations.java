package org.compromiso.workflow;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Camunda Form in the reader's language. Camunda Forms have one text per component, so each form in
 * {@code bpmn/} carries its translations beside the English, as the component's custom {@code properties}:
 * {@code label.es}, {@code text.es}, {@code description.es}, {@code dateLabel.es} (and {@code timeLabel.es},
 * {@code placeholder.es} where a form has them), and {@code values.<value>.es}
 * for an option of a choice (as a task's Spanish name is its property {@code name.es}). Keys, types and checks
 * never change with the language; a text without a translation stays English.
 */
public final class FormTranslations {

    /** The component's texts a reader sees. */
    static final List<String> TEXTS = List.of("label", "text", "description", "dateLabel", "timeLabel",
            "placeholder");
    /** English is the forms' own language. */
    static final String OWN_LANGUAGE = "en";

    private FormTranslations() {
    }

    /** The form with its texts in this language (a copy), or the form itself in English. */
    public static JsonNode into(JsonNode form, Locale language) {
        if (OWN_LANGUAGE.equals(language.getLanguage())) {
            return form;
        }
        JsonNode copy = form.deepCopy();
        translate(copy.path("components"), language.getLanguage());
        return copy;
    }

    /** The property that holds this text of a component in this language ({@code label.es}). */
    static String property(String text, String language) {
        return text + "." + language;
    }

    /** The property that holds the label of this option of a choice in this language ({@code values.yes.es}). */
    static String optionProperty(String value, String language) {
        return "values." + value + "." + language;
    }

    private static void translate(JsonNode components, String language) {
        for (JsonNode component : components) {
            JsonNode properties = component.path("properties");
            if (component instanceof ObjectNode translated) {
                for (String text : TEXTS) {
                    JsonNode own = properties.get(property(text, language));
                    if (own != null && own.isTextual() && translated.has(text)) {
                        translated.set(text, own);
                    }
                }
            }
            for (JsonNode option : component.path("values")) {
                JsonNode own = properties.get(optionProperty(option.path("value").asText(), language));
                if (own != null && own.isTextual() && option instanceof ObjectNode translated) {
                    translated.set("label", own);
                }
            }
            translate(component.path("components"), language);
        }
    }
}
