package org.compromiso.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: a form in the reader's language, from the translations it carries beside its English; and every form of
 * {@code bpmn/} says all it shows in Spanish too.
 */
class FormTranslationsTest {

    private static final Locale SPANISH = Locale.forLanguageTag("es");
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aSpanishReaderGetsTheSpanishTextsAndTheSameFields() throws IOException {
        JsonNode form = json.readTree("""
                {"id": "Form_Trial", "components": [
                  {"type": "text", "text": "**Confirm.** Say yes or no.",
                   "properties": {"text.es": "**Confirmar.** Diga sí o no."}},
                  {"type": "radio", "key": "answer", "label": "Do you agree?", "validate": {"required": true},
                   "values": [{"label": "Yes", "value": "yes"}, {"label": "No", "value": "no"}],
                   "properties": {"label.es": "¿Está de acuerdo?", "values.yes.es": "Sí"}},
                  {"type": "group", "components": [
                    {"type": "datetime", "subtype": "date", "key": "day", "label": "Day", "dateLabel": "Day",
                     "description": "The first day.",
                     "properties": {"ahead": "true", "dateLabel.es": "Día", "label.es": "Día"}}]}
                ]}""");
        String english = form.toString();

        JsonNode spanish = FormTranslations.into(form, SPANISH);

        assertThat(spanish.at("/components/0/text").asText()).isEqualTo("**Confirmar.** Diga sí o no.");
        assertThat(spanish.at("/components/1/label").asText()).isEqualTo("¿Está de acuerdo?");
        assertThat(spanish.at("/components/1/values/0/label").asText()).isEqualTo("Sí");
        assertThat(spanish.at("/components/1/values/1/label").asText()).as("no translation: English").isEqualTo("No");
        assertThat(spanish.at("/components/2/components/0/dateLabel").asText()).isEqualTo("Día");
        assertThat(spanish.at("/components/2/components/0/description").asText()).isEqualTo("The first day.");
        assertThat(keysAndChecks(spanish)).isEqualTo(keysAndChecks(form));
        assertThat(form.toString()).as("the form itself is untouched").isEqualTo(english);
        assertThat(FormTranslations.into(form, Locale.ENGLISH)).isSameAs(form);
    }

    @Test
    void everyFormOfTheBpmnFolderSaysAllItShowsInSpanish() throws IOException {
        var missing = new ArrayList<String>();
        int texts = 0;
        for (Path file : forms()) {
            texts += untranslated(file.getFileName().toString(), json.readTree(file.toFile()).path("components"),
                    missing);
        }
        assertThat(texts).as("texts read").isGreaterThan(300);
        assertThat(missing).as("texts without their Spanish").isEmpty();
    }

    private static int untranslated(String file, JsonNode components, List<String> missing) {
        int texts = 0;
        for (JsonNode component : components) {
            JsonNode properties = component.path("properties");
            for (String text : FormTranslations.TEXTS) {
                if (component.has(text)) {
                    texts++;
                    if (properties.path(FormTranslations.property(text, "es")).asText().isBlank()) {
                        missing.add(file + " " + component.path("id").asText() + " " + text);
                    }
                }
            }
            for (JsonNode option : component.path("values")) {
                texts++;
                String value = option.path("value").asText();
                if (properties.path(FormTranslations.optionProperty(value, "es")).asText().isBlank()) {
                    missing.add(file + " " + component.path("id").asText() + " option " + value);
                }
            }
            texts += untranslated(file, component.path("components"), missing);
        }
        return texts;
    }

    private static List<String> keysAndChecks(JsonNode form) {
        var found = new ArrayList<String>();
        form.findParents("type").forEach(component -> found.add(component.path("type").asText() + " "
                + component.path("key").asText() + " " + component.path("validate") + " "
                + component.path("values").findValuesAsText("value")));
        return found;
    }

    private static List<Path> forms() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            return files.filter(file -> file.toString().endsWith(".form")).sorted().toList();
        }
    }
}
