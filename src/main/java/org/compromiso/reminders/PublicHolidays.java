package org.compromiso.reminders;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The public holidays of each party, as data in {@code public_holiday} (sources in its migration). */
@Repository
class PublicHolidays {

    private final JdbcClient jdbc;

    PublicHolidays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Set<LocalDate> of(String party) {
        return new HashSet<>(jdbc.sql("SELECT day FROM public_holiday WHERE party = ?").param(party)
                .query(LocalDate.class).list());
    }
}
