package com.toprise.infra.components;

import com.toprise.infra.platform.PlatformComponent;
import com.toprise.infra.platform.PlatformSettings;
import com.toprise.infra.platform.Probes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A real redis-server 6.2: the binary shipped inside the embedded-redis jar (a Maven Central artifact),
 * extracted once into the cache and run as a plain process with an append-only file in the data dir.
 */
public final class RedisServer extends PlatformComponent {

    private static final String BINARY = "redis-server-6.2.6-v5-linux-amd64";

    public RedisServer(PlatformSettings settings) {
        super(settings);
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public int port() {
        return settings.ports().redis();
    }

    @Override
    public String address() {
        return "redis://127.0.0.1:" + port();
    }

    @Override
    protected List<String> command() throws IOException {
        return List.of(binary().toString(),
                "--port", Integer.toString(port()),
                "--bind", "127.0.0.1",
                "--dir", home().toString(),
                "--appendonly", "yes",
                "--save", "",
                "--daemonize", "no",
                "--protected-mode", "no");
    }

    @Override
    public boolean isReady() {
        return Probes.redisPing(port());
    }

    private Path binary() throws IOException {
        Path target = settings.cacheDir().resolve("redis").resolve(BINARY);
        if (Files.isExecutable(target)) {
            return target;
        }
        if (!"amd64".equals(System.getProperty("os.arch")) || !System.getProperty("os.name").startsWith("Linux")) {
            throw new IllegalStateException("the bundled redis-server is for linux-amd64 only");
        }
        Files.createDirectories(target.getParent());
        Path staging = Files.createTempFile(target.getParent(), "redis-", ".tmp");
        try (InputStream in = RedisServer.class.getClassLoader().getResourceAsStream(BINARY)) {
            if (in == null) {
                throw new IllegalStateException(BINARY + " is missing from the embedded-redis jar");
            }
            Files.copy(in, staging, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }
}
