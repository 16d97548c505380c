package com.toprise.infra.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A dynamic class-data-sharing archive of one child JVM (JDK 13+): the classes a start loaded, mapped ready-parsed
 * by the next start instead of being read, verified and parsed again. Two cores spend most of a Spring service's
 * start-up on exactly that, for five services at once. The first start records
 * ({@code -XX:ArchiveClassesAtExit}, written when the JVM exits) into a file of its own, and {@link #promote} moves a
 * complete recording into place after the process has ended, so two platforms starting at once never map a file
 * that is still being written. The archive lives in the cache dir under a key of the JDK and the exact jars: a
 * rebuilt jar or another JDK gets a new archive, never a stale one (the JVM refuses a mismatched one anyway and
 * starts without it).
 */
public final class ClassDataArchive {

    private final Path archive;
    private final Path recording;

    /** @param key what the classes come from (module, jar checksum); the JDK's version is added here */
    public ClassDataArchive(Path cacheDir, String name, String key) {
        Path dir = cacheDir.resolve("cds");
        String file = name + "-" + key + "-jdk" + Runtime.version().feature() + "." + Runtime.version().update();
        this.archive = dir.resolve(file + ".jsa");
        this.recording = dir.resolve(file + ".recording-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    /** The JVM options of the next start: map the archive when there is one, record one otherwise. */
    public List<String> jvmOptions() {
        if (Files.isRegularFile(archive)) {
            // -Xshare:auto (the default) starts without the archive if the JVM finds it unusable
            return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        }
        return List.of("-XX:ArchiveClassesAtExit=" + recording, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /** After the process ended: keeps a finished recording as the archive (the first one wins). */
    public void promote() {
        if (!Files.isRegularFile(recording)) {
            return;
        }
        try {
            if (!Files.exists(archive) && Files.size(recording) > 0) {
                try {
                    Files.move(recording, archive, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(recording, archive);
                }
            }
            Files.deleteIfExists(recording);
        } catch (IOException e) {
            // another platform promoted its recording first: ours is not needed
            try {
                Files.deleteIfExists(recording);
            } catch (IOException ignored) {
                // a left-over recording only costs disk, and has a name no start will map
            }
        }
    }
}
