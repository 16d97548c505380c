package com.toprise.infra.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One process of the platform. Subclasses say how to prepare its files, how to launch it and how to tell it is ready;
 * this class owns the process, its log and its pid file.
 */
public abstract class PlatformComponent {

    protected final PlatformSettings settings;
    private ManagedProcess process;

    protected PlatformComponent(PlatformSettings settings) {
        this.settings = settings;
    }

    public abstract String name();

    public abstract int port();

    /** What a user connects to, for the final table. */
    public abstract String address();

    /** Whether the component answers its protocol now (not merely whether the port is open). */
    public abstract boolean isReady();

    protected abstract List<String> command() throws Exception;

    /** Writes configuration, formats storage, unpacks binaries: whatever must exist before launch. */
    protected void prepare() throws Exception {
    }

    protected Map<String, String> environment() {
        return Map.of();
    }

    public Duration startTimeout() {
        return Duration.ofSeconds(120);
    }

    protected Path home() {
        return settings.dataDir().resolve(name());
    }

    public Path logFile() {
        return settings.logDir().resolve(name() + ".log");
    }

    public Path pidFile() {
        return settings.runDir().resolve(name() + ".pid");
    }

    public void launch() {
        try {
            prepare();
            process = ManagedProcess.start(name(), command(), environment(), home(), logFile(), pidFile());
        } catch (ComponentFailure e) {
            throw e;
        } catch (Exception e) {
            throw new ComponentFailure(this, "could not be launched: " + e.getMessage(), e);
        }
    }

    public void awaitReady() {
        long deadline = System.nanoTime() + startTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            if (process != null && !process.isAlive()) {
                throw new ComponentFailure(this, "exited during start-up", null);
            }
            if (isReady()) {
                return;
            }
            sleep(Duration.ofMillis(250));
        }
        throw new ComponentFailure(this, "was not ready within " + startTimeout().toSeconds() + " s", null);
    }

    public void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
            process = null;
            afterExit(true);
        }
    }

    /** Fault drills: kills the process outright, as a crash would. */
    public void kill() {
        if (process != null) {
            process.kill();
            process = null;
            afterExit(false);
        }
    }

    /** After the process has ended: {@code clean} when it was asked to stop, not killed. */
    protected void afterExit(boolean clean) {
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process == null ? -1 : process.pid();
    }

    public long rssBytes() {
        return process == null ? 0 : process.treeRssBytes();
    }

    /** A JVM child on the infra classpath, tagged with the data dir so `down` can recognise it by command line. */
    protected List<String> javaCommand(String heap, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Processes.javaBinary(), "-Xms" + heap, "-Xmx" + heap));
        command.addAll(garbageCollector());
        command.addAll(List.of(
                "-Dtoprise.platform=" + settings.dataDir(),
                "-Dlog4j2.configurationFile=platform-component-log4j2.properties",
                "-Djava.io.tmpdir=" + home().resolve("tmp"),
                "-cp", InfraClasspath.of(settings.projectRoot()), mainClass));
        command.addAll(List.of(args));
        try {
            java.nio.file.Files.createDirectories(home().resolve("tmp"));
        } catch (java.io.IOException e) {
            throw new ComponentFailure(this, "cannot create " + home().resolve("tmp"), e);
        }
        return command;
    }

    /** The collector of a JVM child: the serial one, the cheapest in CPU and memory for a small heap. */
    protected List<String> garbageCollector() {
        return List.of("-XX:+UseSerialGC");
    }

    protected static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
