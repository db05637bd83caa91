package org.compromiso.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A commit cut off by the database going away is "may or may not have been saved", whatever exception the caller
 * gets (Spring Boot's JdbcTransactionManager translates the commit's, and a failed rollback overrides it); a
 * transaction rolled back for sure, or one that never reached its commit, changed nothing. The connection is a
 * stand-in: a database that dies between a commit's sending and its answer cannot be had on demand (the fault
 * test DatabaseRestartTest meets it by chance).
 */
class CommitOutcomesTest {

    private final Connection connection = mock(Connection.class);
    private TransactionTemplate transaction;

    @BeforeEach
    void transactionManagerWithTheListener() throws SQLException {
        DataSource dataSource = mock(DataSource.class);
        when(dataSource.getConnection()).thenReturn(connection);
        when(connection.getAutoCommit()).thenReturn(true);
        var manager = new JdbcTransactionManager(dataSource);
        manager.setTransactionExecutionListeners(List.of(new CommitOutcomes()));
        transaction = new TransactionTemplate(manager);
        CommitOutcomes.forget();
    }

    @Test
    void aCommitCutOffWithItsRollbackIsInDoubt() throws SQLException {
        doThrow(new SQLException("terminating connection due to administrator command", "57P01")).when(connection).commit();
        doThrow(new SQLException("This connection has been closed.", "08003")).when(connection).rollback();

        Throwable failure = catchThrowable(() -> transaction.executeWithoutResult(status -> { }));

        assertThat(failure).isNotNull();
        assertThat(DatabaseOutage.causedBy(failure)).isTrue();
        assertThat(DatabaseOutage.inDoubt(failure)).isTrue();
        assertThat(DatabaseOutage.explanation(failure)).contains("may or may not have been saved");
    }

    @Test
    void aFailedCommitThatWasRolledBackChangedNothing() throws SQLException {
        doThrow(new SQLException("could not serialize access", "40001")).when(connection).commit();

        Throwable failure = catchThrowable(() -> transaction.executeWithoutResult(status -> { }));

        assertThat(failure).isNotNull();
        assertThat(DatabaseOutage.inDoubt(failure)).isFalse();
    }

    @Test
    void aTransactionThatFailedBeforeItsCommitChangedNothingAndTheNextOneStartsClean() throws SQLException {
        doThrow(new SQLException("terminating connection due to administrator command", "57P01")).when(connection).commit();
        doThrow(new SQLException("This connection has been closed.", "08003")).when(connection).rollback();
        catchThrowable(() -> transaction.executeWithoutResult(status -> { }));
        assertThat(CommitOutcomes.lastCommitInDoubt()).isTrue();

        Throwable failure = catchThrowable(() -> transaction.executeWithoutResult(status -> {
            throw new IllegalStateException("refused before the commit");
        }));

        assertThat(failure).isNotNull();
        assertThat(DatabaseOutage.inDoubt(failure)).as("a new transaction forgets the last one's doubt").isFalse();
    }
}
