package org.compromiso.catalog;

import java.time.LocalDate;
import java.util.SortedMap;

import org.compromiso.commitments.NewCommitment;
import org.compromiso.meetings.Meeting;

/**
 * One catalog file: a meeting and the commitments agreed in it (their meeting is the file's), by their position
 * in the file, none when the file records the meeting alone; commitments that could not be read are missing. An
 * invalid meeting block is null, and its date ({@code heldOn}) is still known when it could be read.
 * {@code outcomesOf} names the next-meeting commitment that prepared the meeting (null: none): its process
 * registers the new commitments as the meeting's outcomes.
 */
record CatalogFile(Meeting meeting, LocalDate heldOn, SortedMap<Integer, NewCommitment> commitments,
                   String outcomesOf) {
}
