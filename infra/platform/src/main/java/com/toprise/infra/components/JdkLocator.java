package com.toprise.infra.components;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds a JDK 21+ for Elasticsearch 9: ES_JAVA_HOME if set, else the newest JDK under /usr/lib/jvm. */
final class JdkLocator {

    private static final Pattern VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

    private JdkLocator() {
    }

    static Path jdk21OrNewer() {
        String configured = System.getenv("ES_JAVA_HOME");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            return jdks.filter(dir -> Files.isExecutable(dir.resolve("bin/java")))
                    .filter(dir -> majorVersion(dir).orElse(0) >= 21)
                    .max(Comparator.comparingInt(dir -> majorVersion(dir).orElse(0)))
                    .orElseThrow(JdkLocator::missing);
        } catch (IOException e) {
            throw missing();
        }
    }

    private static Optional<Integer> majorVersion(Path jdk) {
        try {
            Matcher m = VERSION.matcher(Files.readString(jdk.resolve("release")));
            return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static IllegalStateException missing() {
        return new IllegalStateException("Elasticsearch 9 needs a JDK 21 or newer: set ES_JAVA_HOME");
    }
}
