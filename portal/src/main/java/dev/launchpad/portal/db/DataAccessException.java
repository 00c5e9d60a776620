package dev.launchpad.portal.db;

import java.sql.SQLException;

/** A database call failed for a reason the caller did not expect. */
public final class DataAccessException extends RuntimeException {

    public DataAccessException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
