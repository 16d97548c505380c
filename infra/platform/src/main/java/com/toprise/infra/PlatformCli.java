package com.toprise.infra;

import com.toprise.infra.platform.EmbeddedPlatform;
import com.toprise.infra.platform.PlatformComponent;
import com.toprise.infra.platform.PlatformSettings;
import com.toprise.infra.platform.Probes;
import com.toprise.infra.platform.Processes;

import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/** {@code bin/toprise up | down | status}: the platform's command line ({@code bench} and {@code provision} have mains of their own). */
public final class PlatformCli {

    private PlatformCli() {
    }

    public static void main(String[] args) throws Exception {
        // initialise logging before the parallel start-up threads race to do it (SLF4J's "substitute loggers" warning)
        LoggerFactory.getLogger(PlatformCli.class);
        String command = args.length == 0 ? "help" : args[0];
        PlatformSettings settings = PlatformSettings.fromEnvironment(PlatformSettings.locateProjectRoot());
        int exit = switch (command) {
            case "up" -> up(settings);
            case "down" -> down(settings);
            case "status" -> status(settings);
            default -> {
                System.out.println("usage: toprise up | down | status");
                yield "help".equals(command) ? 0 : 2;
            }
        };
        System.exit(exit);
    }

    private static int up(PlatformSettings settings) throws IOException, InterruptedException {
        Optional<Long> running = launcherPid(settings);
        if (running.isPresent()) {
            System.err.println("the platform already runs from " + settings.dataDir() + " (pid " + running.get()
                    + "); `bin/toprise down` stops it");
            return 1;
        }
        EmbeddedPlatform platform = new EmbeddedPlatform(settings, System.out);
        Files.createDirectories(settings.runDir());
        Files.writeString(launcherPidFile(settings), Long.toString(ProcessHandle.current().pid()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            platform.stop();
            deleteQuietly(launcherPidFile(settings));
            stopped.countDown();
        }, "platform-shutdown"));
        try {
            platform.start();
        } catch (RuntimeException e) {
            return 1;
        }
        System.out.println();
        System.out.print(summaryTable(platform));
        System.out.println();
        System.out.println("data: " + settings.dataDir() + "   Ctrl-C or `bin/toprise down` stops everything");
        stopped.await();
        return 0;
    }

    /** Stops the launcher (which stops its children), then anything of ours a killed launcher left behind. */
    private static int down(PlatformSettings settings) throws IOException {
        launcherPid(settings).flatMap(ProcessHandle::of)
                .ifPresent(launcher -> Processes.terminate(launcher, Duration.ofSeconds(90)));
        deleteQuietly(launcherPidFile(settings));
        int leftovers = 0;
        if (Files.isDirectory(settings.runDir())) {
            try (var pidFiles = Files.list(settings.runDir())) {
                for (Path pidFile : pidFiles.toList()) {
                    Optional<ProcessHandle> process = ourProcess(settings, pidFile);
                    if (process.isPresent()) {
                        Processes.terminate(process.get(), Duration.ofSeconds(30));
                        leftovers++;
                    }
                    deleteQuietly(pidFile);
                }
            }
        }
        System.out.println("stopped" + (leftovers > 0 ? " (" + leftovers + " orphaned components)" : ""));
        return 0;
    }

    private static int status(PlatformSettings settings) {
        EmbeddedPlatform platform = new EmbeddedPlatform(settings, System.out);
        System.out.printf("%-22s %-8s %-7s %-8s %s%n", "COMPONENT", "PID", "PORT", "STATE", "ADDRESS");
        boolean allUp = true;
        for (PlatformComponent c : platform.components()) {
            Optional<ProcessHandle> process = ourProcess(settings, c.pidFile());
            boolean listening = c.port() == 0 ? c.isReady() : Probes.tcp(c.port());
            String state = process.isEmpty() ? "stopped" : listening ? "running" : "starting";
            allUp &= "running".equals(state);
            System.out.printf("%-22s %-8s %-7d %-8s %s%n", c.name(),
                    process.map(p -> Long.toString(p.pid())).orElse("-"), c.port(), state, c.address());
        }
        return allUp ? 0 : 3;
    }

    /** A pid from a pid file, trusted only if that process still runs with our data dir on its command line. */
    private static Optional<ProcessHandle> ourProcess(PlatformSettings settings, Path pidFile) {
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> Processes.commandLine(pid).contains(settings.dataDir().toString()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> launcherPid(PlatformSettings settings) {
        try {
            long pid = Long.parseLong(Files.readString(launcherPidFile(settings)).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> Processes.commandLine(pid).contains(PlatformCli.class.getName()))
                    .map(ProcessHandle::pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Path launcherPidFile(PlatformSettings settings) {
        return settings.dataDir().resolve("launcher.pid");
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // nothing to clean
        }
    }

    private static String summaryTable(EmbeddedPlatform platform) {
        StringBuilder table = new StringBuilder(String.format("%-22s %-7s %-40s %s%n", "COMPONENT", "PORT", "ADDRESS", "LOG"));
        for (PlatformComponent c : platform.components()) {
            table.append(String.format("%-22s %-7d %-40s %s%n", c.name(), c.port(), c.address(), c.logFile()));
        }
        return table.toString();
    }
}
