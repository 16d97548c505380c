package com.toprise.infra.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the platform lives on disk and what it binds.
 *
 * @param projectRoot the checkout: service jars and the infra classpath are found below it
 * @param dataDir     all state (Kafka logs, Mongo file, ES indices, Redis AOF, broker store), logs and pid files
 * @param cacheDir    unpacked downloads shared by every data dir (the Elasticsearch distribution, redis-server)
 * @param ports       every port bound, all on 127.0.0.1
 * @param withServices whether the Spring services are started after the infrastructure
 */
public record PlatformSettings(Path projectRoot, Path dataDir, Path cacheDir, PlatformPorts ports, boolean withServices) {

    public static PlatformSettings fromEnvironment(Path projectRoot) {
        Map<String, String> env = System.getenv();
        Path data = Path.of(env.getOrDefault("TOPRISE_DATA_DIR", projectRoot.resolve(".toprise/data").toString()));
        return new PlatformSettings(projectRoot, data.toAbsolutePath(), defaultCacheDir(env),
                PlatformPorts.fromEnvironment(env), true);
    }

    /** Root's home is closed to the unprivileged user that runs Elasticsearch, so root caches under /var/cache. */
    static Path defaultCacheDir(Map<String, String> env) {
        String configured = env.get("TOPRISE_CACHE_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        return Processes.isRoot()
                ? Path.of("/var/cache/toprise")
                : Path.of(System.getProperty("user.home"), ".cache", "toprise");
    }

    public PlatformSettings withServices(boolean start) {
        return new PlatformSettings(projectRoot, dataDir, cacheDir, ports, start);
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    public Path runDir() {
        return dataDir.resolve("run");
    }

    /** Finds the checkout from a system property, or by walking up from the working directory to the wrapper. */
    public static Path locateProjectRoot() {
        String configured = System.getProperty("toprise.project.root", System.getenv("TOPRISE_PROJECT_ROOT"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("infra"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the project root: set TOPRISE_PROJECT_ROOT");
    }
}
