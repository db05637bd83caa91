package org.compromiso.catalog;

import java.util.List;

/**
 * What an import did: the meeting (created, or corrected field by field), the commitments it registered, those it
 * recorded as the outcomes of the next-meeting commitment {@code outcomesOf} (registered by its process when Record
 * outcomes is completed), those it corrected (each field with its old and new value) and those that were there
 * already as the file has them.
 */
public record ImportResult(String meeting, boolean meetingCreated, List<String> registered, String outcomesOf,
                           List<String> recordedAsOutcomes, List<String> unchanged, List<Corrected> corrected) {

    /** One corrected field of a meeting or commitment, by its code. */
    public record Corrected(String code, String field, String from, String to) {
    }
}
