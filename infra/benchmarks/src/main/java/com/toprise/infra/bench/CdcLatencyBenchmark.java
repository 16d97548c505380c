package com.toprise.infra.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.toprise.infra.platform.EmbeddedPlatform;
import com.toprise.infra.platform.PlatformSettings;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mongo write → Kafka record latency through the real Debezium connector: documents inserted at a steady rate
 * into the products database, each timed from the acknowledged insert to the moment its change record is
 * consumed from {@code cdc.products.<collection>}, in the same JVM. Options: rate=writes/s (500),
 * seconds=duration (60), warmup=seconds excluded from the figures (5).
 */
final class CdcLatencyBenchmark implements Benchmark {

    private static final Pattern KEY_SEQUENCE = Pattern.compile("\\\\\"(\\d+)\\\\\"|\"(\\d+)\"");

    @Override
    public String name() {
        return "cdc-latency";
    }

    @Override
    public String description() {
        return "Mongo insert → Debezium record on Kafka, latency at a sustained write rate";
    }

    @Override
    public Map<String, Object> run(PlatformSettings base, Map<String, String> options) throws Exception {
        int rate = Integer.parseInt(options.getOrDefault("rate", "500"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "5"));
        return FreshPlatform.measure(base, false, platform -> measure(platform, rate, seconds, warmup));
    }

    private Map<String, Object> measure(EmbeddedPlatform platform, int rate, int seconds, int warmup) throws Exception {
        String collection = "bench_latency_" + System.currentTimeMillis();
        int total = rate * (seconds + warmup);
        long[] ackedAt = new long[total];
        Map<Integer, Long> receivedAt = new ConcurrentHashMap<>();
        AtomicBoolean consuming = new AtomicBoolean(true);
        Thread consumer = new Thread(() -> consume(platform, "cdc.products." + collection, receivedAt, consuming, total));
        consumer.start();

        long intervalNanos = 1_000_000_000L / rate;
        AtomicLong behind = new AtomicLong();
        try (MongoClient client = MongoClients.create(platform.mongoUri())) {
            MongoCollection<Document> documents = client.getDatabase("products").getCollection(collection);
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long due = start + i * intervalNanos;
                long now;
                while ((now = System.nanoTime()) < due) {
                    Thread.onSpinWait();
                    if (due - now > 200_000) {
                        Thread.sleep(0, 100_000);
                    }
                }
                behind.accumulateAndGet(now - due, Math::max);
                documents.insertOne(new Document("_id", Integer.toString(i)).append("sku", "BENCH-" + i)
                        .append("name", "Benchmark part " + i).append("price", 100 + i % 900));
                ackedAt[i] = System.nanoTime();
            }
            long elapsed = System.nanoTime() - start;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (receivedAt.size() < total && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            consuming.set(false);
            consumer.join();

            List<Double> latenciesMs = new ArrayList<>();
            int measuredFrom = rate * warmup;
            int lost = 0;
            for (int i = measuredFrom; i < total; i++) {
                Long received = receivedAt.get(i);
                if (received == null) {
                    lost++;
                } else {
                    latenciesMs.add((received - ackedAt[i]) / 1e6);
                }
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("targetWritesPerSecond", rate);
            result.put("achievedWritesPerSecond", Math.round(total / (elapsed / 1e9)));
            result.put("maxScheduleLagMs", behind.get() / 1e6);
            result.put("writesMeasured", total - measuredFrom);
            result.put("recordsMissing", lost);
            result.put("latencyMs", Stats.summary(latenciesMs));
            result.put("targets", Map.of("p99LatencyMs", 1000));
            return result;
        }
    }

    private static void consume(EmbeddedPlatform platform, String topic, Map<Integer, Long> receivedAt,
                                AtomicBoolean consuming, int total) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, "200",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (consuming.get() && receivedAt.size() < total) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.nanoTime();
                    Matcher m = KEY_SEQUENCE.matcher(record.key());
                    if (record.value() != null && m.find()) {
                        receivedAt.putIfAbsent(Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)), now);
                    }
                }
            }
        }
    }
}
