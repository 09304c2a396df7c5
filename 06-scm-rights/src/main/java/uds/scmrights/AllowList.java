package uds.scmrights;

import java.nio.file.Path;
import java.util.Set;

/**
 * What the opener hands out, and to whom: files by their exact absolute path, users by uid.
 * No users listed means every user may ask (the files are the limit).
 *
 * <p>A request matches only a path written exactly as listed: no {@code ..}, no relative path,
 * no second name for the same file. That the path has no symbolic link in it is for the
 * kernel to check when the file is opened ({@link Openat2}), not for a string comparison.
 */
record AllowList(Set<Path> files, Set<Long> uids) {

    AllowList {
        for (Path file : files) {
            if (!file.isAbsolute() || !file.normalize().equals(file)) {
                throw new IllegalArgumentException("an allowed file must be an absolute path without . or ..: " + file);
            }
        }
        files = Set.copyOf(files);
        uids = Set.copyOf(uids);
    }

    // tag::decide[]
    /** Null if uid may have requested; otherwise why not, as the reply says it. */
    String refusal(long uid, String requested) {
        if (!uids.isEmpty() && !uids.contains(uid)) {
            return "this user may not ask";
        }
        if (files.stream().noneMatch(file -> file.toString().equals(requested))) {
            return "not on the allow list";
        }
        return null;
    }
    // end::decide[]
}
