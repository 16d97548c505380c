package com.toprise.infra.mongo;

import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import io.netty.channel.Channel;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * How the store presents itself as the primary of the one-member replica set {@code rs0}: the replica set fields of
 * {@code hello}, {@code replSetGetStatus}, {@code replSetGetConfig}, and the internal databases {@code listDatabases} always shows, which is
 * what change-stream clients and Debezium's connection validation look for.
 */
final class ReplicaSetIdentity {

    static final String REPLICA_SET_NAME = "rs0";
    private static final ObjectId ELECTION_ID = new ObjectId("7fffffff0000000000000001");
    private static final Set<String> ALWAYS_LISTED_DATABASES = Set.of("admin", "config", "local");

    private final LongSupplier lastOplogTimestamp;

    ReplicaSetIdentity(LongSupplier lastOplogTimestamp) {
        this.lastOplogTimestamp = lastOplogTimestamp;
    }

    /** The base server's {@code isMaster} reply with the replica set member's fields added. */
    Document hello(Channel channel, Document reply) {
        String member = memberAddress(channel);
        BsonTimestamp lastWrite = new BsonTimestamp(lastOplogTimestamp.getAsLong());
        Instant lastWriteDate = Instant.ofEpochSecond(lastWrite.getTime());
        Document opTime = new Document("ts", lastWrite).append("t", 1L);
        reply.put("isWritablePrimary", Boolean.TRUE);
        reply.put("secondary", Boolean.FALSE);
        reply.put("setName", REPLICA_SET_NAME);
        reply.put("setVersion", 1);
        reply.put("hosts", List.of(member));
        reply.put("primary", member);
        reply.put("me", member);
        reply.put("electionId", ELECTION_ID);
        reply.put("lastWrite", new Document("opTime", opTime).append("lastWriteDate", lastWriteDate)
                .append("majorityOpTime", opTime).append("majorityWriteDate", lastWriteDate));
        return reply;
    }

    Document replicaSetStatus(Channel channel) {
        Document member = new Document("_id", 0).append("name", memberAddress(channel)).append("health", 1.0)
                .append("state", 1).append("stateStr", "PRIMARY").append("self", Boolean.TRUE);
        return new Document("set", REPLICA_SET_NAME).append("date", Instant.now()).append("myState", 1)
                .append("members", List.of(member)).append("ok", 1.0);
    }

    /** The set's configuration as {@code rs.conf()} reads it: one voting member, this one. */
    Document replicaSetConfig(Channel channel) {
        Document member = new Document("_id", 0).append("host", memberAddress(channel)).append("arbiterOnly", Boolean.FALSE)
                .append("buildIndexes", Boolean.TRUE).append("hidden", Boolean.FALSE).append("priority", 1.0)
                .append("tags", new Document()).append("secondaryDelaySecs", 0L).append("votes", 1);
        Document config = new Document("_id", REPLICA_SET_NAME).append("version", 1).append("term", 1)
                .append("members", List.of(member)).append("protocolVersion", 1L)
                .append("writeConcernMajorityJournalDefault", Boolean.TRUE);
        return new Document("config", config).append("ok", 1.0);
    }

    @SuppressWarnings("unchecked")
    static Document withInternalDatabases(Document reply) {
        List<Document> databases = new ArrayList<>((List<Document>) reply.get("databases"));
        for (String name : ALWAYS_LISTED_DATABASES) {
            if (databases.stream().noneMatch(d -> name.equals(d.get("name")))) {
                databases.add(new Document("name", name).append("sizeOnDisk", 0L).append("empty", Boolean.FALSE));
            }
        }
        databases.sort(Comparator.comparing(d -> (String) d.get("name")));
        reply.put("databases", databases);
        return reply;
    }

    /** The address the client reached us on: the replica set's only member, so the driver's discovery agrees. */
    private static String memberAddress(Channel channel) {
        InetSocketAddress local = (InetSocketAddress) channel.localAddress();
        return local.getAddress().getHostAddress() + ":" + local.getPort();
    }
}
