package com.toprise.infra.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A child process of the platform: output appended to its log file, pid written to its pid file. */
public final class ManagedProcess {

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Path pidFile;

    private ManagedProcess(String name, Process process, Path logFile, Path pidFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.pidFile = pidFile;
    }

    public static ManagedProcess start(String name, List<String> command, Map<String, String> environment,
                                       Path workDir, Path logFile, Path pidFile) {
        try {
            Files.createDirectories(logFile.getParent());
            Files.createDirectories(pidFile.getParent());
            Files.createDirectories(workDir);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().putAll(environment);
            Process process = builder.start();
            Files.writeString(pidFile, Long.toString(process.pid()));
            return new ManagedProcess(name, process, logFile, pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** Runs a command to completion (a preparation step such as formatting storage); fails on a non-zero exit. */
    public static void runToCompletion(String name, List<String> command, Map<String, String> environment,
                                       Path workDir, Path logFile, Duration timeout) {
        ManagedProcess step = start(name, command, environment, workDir, logFile,
                logFile.resolveSibling(name + ".pid"));
        try {
            if (!step.process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                step.stop(Duration.ofSeconds(2));
                throw new IllegalStateException(name + " did not finish within " + timeout + "; see " + logFile);
            }
            if (step.process.exitValue() != 0) {
                throw new IllegalStateException(name + " exited with " + step.process.exitValue() + "; see " + logFile);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + " interrupted", e);
        } finally {
            step.deletePidFile();
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    public long treeRssBytes() {
        return Processes.treeRssBytes(process.pid());
    }

    public void stop(Duration grace) {
        if (process.isAlive()) {
            Processes.terminate(process.toHandle(), grace);
        }
        deletePidFile();
    }

    /** SIGKILL: no shutdown hooks, no flush, as in a crash or an OOM kill. */
    public void kill() {
        process.destroyForcibly();
        process.onExit().join();
        deletePidFile();
    }

    private void deletePidFile() {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // a stale pid file is checked against the command line before it is trusted
        }
    }
}
