package io.shop.support.rpc;

import io.shop.api.ShopException;
import java.io.Serial;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.dubbo.common.utils.PojoUtils;

/** Builds records (and lists or sets of them) from the maps a generic caller sends. */
final class RecordReader {

    private RecordReader() {}

    /** Whether values of this type need this reader rather than Dubbo's PojoUtils. */
    static boolean reads(Class<?> type, Type genericType) {
        return type.isRecord() || (isListOrSet(type) && elementType(genericType) instanceof Class<?> c && c.isRecord());
    }

    static Object read(Object value, Class<?> type, Type genericType) {
        if (value == null) {
            return null;
        }
        if (type.isRecord() && value instanceof Map<?, ?> map) {
            return record(map, type);
        }
        if (isListOrSet(type)
                && value instanceof Collection<?> values
                && elementType(genericType) instanceof Class<?> c) {
            Collection<Object> read = Set.class.isAssignableFrom(type) ? new LinkedHashSet<>() : new ArrayList<>();
            for (Object element : values) {
                read.add(read(element, c, c));
            }
            return read;
        }
        if (type.isInstance(value)) {
            return value;
        }
        try {
            return PojoUtils.realize(value, type, genericType);
        } catch (RuntimeException e) {
            throw new Unreadable("not a " + type.getSimpleName());
        }
    }

    private static Object record(Map<?, ?> map, Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            types[i] = component.getType();
            try {
                values[i] = read(map.get(component.getName()), component.getType(), component.getGenericType());
            } catch (Unreadable e) {
                throw new Unreadable(component.getName() + " is " + e.getMessage());
            }
            if (values[i] == null && component.getType().isPrimitive()) {
                throw new Unreadable(component.getName() + " is required");
            }
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof ShopException rejected) {
                throw rejected;
            }
            throw new Unreadable("rejected by " + type.getSimpleName());
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new Unreadable("not a " + type.getSimpleName());
        }
    }

    private static boolean isListOrSet(Class<?> type) {
        return type == List.class || type == Set.class || type == Collection.class;
    }

    private static Type elementType(Type genericType) {
        return genericType instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
    }

    /** A value the caller sent that cannot become the type asked for; the message says where. */
    static final class Unreadable extends RuntimeException {
        @Serial
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message, null, false, false);
        }
    }
}
