package org.compromiso.reminders;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The operator's view of reminders that could not be sent, and a way to send them again. */
@RestController
@RequestMapping("/api/reminders")
class ReminderController {

    private final ReminderOutbox outbox;

    ReminderController(ReminderOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/failed")
    List<Map<String, Object>> failed() {
        return outbox.failed(200);
    }

    @GetMapping("/counts")
    Map<String, Long> counts() {
        return outbox.countByState();
    }

    @PostMapping("/{id}/retry")
    void retry(@PathVariable long id) {
        if (!outbox.retry(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No failed reminder " + id);
        }
    }
}
