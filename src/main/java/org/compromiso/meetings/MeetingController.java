package org.compromiso.meetings;

import java.util.List;
import java.util.Map;

import org.compromiso.identity.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Meetings for every logged-in user; the names in the delegations (personal data) only for those who see every
 * commitment (the desk, leadership, admins): a coordinator needs the meeting, not who sat at the table.
 */
@RestController
@RequestMapping("/api/meetings")
class MeetingController {

    private final MeetingRepository meetings;

    MeetingController(MeetingRepository meetings) {
        this.meetings = meetings;
    }

    @GetMapping
    List<Meeting> list(Authentication user) {
        return meetings.findAll().stream().map(meeting -> shownTo(user, meeting)).toList();
    }

    @GetMapping("/{code}")
    Meeting read(@PathVariable String code, Authentication user) {
        return meetings.find(code).map(meeting -> shownTo(user, meeting))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No meeting " + code));
    }

    private static Meeting shownTo(Authentication user, Meeting meeting) {
        return Viewer.of(user).seesEverything() ? meeting : new Meeting(meeting.code(), meeting.title(),
                meeting.heldOn(), meeting.endsOn(), meeting.place(), meeting.summary(), meeting.sources(), Map.of());
    }
}
