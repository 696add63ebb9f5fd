package io.facecheck.simulator.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands each request to the handler and writes its reply when due, on the channel's event loop. */
final class ExchangeHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final Logger LOG = LoggerFactory.getLogger(ExchangeHandler.class);
  private final RequestHandler handler;

  ExchangeHandler(RequestHandler handler) {
    this.handler = handler;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    if (request.decoderResult().isFailure()) {
      write(
          ctx,
          Reply.json(400, "{\"error\":\"bad_request\",\"message\":\"malformed HTTP\"}"),
          false);
      return;
    }
    String uri = request.uri();
    int question = uri.indexOf('?');
    String path = question < 0 ? uri : uri.substring(0, question);
    String query = question < 0 ? "" : uri.substring(question + 1);
    IncomingRequest incoming =
        new IncomingRequest(
            request.method().name(),
            path,
            query,
            request.headers().get(HttpHeaderNames.CONTENT_TYPE, ""),
            ByteBufUtil.getBytes(request.content()));
    CompletionStage<Reply> stage;
    try {
      stage = handler.handle(incoming);
    } catch (RuntimeException e) {
      stage = CompletableFuture.failedFuture(e);
    }
    stage.whenComplete(
        (reply, error) -> {
          Reply toSend = reply;
          if (error != null) {
            toSend = failure(error);
          }
          schedule(ctx, toSend, keepAlive);
        });
  }

  private static Reply failure(Throwable error) {
    Throwable cause =
        error instanceof java.util.concurrent.CompletionException ? error.getCause() : error;
    if (cause instanceof java.util.concurrent.RejectedExecutionException) {
      return Reply.json(503, "{\"error\":\"overloaded\",\"message\":\"signing queue is full\"}");
    }
    LOG.error("simulator bug while answering a request", cause);
    return Reply.json(500, "{\"error\":\"internal\",\"message\":\"simulator bug, see its log\"}");
  }

  private static void schedule(ChannelHandlerContext ctx, Reply reply, boolean keepAlive) {
    if (reply.delayMs() == Reply.NEVER) {
      return; // a read timeout for the client: nothing is ever written, no thread waits
    }
    if (reply.delayMs() > 0) {
      ctx.executor()
          .schedule(() -> write(ctx, reply, keepAlive), reply.delayMs(), TimeUnit.MILLISECONDS);
    } else {
      ctx.executor().execute(() -> write(ctx, reply, keepAlive));
    }
  }

  private static void write(ChannelHandlerContext ctx, Reply reply, boolean keepAlive) {
    if (!ctx.channel().isActive()) {
      return;
    }
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            HttpResponseStatus.valueOf(reply.status()),
            Unpooled.wrappedBuffer(reply.body()));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, reply.contentType());
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, reply.body().length);
    reply.headers().forEach((name, value) -> response.headers().set(name, value));
    if (keepAlive) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
      ctx.writeAndFlush(response);
    } else {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // a reset or garbage from a client is routine for a test double; drop the connection
    LOG.debug("connection error", cause);
    ctx.close();
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
