package com.toprise.schemas.events;

/**
 * Where a service's document carries the events of its latest write: written by services/common's OutboxWriter,
 * read from the change stream by topology/'s outbox router. One name for both sides, so they cannot drift apart.
 */
public final class Outbox {

    /** The document field holding the envelope JSON strings of the write's events. */
    public static final String FIELD = "outbox";

    private Outbox() {
    }
}
