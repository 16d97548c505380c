package com.toprise.infra.provisioning;

import com.toprise.schemas.topics.Topics;

import java.nio.file.Path;

/**
 * Applies everything the project declares for its clusters: the registry's topics, the index templates and the
 * connector files. The embedded platform and {@code bin/toprise provision} (for real clusters) use the same code;
 * the platform only splits it in steps because its Connect worker starts after the topics exist.
 */
public final class Provisioner {

    private final ProvisioningTarget target;
    private final Path projectRoot;

    public Provisioner(ProvisioningTarget target, Path projectRoot) {
        this.target = target;
        this.projectRoot = projectRoot;
    }

    public ProvisioningReport applyAll(ProvisioningReport report) {
        applyTopics(report);
        applyIndexTemplates(report);
        applyConnectors(report);
        return report;
    }

    public void applyTopics(ProvisioningReport report) {
        new TopicProvisioner(target.kafkaBootstrapServers(), target.replicationFactor()).apply(Topics.all(), report);
    }

    /** Before the connectors: a sink must find its index's template when it creates the index. */
    public void applyIndexTemplates(ProvisioningReport report) {
        IndexTemplates templates = new IndexTemplates(target.elasticsearchUrl());
        for (Path file : ProjectFiles.indexTemplateFiles(projectRoot)) {
            templates.apply(file, report);
        }
    }

    public void applyConnectors(ProvisioningReport report) {
        ConnectorDeployer deployer = new ConnectorDeployer(target.connectUrl());
        for (Path file : ProjectFiles.connectorFiles(projectRoot)) {
            deployer.apply(file, report);
        }
    }
}
