package org.wushe.platform.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * For tests that must do what the application role may not (tamper with the audit trail, drop test tables):
 * connections as the owner role, the one Flyway migrates with.
 */
public final class DatabaseOwner {

    private DatabaseOwner() {}

    /** Unpooled connections as the owner (each statement outside a transaction commits at once). */
    public static DataSource dataSource(ApplicationContext context) {
        return context.getBean(Flyway.class).getConfiguration().getDataSource();
    }

    public static JdbcClient jdbc(ApplicationContext context) {
        return JdbcClient.create(dataSource(context));
    }

    /**
     * Runs {@code work} with the application's own code (its JdbcClient, its transactions) on one transaction
     * of the owner's, rolled back at the end: a test can change what only the owner may change, look at it
     * through the application, and leave nothing behind.
     */
    public static <T> T inRolledBackTransaction(ApplicationContext context, Supplier<T> work) {
        DataSource application = context.getBean(DataSource.class);
        try (Connection owner = dataSource(context).getConnection()) {
            owner.setAutoCommit(false);
            TransactionSynchronizationManager.bindResource(application, new ActiveHolder(owner));
            try {
                return work.get();
            } finally {
                TransactionSynchronizationManager.unbindResource(application);
                owner.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class ActiveHolder extends ConnectionHolder {
        ActiveHolder(Connection connection) {
            super(connection);
            setTransactionActive(true); // the application's @Transactional code joins it instead of opening its own
        }
    }
}
