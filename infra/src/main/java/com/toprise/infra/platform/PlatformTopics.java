package com.toprise.infra.platform;

import com.toprise.infra.components.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Creates the platform's topics with explicit partition counts (the broker never auto-creates). */
public final class PlatformTopics {

    private PlatformTopics() {
    }

    public static void createAll(String bootstrapServers) {
        try (Admin admin = KafkaBroker.admin(bootstrapServers)) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = TopicCatalog.all().stream()
                    .filter(t -> !existing.contains(t.name()))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the platform's topics: " + e.getMessage(), e);
        }
    }
}
