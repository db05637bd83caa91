package org.compromiso.identity;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * The state of a user's account as Camunda's identity holds it now: whether it still exists, is locked, and its
 * groups. Read in one query from the identity tables, because the public API does not say whether a user is locked.
 */
@Component
public class Accounts {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Accounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
    }

    /** The account's groups, or empty when it was deleted or is locked. */
    public Optional<Set<String>> activeGroups(String userId) {
        List<Account> found = jdbc.query("""
                select u.lock_exp_time_,
                       array(select m.group_id_ from act_id_membership m where m.user_id_ = u.id_) as groups
                from act_id_user u where u.id_ = ?""", (row, n) -> new Account(row.getTimestamp(1), groups(row.getArray(2))),
                userId);
        return found.stream().filter(account -> !account.lockedAt(clock)).findFirst().map(Account::groups);
    }

    /** Spring Security's authorities for these Camunda groups: {@code GROUP_<id>}. */
    public static List<GrantedAuthority> authoritiesOf(Iterable<String> groups) {
        var authorities = new ArrayList<GrantedAuthority>();
        groups.forEach(group -> authorities.add(new SimpleGrantedAuthority("GROUP_" + group)));
        return authorities;
    }

    private static Set<String> groups(Array array) throws SQLException {
        return Set.copyOf(Arrays.asList((String[]) array.getArray()));
    }

    private record Account(Timestamp lockedUntil, Set<String> groups) {
        boolean lockedAt(Clock clock) {
            return lockedUntil != null && lockedUntil.toInstant().isAfter(clock.instant());
        }
    }
}
