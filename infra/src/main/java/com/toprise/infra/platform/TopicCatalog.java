package com.toprise.infra.platform;

import com.toprise.schemas.topics.Topics;
import org.apache.kafka.clients.admin.NewTopic;

import java.util.List;
import java.util.Map;

/** The topics the platform creates: the schemas module's registry, one replica each on the single broker. */
final class TopicCatalog {

    private TopicCatalog() {
    }

    static List<NewTopic> all() {
        return Topics.all().stream()
                .map(t -> {
                    NewTopic topic = new NewTopic(t.name(), t.partitions(), (short) 1);
                    // live state, not history: the latest level per key is all a reader needs
                    return t.name().equals(Topics.INVENTORY_LEVELS.name())
                            ? topic.configs(Map.of("cleanup.policy", "compact")) : topic;
                })
                .toList();
    }
}
