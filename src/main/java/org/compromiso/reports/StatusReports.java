package org.compromiso.reports;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Draws status reports: one status query per day shown, then sections cut from its lines. */
@Service
public class StatusReports {

    private static final List<String> PARTIES = List.of("MX", "US", "PA", "GT");
    private static final Set<Status> FINAL = Set.of(Status.DONE, Status.NOT_IMPLEMENTED, Status.CANCELLED);
    private static final int MAX_WEEKLY = 26;
    private static final int MAX_POINTS = 60;

    private final StatusQuery query;
    private final StatusSnapshots snapshots;
    private final ReportProperties properties;
    private final ReportDays days;

    StatusReports(StatusQuery query, StatusSnapshots snapshots, ReportProperties properties, ReportDays days) {
        this.days = days;
        this.query = query;
        this.snapshots = snapshots;
        this.properties = properties;
    }

    /**
     * The report as of the end of {@code asOf}, for what the filter and the viewer's agencies (null: all) allow.
     */
    @Transactional(readOnly = true)
    public StatusReport draw(LocalDate asOf, ReportFilter filter, Set<String> visibleTo, String language) {
        return draw(days.endOf(asOf), asOf, filter, visibleTo, language);
    }

    /** The report as of a precise moment, as it was then: later work does not change it. */
    @Transactional(readOnly = true)
    public StatusReport draw(Instant at, ReportFilter filter, Set<String> visibleTo, String language) {
        return draw(Timestamp.from(at), days.dayOf(at), filter, visibleTo, language);
    }

    private StatusReport draw(Timestamp at, LocalDate asOf, ReportFilter filter, Set<String> visibleTo,
                              String language) {
        query.planForEachRun();
        StatusRules rules = properties.rules();
        List<CommitmentStatus> all = query.statuses(at, asOf, at, filter, visibleTo, rules, language);
        List<CommitmentStatus> lines = filter.status() == null ? all
                : all.stream().filter(line -> line.status() == filter.status()).toList();
        // the report itself is the trend's last bar, and the day a week before serves both the changes and the bar
        // before it; the settled days among them are read together, from their snapshots
        var byDay = new HashMap<LocalDate, Map<String, Status>>();
        if (!days.endOf(asOf).before(at)) {
            byDay.put(asOf, byCode(all));
        }
        Instant now = days.now();
        List<LocalDate> trendDays = trendDays(asOf, filter.trendSince());
        List<LocalDate> settled = Stream.concat(trendDays.stream(), Stream.of(asOf.minusDays(7))).distinct()
                .filter(day -> !byDay.containsKey(day) && days.endOf(day).before(at)
                        && days.settled(day, now)).toList();
        byDay.putAll(snapshots.statuses(settled, at, filter, visibleTo, rules));
        Function<LocalDate, Map<String, Status>> statusesOn =
                day -> byDay.computeIfAbsent(day, earlierDay -> earlier(earlierDay, at, filter, visibleTo, rules));
        Map<String, Status> before = statusesOn.apply(asOf.minusDays(7));
        var changes = lines.stream().filter(line -> before.get(line.code()) != line.status())
                .map(line -> new StatusReport.Change(line.code(), line.title(), before.get(line.code()), line.status()))
                .toList();
        var open = lines.stream().filter(line -> !FINAL.contains(line.status())).toList();
        var compliance = compliance(lines, query.assessments(at, filter.period()));
        var counts = counts(lines.stream().map(CommitmentStatus::status).toList());
        return new StatusReport(asOf, at.toInstant(), filter, language, counts, lines, changes,
                filterLines(lines, line -> line.status() == Status.OVERDUE),
                filterLines(open, line -> line.lastActivity() != null
                        && !line.lastActivity().isAfter(asOf.minusDays(properties.staleDays()))),
                open.stream().filter(line -> line.nextDeadline() != null && !line.nextDeadline().isBefore(asOf)
                                && !line.nextDeadline().isAfter(asOf.plusDays(properties.upcomingDays())))
                        .sorted(Comparator.comparing(CommitmentStatus::nextDeadline)).toList(),
                filterLines(open, CommitmentStatus::blocked), PARTIES, compliance, averages(compliance),
                trend(trendDays, statusesOn));
    }

    /**
     * The statuses of an earlier day, for the trend and the changes: every commitment agreed by then, as its
     * recorded facts of that day judge it, but only commitments recorded by the report's moment {@code at}, and
     * no fact after it. (A settled day's come from its snapshot.)
     */
    private Map<String, Status> earlier(LocalDate day, Timestamp at, ReportFilter filter, Set<String> visibleTo,
                                        StatusRules rules) {
        Timestamp endOfDay = days.endOf(day);
        Timestamp facts = endOfDay.before(at) ? endOfDay : at;
        return byCode(query.statuses(facts, day, at, filter, visibleTo, rules));
    }

    private static Map<String, Status> byCode(List<CommitmentStatus> lines) {
        return lines.stream().collect(Collectors.toMap(CommitmentStatus::code, CommitmentStatus::status));
    }

    private static List<CommitmentStatus> filterLines(List<CommitmentStatus> lines, Predicate<CommitmentStatus> which) {
        return lines.stream().filter(which).toList();
    }

    /**
     * The trend's days, oldest first, ending with the report's own: one a week back {@code trendWeeks}; or from
     * {@code since}, a week apart up to half a year back and a month apart beyond (a bar a week since 2023 would be
     * too thin to read, and each settled day is one snapshot).
     */
    List<LocalDate> trendDays(LocalDate asOf, LocalDate since) {
        var days = new ArrayList<LocalDate>();
        if (since == null) {
            for (int week = properties.trendWeeks() - 1; week >= 0; week--) {
                days.add(asOf.minusWeeks(week));
            }
            return days;
        }
        if (!since.isBefore(asOf)) {
            return List.of(asOf);
        }
        boolean monthly = since.isBefore(asOf.minusWeeks(MAX_WEEKLY));
        // a range of decades (a meeting dated 1990 by mistake) stays within MAX_POINTS bars, months apart
        long months = Math.max(1, (ChronoUnit.MONTHS.between(since, asOf) + MAX_POINTS - 1) / MAX_POINTS);
        for (LocalDate day = asOf; !day.isBefore(since); day = monthly ? day.minusMonths(months) : day.minusWeeks(1)) {
            days.add(0, day);
        }
        if (!days.get(0).equals(since)) {
            days.add(0, since);
        }
        return days;
    }

    private List<StatusReport.TrendPoint> trend(List<LocalDate> trendDays,
                                                Function<LocalDate, Map<String, Status>> statusesOn) {
        return trendDays.stream()
                .map(day -> new StatusReport.TrendPoint(day, counts(statusesOn.apply(day).values()))).toList();
    }

    private static Map<Status, Long> counts(Collection<Status> statuses) {
        var counts = new EnumMap<Status, Long>(Status.class);
        for (Status status : Status.values()) {
            counts.put(status, 0L);
        }
        statuses.forEach(status -> counts.merge(status, 1L, Long::sum));
        return counts;
    }

    private static List<StatusReport.ComplianceLine> compliance(List<CommitmentStatus> lines,
                                                                 Map<String, Map<String, StatusQuery.Score>> assessments) {
        return lines.stream().filter(line -> assessments.containsKey(line.code())).map(line -> {
            var scores = new LinkedHashMap<String, Integer>();
            var periods = new LinkedHashMap<String, String>();
            var rationales = new LinkedHashMap<String, String>();
            assessments.get(line.code()).forEach((party, score) -> {
                scores.put(party, score.score());
                periods.put(party, score.period());
                rationales.put(party, score.rationale());
            });
            return new StatusReport.ComplianceLine(line.code(), line.title(), scores, periods, rationales);
        }).toList();
    }

    /** Each party's mean score over the assessed commitments; null where none is assessed. */
    private static Map<String, Double> averages(List<StatusReport.ComplianceLine> compliance) {
        var averages = new LinkedHashMap<String, Double>();
        for (String party : PARTIES) {
            var mean = compliance.stream().map(line -> line.scores().get(party)).filter(Objects::nonNull)
                    .mapToInt(Integer::intValue).average();
            averages.put(party, mean.isPresent() ? mean.getAsDouble() : null);
        }
        return averages;
    }
}
