package io.facecheck.simulator.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A small event-loop group serves every connection; idle keep-alive connections cost no thread. */
public final class NettyHttpServer implements AutoCloseable {
  private static final int MAX_INITIAL_LINE = 64 * 1024;
  private static final int MAX_HEADERS = 32 * 1024;

  private final EventLoopGroup group;
  private final Channel channel;

  private NettyHttpServer(EventLoopGroup group, Channel channel) {
    this.group = group;
    this.channel = channel;
  }

  public static NettyHttpServer start(
      String host, int port, int ioThreads, int maxBodyBytes, RequestHandler handler) {
    EventLoopGroup group =
        new MultiThreadIoEventLoopGroup(
            ioThreads, new DefaultThreadFactory("alipay-sim-io", true), NioIoHandler.newFactory());
    try {
      ServerBootstrap bootstrap =
          new ServerBootstrap()
              .group(group)
              .channel(NioServerSocketChannel.class)
              .option(ChannelOption.SO_BACKLOG, 1024)
              .childOption(ChannelOption.TCP_NODELAY, true)
              .childHandler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                      ch.pipeline()
                          .addLast(new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADERS, 8192))
                          .addLast(new HttpServerExpectContinueHandler())
                          .addLast(new HttpObjectAggregator(maxBodyBytes))
                          .addLast(new ExchangeHandler(handler));
                    }
                  });
      Channel channel = bootstrap.bind(new InetSocketAddress(host, port)).sync().channel();
      return new NettyHttpServer(group, channel);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      throw new IllegalStateException("interrupted while binding", e);
    } catch (RuntimeException e) {
      group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      throw e;
    }
  }

  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  /** The event loops double as the scheduler for delayed work, such as the automatic user. */
  public ScheduledExecutorService scheduler() {
    return group;
  }

  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    group.shutdownGracefully(0, 500, TimeUnit.MILLISECONDS).syncUninterruptibly();
  }
}
