package org.compromiso.catalog;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * What the YAML and JSON readers complain of, in the desk's words: what is wrong and how to write it instead.
 * Library text ("Cannot deserialize value of type ...", "mapping values are not allowed here") never reaches the
 * desk.
 */
final class CatalogReasons {

    private CatalogReasons() {
    }

    /** A value of the wrong form, or a field the catalog does not have. */
    static String of(MismatchedInputException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            var known = new TreeSet<String>();
            unknown.getKnownPropertyIds().forEach(id -> known.add(String.valueOf(id)));
            return "unknown field '" + unknown.getPropertyName() + "'; the fields here are " + String.join(", ", known);
        }
        Class<?> type = e.getTargetType();
        if (type == null) {
            return "has a value of the wrong form";
        }
        if (LocalDate.class.isAssignableFrom(type)) {
            return "must be a date written as YYYY-MM-DD, such as 2024-06-30";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "must be text; put it in quotes";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "must be a mapping of names to values, such as {MX: sre, US: state}";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "must be a list, such as [sre, state]";
        }
        return "must be a mapping of fields (name: value), one per line";
    }

    /** Why the text could not be read as YAML or JSON at all. */
    static String syntax(JsonProcessingException e, boolean yaml) {
        String message = String.valueOf(e.getOriginalMessage());
        if (message.startsWith("Duplicate field")) {
            return "the field " + message.substring("Duplicate field".length()).trim() + " appears twice";
        }
        if (!yaml) {
            return "the file is not valid JSON here: check the commas, brackets and quotes";
        }
        String problem = e.getCause() instanceof MarkedYAMLException marked ? String.valueOf(marked.getProblem()) : "";
        if (problem.contains("mapping values are not allowed")) {
            return "a value contains a colon followed by a space: put the whole value in quotes";
        }
        if (problem.contains("'\\t'") || problem.contains("\t")) {
            return "a tab character: indent with spaces only";
        }
        if (problem.contains("end of stream")) {
            return "a quote or bracket opened here is never closed";
        }
        if (problem.contains("could not find expected ':'")) {
            return "a line that is neither 'field: value' nor a list item '- ...'";
        }
        if (problem.contains("block end") || problem.contains("indentation")) {
            return "the indentation does not match the lines above";
        }
        return "the file is not valid YAML here: check the indentation, the colons and the quotes";
    }
}
