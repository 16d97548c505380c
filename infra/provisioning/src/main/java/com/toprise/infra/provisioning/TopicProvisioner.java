package com.toprise.infra.provisioning;

import com.toprise.schemas.topics.Topic;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Makes the cluster's topics match the registry: creates the missing ones with their partitions and configs, raises
 * partition counts that are lower than declared, and sets configs that differ. It never lowers partitions (Kafka
 * cannot) nor deletes a topic or a config it does not declare: an operator's extra settings stay.
 */
public final class TopicProvisioner {

    private static final long TIMEOUT_SECONDS = 30;

    private final String bootstrapServers;
    private final short replicationFactor;

    /** @param replicationFactor replicas of a new topic: 1 on the embedded single broker, 3 on a production cluster */
    public TopicProvisioner(String bootstrapServers, short replicationFactor) {
        this.bootstrapServers = bootstrapServers;
        this.replicationFactor = replicationFactor;
    }

    public void apply(Collection<Topic<?, ?>> topics, ProvisioningReport report) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<Topic<?, ?>> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
            create(admin, missing, report);
            List<Topic<?, ?>> present = topics.stream().filter(t -> existing.contains(t.name())).toList();
            reconcile(admin, present, report);
        } catch (ProvisioningFailure e) {
            throw e;
        } catch (Exception e) {
            throw new ProvisioningFailure("cannot provision the topics at " + bootstrapServers + ": " + e.getMessage(), e);
        }
    }

    private void create(Admin admin, List<Topic<?, ?>> missing, ProvisioningReport report) throws Exception {
        if (missing.isEmpty()) {
            return;
        }
        List<NewTopic> requests = missing.stream()
                .map(t -> new NewTopic(t.name(), t.partitions(), replicationFactor).configs(t.configs()))
                .toList();
        admin.createTopics(requests).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        for (Topic<?, ?> t : missing) {
            report.add("topic", t.name(), ProvisioningReport.Action.CREATED,
                    t.partitions() + " partitions" + (t.configs().isEmpty() ? "" : ", " + t.configs()));
        }
    }

    private void reconcile(Admin admin, List<Topic<?, ?>> present, ProvisioningReport report) throws Exception {
        if (present.isEmpty()) {
            return;
        }
        Map<String, TopicDescription> descriptions = admin.describeTopics(present.stream().map(Topic::name).toList())
                .allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<ConfigResource, Config> configs = admin.describeConfigs(present.stream()
                        .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t.name())).toList())
                .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        for (Topic<?, ?> topic : present) {
            List<String> changes = new ArrayList<>();
            int actualPartitions = descriptions.get(topic.name()).partitions().size();
            if (actualPartitions < topic.partitions()) {
                admin.createPartitions(Map.of(topic.name(), NewPartitions.increaseTo(topic.partitions())))
                        .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                changes.add("partitions " + actualPartitions + " -> " + topic.partitions());
            }
            Config actual = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()));
            List<AlterConfigOp> alterations = differing(topic.configs(), actual);
            if (!alterations.isEmpty()) {
                admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()),
                        alterations)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                changes.add(alterations.stream().map(op -> op.configEntry().name() + "=" + op.configEntry().value())
                        .collect(Collectors.joining(", ")));
            }
            String detail = actualPartitions > topic.partitions()
                    ? "has " + actualPartitions + " partitions, more than the " + topic.partitions() + " declared" : "";
            report.add("topic", topic.name(), changes.isEmpty()
                            ? ProvisioningReport.Action.UNCHANGED : ProvisioningReport.Action.UPDATED,
                    changes.isEmpty() ? detail : String.join("; ", changes));
        }
    }

    private static List<AlterConfigOp> differing(Map<String, String> declared, Config actual) {
        List<AlterConfigOp> ops = new ArrayList<>();
        declared.forEach((name, value) -> {
            ConfigEntry entry = actual.get(name);
            if (entry == null || !value.equals(entry.value())) {
                ops.add(new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET));
            }
        });
        return ops;
    }
}
