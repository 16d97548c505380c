package com.toprise.topology.outbox;

import com.toprise.schemas.events.Outbox;
import com.toprise.schemas.serde.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the outbox entries of one change out of a Debezium MongoDB change event. A service writes the events of a
 * state change into the same document, in its {@code outbox} field (see services/common {@code OutboxWriter}),
 * so the change and its events are one atomic write. Which entries belong to this change:
 * <ul>
 *   <li>insert ({@code c}) and replace (an {@code u} without updateDescription): the {@code outbox} of the new document;</li>
 *   <li>update with operators: the {@code outbox} in updateDescription.updatedFields, if this update set it;</li>
 *   <li>snapshot reads ({@code r}), deletes and tombstones: none, as they are state, not a change that emitted.</li>
 * </ul>
 */
public final class OutboxEntries {

    private OutboxEntries() {
    }

    /** The envelope JSON strings written with this change; throws {@link UnreadableChange} for a malformed record. */
    public static List<String> of(String changeEvent) {
        if (changeEvent == null) {
            return List.of();
        }
        JsonNode change = parse(changeEvent, "change event");
        String op = change.path("op").asString("");
        JsonNode updateDescription = change.path("updateDescription");
        return switch (op) {
            case "c" -> entriesIn(change.path("after"));
            case "u" -> updateDescription.isObject() && updateDescription.hasNonNull("updatedFields")
                    ? entriesIn(updateDescription.path("updatedFields"))
                    : entriesIn(change.path("after"));
            default -> List.of();
        };
    }

    /** The field arrives as a JSON document in a string (Debezium's extended JSON); either form is accepted. */
    private static List<String> entriesIn(JsonNode documentField) {
        if (documentField.isMissingNode() || documentField.isNull()) {
            return List.of();
        }
        JsonNode document = documentField.isString() ? parse(documentField.asString(), "document") : documentField;
        JsonNode outbox = document.path(Outbox.FIELD);
        if (outbox.isMissingNode() || outbox.isNull()) {
            return List.of();
        }
        if (!outbox.isArray()) {
            throw new UnreadableChange("the outbox field is not an array");
        }
        List<String> entries = new ArrayList<>();
        for (JsonNode entry : outbox) {
            if (!entry.isString()) {
                throw new UnreadableChange("an outbox entry is not an envelope JSON string");
            }
            entries.add(entry.asString());
        }
        return entries;
    }

    private static JsonNode parse(String json, String what) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new UnreadableChange("the " + what + " is not JSON: " + e.getOriginalMessage());
        }
    }

    /** A change event or outbox entry the router cannot read; it goes to the dead-letter topic. */
    public static final class UnreadableChange extends RuntimeException {
        public UnreadableChange(String message) {
            super(message);
        }
    }
}
