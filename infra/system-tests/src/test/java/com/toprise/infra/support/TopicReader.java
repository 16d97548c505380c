package com.toprise.infra.support;

import com.toprise.schemas.topics.Topic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Reads a topic from its start, for tests that assert on what services, connectors and topologies wrote. A
 * registry topic ({@link com.toprise.schemas.topics.Topics}) is read with its own serdes, so a test sees the typed
 * records a consumer of that topic would, in the spirit of Confluent's {@code MicroserviceTestUtils.read(Topic, ...)}.
 * Each reader is its own consumer group: it sees every record, whoever else has read them.
 */
public final class TopicReader<K, V> implements AutoCloseable {

    private final KafkaConsumer<K, V> consumer;

    public TopicReader(String bootstrapServers, Topic<K, V> topic) {
        this(bootstrapServers, topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }

    private TopicReader(String bootstrapServers, String topic, Deserializer<K> keys, Deserializer<V> values) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                // the topic may not exist yet: connectors create theirs on the first record
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, "500"),
                keys, values);
        consumer.subscribe(List.of(topic));
    }

    /**
     * The raw Debezium records of one collection, {@code cdc.<database>.<collection>}, keys and values as JSON text.
     * Only for these: they are not in the registry, because Kafka Connect creates one per collection on its first
     * change (the registry's Javadoc says why).
     */
    public static TopicReader<String, String> changeStream(String bootstrapServers, String database, String collection) {
        return new TopicReader<>(bootstrapServers, "cdc." + database + "." + collection,
                new StringDeserializer(), new StringDeserializer());
    }

    /** Polls until {@code count} records that match have arrived, or the timeout passes; returns what came. */
    public List<ConsumerRecord<K, V>> read(Predicate<ConsumerRecord<K, V>> matching, int count, Duration timeout) {
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (records.size() < count && System.nanoTime() < deadline) {
            for (ConsumerRecord<K, V> record : consumer.poll(Duration.ofMillis(200))) {
                if (matching.test(record)) {
                    records.add(record);
                }
            }
        }
        return records;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
