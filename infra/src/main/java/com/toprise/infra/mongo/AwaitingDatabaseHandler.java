package com.toprise.infra.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.MongoDatabaseHandler;
import de.bwaldvogel.mongo.wire.message.ClientRequest;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.group.ChannelGroup;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Gives change-stream cursors MongoDB's awaitData behaviour: a getMore that finds nothing new waits up to its
 * {@code maxTimeMS} (1 s by default, as on MongoDB) for new oplog entries instead of answering at once, which
 * would make every tailing client spin. The wait is a re-check scheduled on the channel's event loop, never a
 * blocked thread, so other clients on the same loop are served meanwhile.
 */
final class AwaitingDatabaseHandler extends MongoDatabaseHandler {

    private static final long DEFAULT_AWAIT_MILLIS = 1000;
    private static final long RECHECK_MILLIS = 5;

    private final ReplicaSetBackend backend;

    AwaitingDatabaseHandler(ReplicaSetBackend backend, ChannelGroup channels) {
        super(backend, channels);
        this.backend = backend;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ClientRequest request) {
        Optional<ChangeStreamCursor> cursor = awaitableGetMore(request);
        if (cursor.isPresent() && !cursor.get().hasPendingEntries()) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(awaitMillis(request));
            ctx.executor().schedule(() -> recheck(ctx, request, cursor.get(), deadline), RECHECK_MILLIS,
                    TimeUnit.MILLISECONDS);
            return;
        }
        super.channelRead0(ctx, request);
    }

    private void recheck(ChannelHandlerContext ctx, ClientRequest request, ChangeStreamCursor cursor, long deadline) {
        if (!ctx.channel().isActive()) {
            return;
        }
        if (cursor.hasPendingEntries() || System.nanoTime() >= deadline) {
            super.channelRead0(ctx, request);
        } else {
            ctx.executor().schedule(() -> recheck(ctx, request, cursor, deadline), RECHECK_MILLIS,
                    TimeUnit.MILLISECONDS);
        }
    }

    private Optional<ChangeStreamCursor> awaitableGetMore(ClientRequest request) {
        if (!(request instanceof MongoMessage message)) {
            return Optional.empty();
        }
        Document command = message.getDocument();
        if (command.isEmpty() || !"getMore".equals(command.keySet().iterator().next())
                || !(command.get("getMore") instanceof Number cursorId)) {
            return Optional.empty();
        }
        return backend.changeStream(cursorId.longValue());
    }

    private static long awaitMillis(ClientRequest request) {
        Object maxTime = ((MongoMessage) request).getDocument().get("maxTimeMS");
        return maxTime instanceof Number number && number.longValue() > 0 ? number.longValue() : DEFAULT_AWAIT_MILLIS;
    }
}
