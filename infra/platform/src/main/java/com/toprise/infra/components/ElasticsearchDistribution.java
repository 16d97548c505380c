package com.toprise.infra.components;

import com.toprise.infra.platform.DataDirs;
import com.toprise.infra.platform.PlatformSettings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Enumeration;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Elasticsearch zip is a Maven artifact (so ~/.m2 is its download cache); the build copies it to
 * infra/platform/target/dist and it is unpacked once per cache dir, atomically, world-readable.
 */
final class ElasticsearchDistribution {

    private ElasticsearchDistribution() {
    }

    static synchronized Path unpacked(PlatformSettings settings, String version) throws IOException {
        Path target = settings.cacheDir().resolve("elasticsearch-" + version);
        if (Files.isRegularFile(target.resolve("bin/elasticsearch"))) {
            return target;
        }
        Path zip = settings.projectRoot().resolve("infra/platform/target/dist/elasticsearch-" + version + ".zip");
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("missing " + zip + ": run ./mvnw -DskipTests package");
        }
        Files.createDirectories(settings.cacheDir());
        Path staging = Files.createTempDirectory(settings.cacheDir(), "es-unpack-");
        Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = archive.entries();
            while (entries.hasMoreElements()) {
                extract(archive, entries.nextElement(), staging);
            }
        }
        Path root;
        try (Stream<Path> children = Files.list(staging)) {
            root = children.filter(Files::isDirectory).findFirst()
                    .orElseThrow(() -> new IOException("empty Elasticsearch archive " + zip));
        }
        try {
            Files.move(root, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException raced) {
            if (!Files.isRegularFile(target.resolve("bin/elasticsearch"))) {
                throw raced;
            }
        } finally {
            DataDirs.deleteTree(staging);
        }
        return target;
    }

    private static void extract(ZipFile archive, ZipEntry entry, Path into) throws IOException {
        Path out = into.resolve(entry.getName()).normalize();
        if (!out.startsWith(into)) {
            throw new IOException("archive entry outside its folder: " + entry.getName());
        }
        if (entry.isDirectory()) {
            Files.createDirectories(out);
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
            return;
        }
        Files.createDirectories(out.getParent());
        try (InputStream in = archive.getInputStream(entry)) {
            Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
        }
        boolean executable = out.getParent().getFileName().toString().equals("bin");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
    }
}
