package com.toprise.infra.platform;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** The classpath of child JVMs: the platform's classes and the runtime jars Maven copies to infra/platform/target/lib. */
public final class InfraClasspath {

    private InfraClasspath() {
    }

    public static String of(Path projectRoot) {
        Path target = projectRoot.resolve("infra/platform/target");
        if (!Files.isDirectory(target.resolve("lib")) || !Files.isDirectory(target.resolve("classes"))) {
            throw new IllegalStateException("the platform is not built: run ./mvnw -DskipTests package in " + projectRoot);
        }
        return target.resolve("classes") + File.pathSeparator + target.resolve("lib") + File.separator + "*";
    }
}
