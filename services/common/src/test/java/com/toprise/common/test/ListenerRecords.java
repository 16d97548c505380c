package com.toprise.common.test;

import com.toprise.schemas.topics.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/**
 * Records as a Kafka listener method receives them, for calling the method in a unit test. Each is built from a
 * registry {@link Topic} (its value written with the topic's own serde) and only after checking that the method's
 * {@code @KafkaListener} is bound to exactly that topic, so a test that passes shows the annotation, the record and
 * the listener's reader agree on one registry entry.
 */
public final class ListenerRecords {

    private ListenerRecords() {
    }

    /**
     * The record at {@code offset} of partition 0 of {@code topic}, as {@code listener}'s method {@code method}
     * receives it.
     *
     * @throws AssertionError the method is not a listener of exactly this topic
     */
    public static <V> ConsumerRecord<String, byte[]> to(Class<?> listener, String method, Topic<String, V> topic,
                                                        String key, V value, long offset) {
        List<String> bound = Arrays.stream(listener.getDeclaredMethods())
                .filter(m -> m.getName().equals(method) && m.isAnnotationPresent(KafkaListener.class))
                .findFirst().map(ListenerRecords::topicsOf)
                .orElseThrow(() -> new AssertionError(listener.getSimpleName() + "." + method + " is not a @KafkaListener"));
        if (!bound.equals(List.of(topic.name()))) {
            throw new AssertionError(listener.getSimpleName() + "." + method + " listens to " + bound + ", not ["
                    + topic.name() + "]");
        }
        byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
        return new ConsumerRecord<>(topic.name(), 0, offset, key, bytes);
    }

    private static List<String> topicsOf(Method method) {
        return List.of(method.getAnnotation(KafkaListener.class).topics());
    }
}
