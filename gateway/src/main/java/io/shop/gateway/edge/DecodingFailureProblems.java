package io.shop.gateway.edge;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import io.shop.gateway.error.ProblemResponses;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Requests Netty could not decode (a request line over {@code server.netty.max-initial-line-length},
 * headers over {@code server.max-http-request-header-size}, a malformed line) never reach Spring:
 * Reactor Netty's own HttpTrafficHandler would answer them with an empty 414/431/400. Nor do
 * request targets that are no URI ({@code /api/products/%zz}), which Spring's adapter answers
 * with an empty 400. Sitting right after the HTTP codec, this handler answers both first, as
 * problem bodies, and closes the connection: the decoder discards everything after a failure,
 * and whatever the client sends after a refused request line is dropped here. One per connection.
 */
final class DecodingFailureProblems extends ChannelInboundHandlerAdapter {

    static final String NAME = "shop.decodingFailureProblems";

    private static final Logger log = LoggerFactory.getLogger(DecodingFailureProblems.class);

    private final ProblemResponses problems;
    // set once a request on this connection was refused: what follows it is dropped
    private boolean refused;

    DecodingFailureProblems(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (!(msg instanceof HttpRequest request)) {
            ctx.fireChannelRead(msg);
            return;
        }
        Optional<ProblemDetail> problem = refusalOf(request);
        if (problem.isEmpty()) {
            ctx.fireChannelRead(msg);
            return;
        }
        refused = true;
        ReferenceCountUtil.release(msg);
        log.debug(
                "Undecodable request from {}: {}",
                ctx.channel().remoteAddress(),
                problem.get().getDetail());
        ctx.writeAndFlush(response(problem.get())).addListener(ChannelFutureListener.CLOSE);
    }

    private Optional<ProblemDetail> refusalOf(HttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            return Optional.of(problemFor(request.decoderResult().cause()));
        }
        return isUri(request.uri()) ? Optional.empty() : Optional.of(notAUri());
    }

    private static boolean isUri(String target) {
        try {
            new URI(target);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private ProblemDetail notAUri() {
        return problems.problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "The request target is not a valid URI");
    }

    ProblemDetail problemFor(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            return problems.problem(
                    HttpStatus.URI_TOO_LONG, "URI_TOO_LONG", "The request line (method, path and query) is too long");
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return problems.problem(
                    HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                    "REQUEST_HEADER_FIELDS_TOO_LARGE",
                    "The request headers are too large");
        }
        return problems.problem(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "The request is not well-formed HTTP");
    }

    private FullHttpResponse response(ProblemDetail problem) {
        byte[] body = problems.bytesOf(problem);
        var response = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(problem.getStatus()), Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        return response;
    }
}
