package io.shop.gateway.error;

import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ResponseStatusException;
import reactor.netty.http.client.PrematureCloseException;

/** What went wrong at the gateway itself, as the client should learn it. */
record GatewayFailure(HttpStatusCode status, String code, String detail) {

    static GatewayFailure of(Throwable error, ServerHttpRequest request) {
        if (error instanceof NotFoundException e) {
            // the load balancer found no instance of the route's service (503 unless use404 is set)
            return new GatewayFailure(e.getStatusCode(), codeOf(e.getStatusCode()), e.getReason());
        }
        if (error instanceof ResponseStatusException e) {
            if (e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                return new GatewayFailure(
                        e.getStatusCode(), "NO_ROUTE", "No route for " + request.getMethod() + " " + request.getPath());
            }
            return new GatewayFailure(e.getStatusCode(), codeOf(e.getStatusCode()), reasonOf(e));
        }
        if (causedBy(error, ConnectTimeoutException.class)
                || causedBy(error, ReadTimeoutException.class)
                || causedBy(error, TimeoutException.class)) {
            return new GatewayFailure(
                    HttpStatus.GATEWAY_TIMEOUT,
                    codeOf(HttpStatus.GATEWAY_TIMEOUT),
                    "The service did not answer in time");
        }
        if (causedBy(error, ConnectException.class)
                || causedBy(error, PrematureCloseException.class)
                || causedBy(error, UnknownHostException.class)) {
            return new GatewayFailure(
                    HttpStatus.BAD_GATEWAY, codeOf(HttpStatus.BAD_GATEWAY), "The service could not be reached");
        }
        // the cause stays in the log: a client learns nothing about the gateway's insides
        return new GatewayFailure(
                HttpStatus.INTERNAL_SERVER_ERROR,
                codeOf(HttpStatus.INTERNAL_SERVER_ERROR),
                "The gateway failed to handle the request");
    }

    boolean unexpected() {
        return status.value() == HttpStatus.INTERNAL_SERVER_ERROR.value();
    }

    private static String reasonOf(ResponseStatusException e) {
        if (e.getReason() != null) {
            return e.getReason();
        }
        HttpStatus known = HttpStatus.resolve(e.getStatusCode().value());
        return known != null ? known.getReasonPhrase() : "Request failed";
    }

    private static String codeOf(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known != null ? known.name() : "HTTP_" + status.value();
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        // bounded: a cause chain may loop
        Throwable t = error;
        for (int depth = 0; t != null && depth < 16; depth++, t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
