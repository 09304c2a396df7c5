package uds.support;

/** A wrong command line: reported with a hint to --help, exit code 2. */
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
