package com.toprise.topology.outbox;

import com.toprise.schemas.events.EventType;
import com.toprise.schemas.serde.Json;
import com.toprise.schemas.topics.Topics;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Routes the events that services write into their documents' outbox (see {@link OutboxEntries}) to
 * {@code events.<type>}: keyed by aggregateId, the envelope JSON as the value, byte for byte as the service wrote
 * it, with {@code eventId} and {@code type} headers. An entry that cannot be routed goes to
 * {@code outbox.dead-letter} with the reason in an {@code error} header. Run with exactly_once_v2, so a change
 * read is routed once; a change Debezium delivers twice is routed twice with the same eventIds, which consumers
 * drop.
 */
public final class OutboxEventRouterTopology {

    public static final Pattern CDC_TOPICS = Pattern.compile("cdc\\..+");
    static final String EVENT_ID = "eventId";
    static final String TYPE = "type";
    static final String ERROR = "error";

    private OutboxEventRouterTopology() {
    }

    public static Topology build() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(CDC_TOPICS, Consumed.with(Serdes.String(), Serdes.String()))
                .process(EntryRouter::new)
                .to((key, value, context) -> targetTopic(context.headers()), Produced.with(Serdes.String(), Serdes.String()));
        return builder.build();
    }

    /** Routed records carry their event type; dead letters carry an error instead. */
    private static String targetTopic(Headers headers) {
        if (headers.lastHeader(ERROR) != null) {
            return Topics.OUTBOX_DEAD_LETTER.name();
        }
        String type = new String(headers.lastHeader(TYPE).value(), StandardCharsets.UTF_8);
        return Topics.events(EventType.valueOf(type)).name();
    }

    /** One change in, one record per outbox entry out, each carrying the topic it goes to. */
    static final class EntryRouter implements Processor<String, String, String, String> {

        private ProcessorContext<String, String> context;

        @Override
        public void init(ProcessorContext<String, String> context) {
            this.context = context;
        }

        @Override
        public void process(Record<String, String> change) {
            try {
                for (String entry : OutboxEntries.of(change.value())) {
                    route(change, entry);
                }
            } catch (OutboxEntries.UnreadableChange e) {
                deadLetter(change, change.value(), e.getMessage());
            }
        }

        private void route(Record<String, String> change, String entry) {
            JsonNode envelope;
            try {
                envelope = Json.MAPPER.readTree(entry);
            } catch (JacksonException e) {
                deadLetter(change, entry, "not an event envelope: " + e.getOriginalMessage());
                return;
            }
            String eventId = envelope.path("eventId").asString("");
            String type = envelope.path("type").asString("");
            String aggregateId = envelope.path("aggregateId").asString("");
            if (eventId.isBlank() || aggregateId.isBlank()) {
                deadLetter(change, entry, "the envelope has no eventId or aggregateId");
                return;
            }
            EventType eventType;
            try {
                eventType = EventType.valueOf(type);
            } catch (IllegalArgumentException e) {
                deadLetter(change, entry, "unknown event type '" + type + "'");
                return;
            }
            Headers headers = new RecordHeaders()
                    .add(EVENT_ID, eventId.getBytes(StandardCharsets.UTF_8))
                    .add(TYPE, eventType.name().getBytes(StandardCharsets.UTF_8));
            context.forward(new Record<>(aggregateId, entry, change.timestamp(), headers));
        }

        private void deadLetter(Record<String, String> change, String value, String reason) {
            Headers headers = new RecordHeaders().add(ERROR, reason.getBytes(StandardCharsets.UTF_8));
            context.forward(new Record<>(change.key(), value, change.timestamp(), headers));
        }
    }
}
