package dev.launchpad.portal.git;

/** A local repository could not be read or written. */
public final class GitException extends RuntimeException {

    public GitException(String message, Throwable cause) {
        super(message, cause);
    }
}
