package org.compromiso.workflow;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a coordinator needs beside a task's form: the step and what it is for, the commitment it serves (title, the
 * agreed sentence and its source, target date, lead agencies), who the step waits on, and the answers of the earlier
 * steps it answers. Texts are in the caller's language; {@code labels} are the header's own words.
 */
record TaskContext(Step step, Commitment commitment, List<AgencyName> leadAgencies, List<AgencyName> waitsOn,
                   List<Answer> answers, Map<String, String> labels) {

    record Step(String id, String key, String name, String purpose, String due) {
    }

    record Commitment(String code, String title, LocalDate targetDate, String target, String sourceDocument,
                      String quote, String quoteLanguage) {
    }

    record AgencyName(String party, String code, String name) {
    }

    /** An earlier step's recorded answers: who gave them, for which agency, and each value as its form labels it. */
    record Answer(String task, String heading, String by, AgencyName agency, String at, List<Value> values) {
    }

    record Value(String key, String label, String value) {
    }
}
