package org.compromiso.catalog;

import java.util.SortedMap;

import org.compromiso.commitments.NewCommitment;
import org.compromiso.meetings.Meeting;

/**
 * One catalog file: a meeting and the commitments agreed in it (their meeting is the file's), by their position
 * in the file; commitments that could not be read are missing.
 */
record CatalogFile(Meeting meeting, SortedMap<Integer, NewCommitment> commitments) {
}
