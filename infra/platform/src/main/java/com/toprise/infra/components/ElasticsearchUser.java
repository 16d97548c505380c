package com.toprise.infra.components;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The unprivileged system user Elasticsearch runs as when the platform is started by root. */
final class ElasticsearchUser {

    static final String NAME = "toprise";

    private ElasticsearchUser() {
    }

    static void ensureExists() {
        if (run(List.of("id", "-u", NAME)) != 0
                && run(List.of("useradd", "--system", "--user-group", "--no-create-home",
                "--shell", "/usr/sbin/nologin", NAME)) != 0 && run(List.of("id", "-u", NAME)) != 0) {
            throw new IllegalStateException("cannot create the system user '" + NAME + "' that runs Elasticsearch");
        }
    }

    static void takeOwnership(Path dir) {
        if (run(List.of("chown", "-R", NAME + ":" + NAME, dir.toString())) != 0) {
            throw new IllegalStateException("cannot give " + dir + " to user " + NAME);
        }
    }

    /** setpriv execs in place, so the pid the platform records is Elasticsearch's own launcher. */
    static List<String> runAsPrefix() {
        return List.of("setpriv", "--reuid=" + NAME, "--regid=" + NAME, "--init-groups", "--");
    }

    /** Root may keep data where another user cannot walk (e.g. under /root): say so instead of failing obscurely. */
    static Optional<String> checkCanReach(List<Path> paths) {
        for (Path path : paths) {
            List<String> test = new ArrayList<>(runAsPrefix());
            test.addAll(List.of("test", "-r", path.toString()));
            if (run(test) != 0) {
                return Optional.of("user '" + NAME + "' cannot reach " + path
                        + ": choose TOPRISE_DATA_DIR / TOPRISE_CACHE_DIR outside directories closed to other users");
            }
        }
        return Optional.empty();
    }

    private static int run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
