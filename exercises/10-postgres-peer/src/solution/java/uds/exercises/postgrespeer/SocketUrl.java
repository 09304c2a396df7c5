package uds.exercises.postgrespeer;

import java.nio.file.Path;

import org.newsclub.net.unix.AFUNIXSocketFactory;

/**
 * Exercise 10.1, solved: junixsocket's factory gives pgjdbc the java.net.Socket the JDK cannot,
 * connected to the file whatever the host; no SSL, which pgjdbc would otherwise try first and,
 * after a refusal, try again without.
 */
final class SocketUrl {

    static String of(Path socket, String database) {
        return "jdbc:postgresql://localhost/" + database
                + "?socketFactory=" + AFUNIXSocketFactory.FactoryArg.class.getName()
                + "&socketFactoryArg=" + socket
                + "&sslmode=disable";
    }

    private SocketUrl() {
    }
}
