package org.compromiso.reminders;

import java.security.Principal;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code GET /api/calendar}: your feed's URL; {@code GET /calendar/{token}.ics}: the feed itself. */
@RestController
class CalendarController {

    private final CalendarFeed feed;

    CalendarController(CalendarFeed feed) {
        this.feed = feed;
    }

    @GetMapping("/api/calendar")
    Map<String, String> myFeed(Principal user) {
        return Map.of("url", url(feed.tokenOf(user.getName(), false)));
    }

    @PostMapping("/api/calendar/renew")
    Map<String, String> renew(Principal user) {
        return Map.of("url", url(feed.tokenOf(user.getName(), true)));
    }

    @GetMapping("/calendar/{token}.ics")
    ResponseEntity<String> calendar(@PathVariable String token) {
        String calendar = feed.calendar(token)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such calendar"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar; charset=UTF-8")).body(calendar);
    }

    private static String url(String token) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/calendar/{token}.ics")
                .buildAndExpand(token).toUriString();
    }
}
