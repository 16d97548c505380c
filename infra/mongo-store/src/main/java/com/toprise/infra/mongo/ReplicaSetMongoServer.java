package com.toprise.infra.mongo;

import de.bwaldvogel.mongo.wire.MongoExceptionHandler;
import de.bwaldvogel.mongo.wire.MongoWireMessageEncoder;
import de.bwaldvogel.mongo.wire.MongoWireProtocolHandler;
import de.bwaldvogel.mongo.wire.MongoWireReplyEncoder;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The network side of the store: mongo-java-server's wire codec with {@link AwaitingDatabaseHandler} in place of
 * its plain database handler. The bootstrap mirrors {@code de.bwaldvogel.mongo.MongoServer#bind}, which offers no
 * way to change the handler.
 */
public final class ReplicaSetMongoServer implements AutoCloseable {

    private final ReplicaSetBackend backend;
    private EventLoopGroup bossGroup;
    private EventLoopGroup workerGroup;
    private Channel serverChannel;

    public ReplicaSetMongoServer(ReplicaSetBackend backend) {
        this.backend = backend;
    }

    public InetSocketAddress bind(String host, int port) {
        bossGroup = new NioEventLoopGroup(1);
        workerGroup = new NioEventLoopGroup(0);
        ChannelGroup channels = new DefaultChannelGroup("mongo-store-channels", workerGroup.next());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(bossGroup, workerGroup)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 100)
                .localAddress(host, port)
                .childOption(ChannelOption.TCP_NODELAY, Boolean.TRUE)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new MongoWireReplyEncoder());
                        channel.pipeline().addLast(new MongoWireMessageEncoder());
                        channel.pipeline().addLast(new MongoWireProtocolHandler());
                        channel.pipeline().addLast(new AwaitingDatabaseHandler(backend, channels));
                        channel.pipeline().addLast(new MongoExceptionHandler());
                    }
                });
        serverChannel = bootstrap.bind().syncUninterruptibly().channel();
        return (InetSocketAddress) serverChannel.localAddress();
    }

    /** Stops accepting, closes the connections, then flushes and closes the store. */
    @Override
    public void close() {
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
        if (bossGroup != null) {
            bossGroup.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        }
        if (workerGroup != null) {
            workerGroup.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        }
        backend.close();
    }
}
