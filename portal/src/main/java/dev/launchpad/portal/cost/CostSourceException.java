package dev.launchpad.portal.cost;

/** A cost source could not answer; the refresh keeps what it stored before and records the message. */
public final class CostSourceException extends RuntimeException {

    public CostSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
