package org.compromiso.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.compromiso.identity.Viewer;
import org.compromiso.meetings.Meeting;
import org.compromiso.identity.Groups;
import org.compromiso.meetings.MeetingRepository;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * {@code /reports/status} as a page, and as {@code .pdf}, {@code .csv} and {@code .json} from the same data;
 * filters and {@code asOf} as query parameters. Coordinators see their agencies' commitments only.
 */
@Controller
class ReportController {

    private static final Set<String> ASSESSORS = Set.of("GROUP_" + Groups.LEADERSHIP, "GROUP_" + Groups.DESK,
            "GROUP_" + Groups.ADMINS);

    private final StatusReports reports;
    private final ReportRenderer renderer;
    private final MeetingRepository meetings;
    private final Clock clock;

    ReportController(StatusReports reports, ReportRenderer renderer, MeetingRepository meetings, Clock clock) {
        this.clock = clock;
        this.reports = reports;
        this.renderer = renderer;
        this.meetings = meetings;
    }

    @GetMapping("/reports/status")
    String page(@Valid Params params, HttpServletRequest request, Authentication user, Model model) {
        var report = draw(params, user);
        model.addAllAttributes(renderer.model(report, request.getQueryString() == null ? "" : request.getQueryString(),
                meetingCodes(), false, params.page() == null ? 1 : params.page()));
        model.addAttribute("canAssess", user.getAuthorities().stream().map(Object::toString).anyMatch(ASSESSORS::contains));
        return "reports/status";
    }

    @GetMapping("/reports/status.json")
    @ResponseBody
    StatusReport json(@Valid Params params, Authentication user) {
        return draw(params, user);
    }

    @GetMapping("/reports/status.csv")
    ResponseEntity<String> csv(@Valid Params params, Authentication user) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"status.csv\"")
                .body(renderer.csv(draw(params, user)));
    }

    @GetMapping("/reports/status.pdf")
    ResponseEntity<byte[]> pdf(@Valid Params params, Authentication user) {
        var report = draw(params, user);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"status-" + report.asOf() + ".pdf\"")
                .body(renderer.pdf(report, meetingCodes()));
    }

    private StatusReport draw(Params params, Authentication user) {
        Viewer viewer = Viewer.of(user);
        Set<String> visibleTo = viewer.seesEverything() ? null : viewer.groups();
        var filter = new ReportFilter(blank(params.meeting()), blank(params.agency()), blank(params.party()),
                params.status(), blank(params.period()),
                "all".equals(params.trend()) ? firstMeeting(blank(params.meeting())) : null);
        String language = "es".equals(params.lang()) ? "es" : "en";
        if (params.at() != null) {
            return reports.draw(params.at(), filter, visibleTo, language);
        }
        if (params.asOf() == null || params.asOf().equals(LocalDate.now(clock))) {
            return reports.draw(clock.instant(), filter, visibleTo, language);
        }
        return reports.draw(params.asOf(), filter, visibleTo, language);
    }

    /** Where the trend "since the first meeting" starts: the day the report's meeting, or the first of all, began. */
    private LocalDate firstMeeting(String meeting) {
        return meetings.findAll().stream().filter(m -> meeting == null || m.code().equals(meeting))
                .map(Meeting::heldOn).min(LocalDate::compareTo).orElse(null);
    }

    private List<String> meetingCodes() {
        return meetings.findAll().stream().map(Meeting::code).toList();
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * The report's query parameters: {@code asOf} a day (its end), or {@code at} a precise moment; {@code period}
     * the reporting period of the compliance matrix (none: each party's latest score); {@code trend} {@code all}
     * draws the trend since the first meeting (none: the last weeks); {@code page} the page of the list of all
     * commitments on the HTML page (the other forms hold every commitment).
     */
    record Params(String meeting, String agency, String party, Status status, String lang,
                  @Pattern(regexp = "|weeks|all", message = "must be weeks or all") String trend,
                  @Pattern(regexp = "|[0-9]{4}-(Q[1-4]|H[12]|[0-9]{2})", message = "must be like 2024-Q1, 2024-H1 or 2024-03")
                  String period,
                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) java.time.Instant at,
                  @Min(value = 1, message = "must be 1 or more") Integer page) {
    }
}
