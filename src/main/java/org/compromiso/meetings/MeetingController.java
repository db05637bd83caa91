package org.compromiso.meetings;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/meetings")
class MeetingController {

    private final MeetingRepository meetings;

    MeetingController(MeetingRepository meetings) {
        this.meetings = meetings;
    }

    @GetMapping
    List<Meeting> list() {
        return meetings.findAll();
    }

    @GetMapping("/{code}")
    Meeting read(@PathVariable String code) {
        return meetings.find(code)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No meeting " + code));
    }
}
