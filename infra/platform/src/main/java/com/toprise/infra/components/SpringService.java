package com.toprise.infra.components;

import com.toprise.infra.platform.AdminCredentials;
import com.toprise.infra.platform.ClassDataArchive;
import com.toprise.infra.platform.JwtKeys;
import com.toprise.infra.platform.PlatformComponent;
import com.toprise.infra.platform.PlatformSettings;
import com.toprise.infra.platform.Probes;
import com.toprise.infra.platform.Processes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One of our Spring Boot services, run from its executable jar (unpacked once into the cache, with a class-data
 * archive of its start-up) with the {@code local} profile and the platform's addresses passed as the documented
 * TOPRISE_* environment variables.
 */
public final class SpringService extends PlatformComponent {

    private final String module;
    private final int port;
    private final Map<String, String> environment;
    private ClassDataArchive classData;

    public SpringService(PlatformSettings settings, String module, int port, Map<String, String> environment) {
        super(settings);
        this.module = module;
        this.port = port;
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String name() {
        return module;
    }

    /** Every service but the gateway keeps a database whose outbox the CDC sources must see from its first write. */
    public boolean writesToItsDatabase() {
        return !"gateway".equals(module);
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String address() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public Duration startTimeout() {
        return Duration.ofSeconds(240);
    }

    @Override
    protected List<String> command() throws IOException {
        ExtractedJar jar = new ExtractedJar(executableJar(), settings.cacheDir(), module);
        Path applicationJar = jar.applicationJar(logFile());
        classData = new ClassDataArchive(settings.cacheDir(), module, jar.key());
        List<String> command = new ArrayList<>(List.of(Processes.javaBinary(),
                "-Xms64m", "-Xmx320m", "-XX:+UseSerialGC", "-XX:MaxMetaspaceSize=192m", "-Xss512k",
                "-XX:ReservedCodeCacheSize=128m", // at 64m the sweeper flushed hot code and C2 recompiled it for ever (~45% of a core under load)
                "-Dtoprise.platform=" + settings.dataDir()));
        command.addAll(classData.jvmOptions());
        command.addAll(List.of("-jar", applicationJar.toString(), "--spring.profiles.active=local"));
        return command;
    }

    @Override
    protected void afterExit(boolean clean) {
        if (classData != null && clean) {
            classData.promote();
        }
    }

    @Override
    protected Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(environment);
        env.put("SERVER_PORT", Integer.toString(port));
        JwtKeys keys = JwtKeys.ensure(settings.dataDir());
        env.put("TOPRISE_JWT_PUBLIC_KEY", keys.publicPem());
        if ("user-service".equals(module)) { // the only one that signs tokens
            env.put("TOPRISE_JWT_PRIVATE_KEY", keys.privatePem());
            AdminCredentials admin = AdminCredentials.ensure(settings.dataDir());
            env.put("TOPRISE_BOOTSTRAP_ADMIN_EMAIL", admin.email());
            env.put("TOPRISE_BOOTSTRAP_ADMIN_PASSWORD", admin.password());
        }
        return env;
    }

    /** UP only when every dependency it checks (Mongo, Kafka, ES, Redis, AMQP) is UP too. */
    @Override
    public boolean isReady() {
        return Probes.httpGet(address() + "/actuator/health").map(body -> body.contains("\"UP\"")).orElse(false);
    }

    private Path executableJar() throws IOException {
        Path target = settings.projectRoot().resolve("services").resolve(module).resolve("target");
        if (!Files.isDirectory(target)) {
            throw new IllegalStateException(module + " is not built: run ./mvnw -DskipTests package");
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no executable jar in " + target + ": run ./mvnw -DskipTests package"));
        }
    }
}
