package io.shop.support;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Which field of a JSON request body could not be read, and what it should have been, in words a
 * client can act on. Jackson's own message names Java types and classes and stays in the service.
 */
record UnreadableBody(String field, String message) {

    static Optional<UnreadableBody> of(HttpMessageNotReadableException e) {
        if (!(e.getCause() instanceof JsonMappingException mapping)
                || mapping.getPath().isEmpty()) {
            return Optional.empty();
        }
        Class<?> expected = mapping instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        return Optional.of(new UnreadableBody(pathOf(mapping.getPath()), expectation(expected)));
    }

    /** {@code lines[0].quantity}: field names joined by dots, array positions in brackets. */
    static String pathOf(List<JsonMappingException.Reference> path) {
        var field = new StringBuilder();
        for (JsonMappingException.Reference step : path) {
            if (step.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                field.append('[').append(step.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String expectation(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "must be a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        if (isWholeNumber(type)) {
            return "must be a whole number";
        }
        if (type == double.class || type == float.class || Number.class.isAssignableFrom(type)) {
            return "must be a number";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.toString(type.getEnumConstants());
        }
        return "has the wrong type";
    }

    private static boolean isWholeNumber(Class<?> type) {
        return type == int.class
                || type == long.class
                || type == short.class
                || type == byte.class
                || type == Integer.class
                || type == Long.class
                || type == Short.class
                || type == Byte.class
                || type == BigInteger.class;
    }
}
