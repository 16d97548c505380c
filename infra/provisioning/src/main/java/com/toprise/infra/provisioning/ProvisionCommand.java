package com.toprise.infra.provisioning;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code bin/toprise provision}: applies the topics, index templates and connectors to the clusters named by the
 * production environment variables ({@link ProvisioningTarget#SETTINGS}) and prints what it did, one line each.
 * Exit 0 when everything is applied, 1 when a cluster refused something, 2 when a setting is missing.
 */
public final class ProvisionCommand {

    private ProvisionCommand() {
    }

    public static void main(String[] args) {
        ProvisioningTarget target;
        try {
            target = ProvisioningTarget.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("provision: " + e.getMessage());
            ProvisioningTarget.SETTINGS.forEach(s -> System.err.printf("  %-34s %s%s%n", s.variable(), s.doc(),
                    s.defaultValue() == null ? "" : " (default " + s.defaultValue() + ")"));
            System.exit(2);
            return;
        }
        Path projectRoot = projectRoot();
        ProvisioningReport report = new ProvisioningReport(System.out::println);
        try {
            new Provisioner(target, projectRoot).applyAll(report);
        } catch (RuntimeException e) {
            System.err.println("provision: " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.printf("%d objects, %d changed%n", report.lines().size(), report.changes().size());
        System.exit(0);
    }

    private static Path projectRoot() {
        String configured = System.getenv("TOPRISE_PROJECT_ROOT");
        Path root = configured == null || configured.isBlank() ? Path.of("") : Path.of(configured);
        if (!Files.isDirectory(root.resolve("connectors/deploy"))) {
            throw new IllegalStateException("no connectors/deploy under " + root.toAbsolutePath()
                    + ": run from the project root or set TOPRISE_PROJECT_ROOT");
        }
        return root.toAbsolutePath();
    }
}
