package io.shop.support;

import io.shop.api.ShopException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error a service answers over HTTP is an RFC 9457 problem body. Business failures carry
 * their stable code; bad input names the field it is about.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    @ExceptionHandler(ShopException.class)
    ResponseEntity<ProblemDetail> onBusinessFailure(ShopException e) {
        HttpStatus status = statusOf(e.kind());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setType(Problems.type(e.code()));
        problem.setProperty("code", e.code());
        var response = ResponseEntity.status(status);
        if (e.retryAfterSeconds() > 0) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        }
        return response.body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> onMalformedParameter(MethodArgumentTypeMismatchException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "'" + e.getName() + "' is not a valid value: " + e.getValue());
        return ResponseEntity.badRequest()
                .body(invalidParameters(problem, List.of(fieldError(e.getName(), "malformed value"))));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> fieldError(error.getField(), error.getDefaultMessage()))
                .toList();
        return handleExceptionInternal(e, invalidParameters(e.getBody(), errors), headers, status, request);
    }

    /**
     * A body that is not JSON, or JSON of the wrong shape: a number where a string or boolean is
     * expected ({@link StrictJson}), an unknown enum constant, text for a number. Names the field.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = UnreadableBody.of(e)
                .map(unreadable -> invalidParameters(
                        ProblemDetail.forStatusAndDetail(
                                HttpStatus.BAD_REQUEST, "'" + unreadable.field() + "' " + unreadable.message()),
                        List.of(fieldError(unreadable.field(), unreadable.message()))))
                .orElseGet(ProblemDetailsAdvice::malformedBody);
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    private static ProblemDetail malformedBody() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "The request body is missing or not valid JSON");
        problem.setType(Problems.type(Problems.MALFORMED_BODY));
        problem.setProperty("code", Problems.MALFORMED_BODY);
        return problem;
    }

    /** A constraint on a request parameter or path variable ({@code @Min} on {@code page}...). */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error ->
                                fieldError(result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return handleExceptionInternal(e, invalidParameters(e.getBody(), errors), headers, status, request);
    }

    private static ProblemDetail invalidParameters(ProblemDetail problem, List<Map<String, String>> errors) {
        problem.setType(Problems.type(Problems.INVALID_PARAMETER));
        problem.setProperty("code", Problems.INVALID_PARAMETER);
        problem.setProperty("errors", errors);
        return problem;
    }

    private static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", String.valueOf(field), "message", String.valueOf(message));
    }

    static HttpStatus statusOf(ShopException.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
            case GONE -> HttpStatus.GONE;
            case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case INTERNAL -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }

    /** Keeps the problem type URIs in one place. */
    static final class Problems {
        static final String INVALID_PARAMETER = "INVALID_PARAMETER";
        static final String MALFORMED_BODY = "MALFORMED_BODY";

        static URI type(String code) {
            return URI.create("urn:shop:problem:" + code.toLowerCase().replace('_', '-'));
        }

        private Problems() {}
    }
}
