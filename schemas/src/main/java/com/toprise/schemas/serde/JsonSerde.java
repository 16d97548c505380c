package com.toprise.schemas.serde;

import com.toprise.schemas.events.EventEnvelope;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;

/** JSON values on Kafka, mapped by {@link Json#MAPPER}; a record that cannot be read fails with its topic named. */
public final class JsonSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {

    private final JavaType type;

    private JsonSerde(JavaType type) {
        this.type = type;
    }

    public static <T> JsonSerde<T> of(Class<T> type) {
        return new JsonSerde<>(Json.MAPPER.constructType(type));
    }

    /** Envelopes whose payload is {@code payloadType}. */
    public static <P> JsonSerde<EventEnvelope<P>> envelopeOf(Class<P> payloadType) {
        return new JsonSerde<>(Json.MAPPER.getTypeFactory().constructParametricType(EventEnvelope.class, payloadType));
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        try {
            return Json.MAPPER.writeValueAsBytes(data);
        } catch (JacksonException e) {
            throw new SerializationException("cannot write " + type + " to " + topic + ": " + e.getOriginalMessage(), e);
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
            throw new SerializationException("cannot read " + type + " from " + topic + ": " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public void configure(java.util.Map<String, ?> configs, boolean isKey) {
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
}
