package cn.dongcheng.platform.gateway.timeout;

import cn.dongcheng.platform.common.problem.ProblemJson;
import cn.dongcheng.platform.common.web.RequestIds;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A client that begins a request and does not finish its headers within {@code platform.gateway.timeouts.client-read}
 * gets a 408 problem, and the connection closes. Before the headers are complete there is no exchange and no Spring
 * handler, so the answer is written on the connection itself (with a request id of its own, like every answer). A
 * connection waiting for its next request without a byte of it is idle, not slow: {@code server.netty.idle-timeout}.
 *
 * <p>The clock starts with the first byte of a request and stops when the codec has read the whole head; a request that
 * arrives in one read (nearly all) sets no timer at all.
 */
@Component
class HeaderReadTimeout implements NettyServerCustomizer {

    private static final String BYTES = "platform.headerReadTimeout.bytes";
    private static final String MESSAGES = "platform.headerReadTimeout.messages";

    private final long timeoutNanos;

    HeaderReadTimeout(TimeoutProperties properties) {
        this.timeoutNanos = properties.clientRead().toNanos();
    }

    @Override
    public HttpServer apply(HttpServer server) {
        // at channel initialisation, after reactor-netty's codec and before the first byte is read
        return server.doOnChannelInit((observer, channel, remote) -> {
            Watch watch = new Watch(timeoutNanos);
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) { // HTTP/1.1
                channel.pipeline().addFirst(BYTES, watch.bytes);
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, MESSAGES, watch.messages);
            }
        });
    }

    /** One connection's clock; both handlers run on its event loop. */
    static final class Watch {
        private final long timeoutNanos;
        private boolean awaitingHead = true; // until the head of the current request is read
        private boolean requestDone;
        private boolean responseDone;
        private long headStartedAt;
        private ScheduledFuture<?> timer;

        Watch(long timeoutNanos) {
            this.timeoutNanos = timeoutNanos;
        }

        /** First in the pipeline: sees the raw bytes of a request's head arrive. */
        final ChannelInboundHandlerAdapter bytes = new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (awaitingHead && headStartedAt == 0 && msg instanceof ByteBuf buffer && buffer.isReadable()) {
                    headStartedAt = System.nanoTime();
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void channelReadComplete(ChannelHandlerContext ctx) {
                if (awaitingHead && headStartedAt != 0 && timer == null) { // a head split over reads
                    long left = headStartedAt + timeoutNanos - System.nanoTime();
                    timer = ctx.executor().schedule(() -> expire(ctx), Math.max(left, 0), TimeUnit.NANOSECONDS);
                }
                ctx.fireChannelReadComplete();
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                cancel();
                ctx.fireChannelInactive();
            }
        };

        /** Right after the HTTP codec: sees a request's head and end, and the end of its response. */
        final ChannelDuplexHandler messages = new ChannelDuplexHandler() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof HttpRequest) {
                    awaitingHead = false;
                    requestDone = false;
                    responseDone = false;
                    cancel();
                }
                if (msg instanceof LastHttpContent) {
                    requestDone = true;
                    nextRequest();
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                if (msg instanceof LastHttpContent) {
                    promise = promise.unvoid().addListener(f -> {
                        responseDone = true;
                        nextRequest();
                    });
                }
                ctx.write(msg, promise);
            }
        };

        /** A keep-alive connection's next request starts its own clock; not while the last one's body is still coming. */
        private void nextRequest() {
            if (requestDone && responseDone) {
                awaitingHead = true;
                headStartedAt = 0;
            }
        }

        private void cancel() {
            headStartedAt = 0;
            if (timer != null) {
                timer.cancel(false);
                timer = null;
            }
        }

        private void expire(ChannelHandlerContext ctx) {
            timer = null;
            if (!awaitingHead || headStartedAt == 0 || !ctx.channel().isActive()) {
                return;
            }
            ctx.writeAndFlush(problem(Duration.ofNanos(timeoutNanos))).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** The whole 408 answer, head and problem body, as bytes for the wire. */
    static ByteBuf problem(Duration waited) {
        String id = UUID.randomUUID().toString();
        // no request exists yet, so no instance
        byte[] body = ProblemJson.of(408, "request-timeout", "Request timeout",
                "the request headers did not arrive within " + waited.toMillis() + " ms", null, id).getBytes(StandardCharsets.UTF_8);
        byte[] head = ("HTTP/1.1 408 Request Timeout\r\nContent-Type: " + ProblemJson.MEDIA_TYPE + "\r\nContent-Length: " + body.length
                + "\r\n" + RequestIds.HEADER + ": " + id + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        return Unpooled.wrappedBuffer(head, body);
    }
}
