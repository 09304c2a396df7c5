package uds.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Lookups against this system's own user database: no test assumes a distribution's ids. */
class UserDatabaseTest {

    @Test
    void rootIsUidZeroEverywhere() {
        assertEquals("0(root)", UserDatabase.userLabel(0));
        assertEquals(OptionalLong.of(0), UserDatabase.uidOf("root"));
    }

    @Test
    void namesAndIdsGoBothWays() {
        Optional<OtherUser> nobody = OtherUser.named("nobody");
        assumeTrue(nobody.isPresent(), "this system has no user nobody");
        long uid = nobody.get().uid();
        long gid = nobody.get().gid();
        assertEquals(uid + "(nobody)", UserDatabase.userLabel(uid));
        String group = UserDatabase.groupName(gid).orElseThrow();
        assertEquals(gid + "(" + group + ")", UserDatabase.groupLabel(gid));
        assertEquals(OptionalLong.of(gid), UserDatabase.gidOf(group));
    }

    @Test
    void anIdWithNoEntryIsTheBareNumber() {
        assertEquals("4294967294", UserDatabase.userLabel(4294967294L));
        assertEquals("4000000000", UserDatabase.groupLabel(4000000000L));
        assertEquals(Optional.empty(), UserDatabase.userName(4294967294L));
        assertEquals(OptionalLong.empty(), UserDatabase.uidOf("no-such-user-here"));
        assertEquals(OptionalLong.empty(), UserDatabase.gidOf("no-such-group-here"));
    }

    @Test
    void manyThreadsAtOnceEachGetTheirOwnAnswer() throws Exception {
        // The plain getpwuid() answers in one static buffer: threads would read each other's
        // names. The _r variants this class calls use a buffer per call.
        List<Long> uids = List.of(0L, OtherUser.named("nobody").map(OtherUser::uid).orElse(0L), 4294967294L);
        List<String> expected = uids.stream().map(UserDatabase::userLabel).toList();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Callable<Boolean>> tasks = IntStream.range(0, 8).<Callable<Boolean>>mapToObj(t -> () -> {
                for (int i = 0; i < 2000; i++) {
                    int k = (i + t) % uids.size();
                    if (!UserDatabase.userLabel(uids.get(k)).equals(expected.get(k))) {
                        return false;
                    }
                }
                return true;
            }).toList();
            for (Future<Boolean> result : pool.invokeAll(tasks)) {
                assertEquals(true, result.get());
            }
        }
    }
}
