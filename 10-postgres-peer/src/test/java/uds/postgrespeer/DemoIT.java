package uds.postgrespeer;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import uds.support.PostgresCluster;
import uds.support.ThisProcess;
import uds.support.testing.TourOutput;

/** The tour runs from the jar and shows each step; its output becomes the walkthrough's transcript. */
class DemoIT {

    @Test
    void theTourShowsEveryStepInOrder() throws Exception {
        assumeTrue(PostgresCluster.binaries().isPresent(), "PostgreSQL is not installed (Debian: apt-get install postgresql)");
        String owner = ThisProcess.isRoot() ? "postgres" : ThisProcess.userName();
        List<String> expectedInOrder = new ArrayList<>(List.of(
                "postgres \\| PostgreSQL serving on .*/\\.s\\.PGSQL\\.5432 as OS user " + owner + ", no TCP",
                "query \\| " + owner + " \\| " + owner + "$"));
        if (ThisProcess.isRoot()) {
            expectedInOrder.add("query \\| error: PostgreSQL refused role postgres: .* nobody \\(uid \\d+\\)");
            expectedInOrder.add("query \\| nobody \\| 10000$");
        } else if (!owner.equals("postgres")) {
            expectedInOrder.add("query \\| error: PostgreSQL refused role postgres: ");
        }
        expectedInOrder.addAll(List.of(
                "query \\| reader \\| reader$",
                "query \\| " + owner + " \\| NULL \\| client backend$",
                "log \\| .*connection authorized: user=" + owner,
                "ls \\| srwxrwxrwx .* \\.s\\.PGSQL\\.5432$",
                "ls \\| -rw------- .* \\.s\\.PGSQL\\.5432\\.lock$",
                "postgres \\| stopped"));
        TourOutput.check(expectedInOrder);
    }
}
