package com.toprise.infra.components;

import com.toprise.infra.platform.DataDirs;
import com.toprise.infra.platform.ManagedProcess;
import com.toprise.infra.platform.Processes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A Spring Boot executable jar unpacked by its own tools ({@code -Djarmode=tools extract}) into the cache dir: the
 * application jar plus {@code lib/}, a plain classpath that class-data sharing can archive (classes inside nested jars
 * cannot be). Keyed by the jar's size and modification time, so a rebuilt jar is unpacked afresh; unpacked into a
 * temporary dir and renamed, so a crash mid-way leaves nothing that looks complete.
 */
final class ExtractedJar {

    private final Path executableJar;
    private final Path dir;

    ExtractedJar(Path executableJar, Path cacheDir, String module) throws IOException {
        this.executableJar = executableJar;
        this.dir = cacheDir.resolve("services").resolve(module + "-" + key());
    }

    /** What identifies this build of the jar in cache file names. */
    String key() throws IOException {
        return Long.toHexString(Files.size(executableJar)) + "-"
                + Long.toHexString(Files.getLastModifiedTime(executableJar).toMillis());
    }

    /** The unpacked application jar to run with {@code -jar}, unpacking it first when needed. */
    Path applicationJar(Path logFile) {
        Path jar = dir.resolve(executableJar.getFileName());
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        Path temporary = dir.resolveSibling(dir.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(temporary.getParent());
            ManagedProcess.runToCompletion("extract-" + dir.getFileName(), List.of(Processes.javaBinary(),
                            "-Djarmode=tools", "-jar", executableJar.toString(), "extract", "--force",
                            "--destination", temporary.toString()),
                    Map.of(), temporary.getParent(), logFile, Duration.ofSeconds(120));
            Files.move(temporary, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.isRegularFile(jar)) { // unless another platform unpacked the same jar meanwhile
                throw new UncheckedIOException("cannot unpack " + executableJar + " into " + dir, e);
            }
        } finally {
            DataDirs.deleteTree(temporary);
        }
        return jar;
    }
}
