package io.shop.support.rpc;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.dubbo.common.constants.CommonConstants;
import org.apache.dubbo.common.extension.Activate;
import org.apache.dubbo.rpc.Filter;
import org.apache.dubbo.rpc.Invocation;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.Result;
import org.apache.dubbo.rpc.RpcException;

/**
 * Generic callers get a record result as a map of its components. Dubbo's {@code GenericFilter}
 * reads results as Java beans (getters), which records have none of, so a record arrived as
 * {@code {class=...}} and nothing else. Runs just inside {@code GenericFilter} (order -20000), so
 * its listener sees the result first.
 */
@Activate(group = CommonConstants.PROVIDER, order = -19500)
public final class GenericRecords implements Filter, Filter.Listener {

    @Override
    public Result invoke(Invoker<?> invoker, Invocation invocation) throws RpcException {
        return invoker.invoke(invocation);
    }

    @Override
    public void onResponse(Result result, Invoker<?> invoker, Invocation invocation) {
        if (!result.hasException() && GenericCall.isGeneric(invocation)) {
            result.setValue(plain(result.getValue()));
        }
    }

    @Override
    public void onError(Throwable failure, Invoker<?> invoker, Invocation invocation) {}

    static Object plain(Object value) {
        if (value instanceof Record record) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("class", record.getClass().getName());
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    map.put(component.getName(), plain(component.getAccessor().invoke(record)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + component, e);
                }
            }
            return map;
        }
        if (value instanceof Collection<?> items) {
            var list = new ArrayList<>(items.size());
            items.forEach(item -> list.add(plain(item)));
            return list;
        }
        if (value instanceof Map<?, ?> entries) {
            Map<Object, Object> map = new LinkedHashMap<>();
            entries.forEach((key, item) -> map.put(key, plain(item)));
            return map;
        }
        return value;
    }
}
