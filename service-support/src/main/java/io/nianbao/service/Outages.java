package io.nianbao.service;

import io.nianbao.events.serde.SchemaRegistryException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells a failure caused by something the service depends on being away (the broker, the schema
 * registry, the database, the mail server) from one caused by the record itself. A record that
 * failed for an outage is good: it waits until the dependency is back instead of being
 * dead-lettered ({@link DeadLetters}).
 */
public final class Outages {

    /**
     * SQLSTATE classes of a server away or failing as a whole: connection exception (08), insufficient
     * resources (53), operator intervention (57: shut down, restarting), system error (58).
     */
    private static final Set<String> SQL_SERVER_UNAVAILABLE = Set.of("08", "53", "57", "58");

    private Outages() {
    }

    /**
     * A failure that a client of a dependency has already recognised as the dependency being away
     * (notify-service's mail server closing the connection before its greeting, say), where the
     * exception type alone would not tell.
     */
    public interface DependencyAway {
    }

    /** True if the failure, or any cause of it, says a dependency could not be reached or is failing as a whole. */
    public static boolean isOutage(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (isOutageItself(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOutageItself(Throwable failure) {
        return switch (failure) {
            case DependencyAway e -> true;
            // Sockets: the mail server, a database or the registry refusing connections or not answering.
            case ConnectException e -> true;
            case NoRouteToHostException e -> true;
            case UnknownHostException e -> true;
            case SocketTimeoutException e -> true;
            // A send or a request the broker did not answer within its timeout.
            case org.apache.kafka.common.errors.TimeoutException e -> true;
            case SchemaRegistryException e -> e.unavailable();
            case TransientDataAccessException e -> true;
            case DataAccessResourceFailureException e -> true;
            case CannotCreateTransactionException e -> true;
            case SQLTransientException e -> true;
            case SQLRecoverableException e -> true;
            case SQLException e -> e.getSQLState() != null && e.getSQLState().length() >= 2
                    && SQL_SERVER_UNAVAILABLE.contains(e.getSQLState().substring(0, 2));
            default -> false;
        };
    }
}
