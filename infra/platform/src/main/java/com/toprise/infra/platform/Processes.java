package com.toprise.infra.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/** Small facts about operating-system processes, read from /proc. */
public final class Processes {

    private Processes() {
    }

    public static boolean isRoot() {
        return "0".equals(statusField(ProcessHandle.current().pid(), "Uid:").map(v -> v.split("\\s+")[0]).orElse(""));
    }

    /** The java launcher of this JVM, so children run on the same JDK. */
    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Resident set size of a process and all its descendants, in bytes (0 when gone). */
    public static long treeRssBytes(long pid) {
        return sumOverTree(pid, p -> rssBytes(p.pid()));
    }

    /** CPU time (user and system) used so far by a process and its living descendants, in nanoseconds. */
    public static long treeCpuNanos(long pid) {
        return sumOverTree(pid, Processes::cpuNanos);
    }

    /** CPU time (user and system) used so far by this one process, in nanoseconds (0 when unknown). */
    public static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private static long sumOverTree(long pid, ToLongFunction<ProcessHandle> figure) {
        return ProcessHandle.of(pid)
                .map(h -> Stream.concat(Stream.of(h), h.descendants()).mapToLong(figure).sum())
                .orElse(0L);
    }

    public static long rssBytes(long pid) {
        return statusField(pid, "VmRSS:")
                .map(v -> Long.parseLong(v.replace("kB", "").trim()) * 1024)
                .orElse(0L);
    }

    public static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"))).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    /** SIGTERM, then SIGKILL after the grace period, for the process and whatever it started. */
    public static void terminate(ProcessHandle process, Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception timedOut) {
            process.destroyForcibly();
        }
        for (ProcessHandle child : descendants) {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
    }

    private static Optional<String> statusField(long pid, String field) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
            return lines.filter(l -> l.startsWith(field)).map(l -> l.substring(field.length()).trim()).findFirst();
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }
}
