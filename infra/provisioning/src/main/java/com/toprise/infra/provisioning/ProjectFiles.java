package com.toprise.infra.provisioning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the project keeps what provisioning applies: connector files and index templates. */
public final class ProjectFiles {

    private ProjectFiles() {
    }

    /** The connector files in deploy order (by file name). */
    public static List<Path> connectorFiles(Path projectRoot) {
        return jsonFiles(projectRoot.resolve("connectors/deploy"));
    }

    /** The composable index templates, {@code <name>.json} each. */
    public static List<Path> indexTemplateFiles(Path projectRoot) {
        return jsonFiles(projectRoot.resolve("connectors/src/main/resources/elasticsearch/index-templates"));
    }

    /** The {@code *.json} files directly in a directory, by name; none when it does not exist. */
    static List<Path> jsonFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
