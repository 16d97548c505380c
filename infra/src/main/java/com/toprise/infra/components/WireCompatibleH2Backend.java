package com.toprise.infra.components;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The H2 backend, answering {@code hello} the way it answers {@code isMaster}: current drivers and Spring Boot's
 * Mongo health indicator send {@code hello}, which mongo-java-server 1.47 does not know.
 */
final class WireCompatibleH2Backend extends H2Backend {

    WireCompatibleH2Backend(String fileName) {
        super(fileName);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if ("hello".equalsIgnoreCase(command)) {
            Document reply = super.handleCommand(channel, database, "isMaster", query);
            reply.put("isWritablePrimary", Boolean.TRUE);
            return reply;
        }
        return super.handleCommand(channel, database, command, query);
    }
}
