package uds.support;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Why a connect to a socket file failed, and what to do about it: lesson 01 explains it, and
 * every lesson whose client connects to a path uses it.
 */
public final class ConnectFailure {

    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;

    // tag::explain[]
    /**
     * Decides from the exception's type and a look at the path, never from the message: its
     * text is strerror's, in the user's language ("Verbindungsaufbau abgelehnt"), and
     * junixsocket throws a plain SocketException for ENOENT, EACCES and ECONNREFUSED alike.
     */
    public static IOException explain(Path socket, IOException e) {
        int mode;
        try {
            mode = (int) Files.getAttribute(socket, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException missing) {
            return new IOException("no socket at " + socket + ": is the server running?", e);
        } catch (AccessDeniedException denied) { // a directory above it we may not search
            return permissionDenied(socket, e);
        } catch (IOException other) {
            return new IOException("cannot connect to " + socket + ": " + e.getMessage(), e);
        }
        if ((mode & S_IFMT) != S_IFSOCK) {
            return new IOException(socket + " is not a socket: is --socket the right path?", e);
        }
        if (!Files.isWritable(socket)) { // access(2): connect needs write permission
            return permissionDenied(socket, e);
        }
        // A socket file we may use, and a plain refusal: nobody has it open and listening.
        if (e instanceof ConnectException || e.getClass() == SocketException.class) {
            return new IOException("nothing listens on " + socket
                    + ": the socket file is stale (its server is gone)", e);
        }
        return new IOException("cannot connect to " + socket + ": " + e.getMessage(), e);
    }
    // end::explain[]

    private static IOException permissionDenied(Path socket, IOException e) {
        return new IOException("permission denied connecting to " + socket + ": connect needs write"
                + " permission on the socket file and search (x) permission on every directory above it", e);
    }

    private ConnectFailure() {
    }
}
