package com.toprise.schemas.serde;

import com.toprise.schemas.events.EventEnvelope;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JavaType;

import java.util.Map;

/**
 * JSON values on Kafka, mapped by {@link Json#MAPPER}. The target type is a full {@link JavaType} so generic
 * values such as {@code EventEnvelope<OrderCreated>} keep their payload type after erasure.
 */
public final class JsonSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

    private final JavaType type;

    private JsonSerde(JavaType type) {
        this.type = type;
    }

    public static <T> JsonSerde<T> of(Class<T> type) {
        return new JsonSerde<>(Json.MAPPER.constructType(type));
    }

    /** For other generic values: {@code JsonSerde.of(new TypeReference<List<InventoryLevel>>() {})}. */
    public static <T> JsonSerde<T> of(TypeReference<T> type) {
        return new JsonSerde<>(Json.MAPPER.constructType(type));
    }

    /** Envelopes whose payload is {@code payloadType}. */
    public static <P> JsonSerde<EventEnvelope<P>> envelopeOf(Class<P> payloadType) {
        return new JsonSerde<>(Json.MAPPER.getTypeFactory().constructParametricType(EventEnvelope.class, payloadType));
    }

    @Override
    public byte[] serialize(String topic, T data) {
        // null is a tombstone on compacted topics and must stay null
        if (data == null) {
            return null;
        }
        try {
            return Json.MAPPER.writeValueAsBytes(data);
        } catch (JacksonException e) {
            throw new SerializationException("cannot write " + type + " to topic " + topic + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return Json.MAPPER.readValue(data, type);
        } catch (JacksonException e) {
            // the topic and type are what an operator needs to find the poison record
            throw new SerializationException("cannot read " + type + " from topic " + topic + " ("
                    + data.length + " bytes)" + at(e) + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Where in the JSON it failed, e.g. {@code at payload.lines[0].quantity}; empty if before any field. */
    private static String at(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "" : " at " + path;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // the type is fixed at construction
    }

    @Override
    public void close() {
        // stateless: nothing to release
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }

    @Override
    public String toString() {
        return "JsonSerde<" + type + ">";
    }
}
