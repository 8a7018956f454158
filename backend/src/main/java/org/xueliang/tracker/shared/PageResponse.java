package org.xueliang.tracker.shared;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/** The one page shape of every list in the API: {@code {"items":[…],"total":N,"page":P,"size":S}}. */
public record PageResponse<T>(List<T> items, long total, int page, int size) {

    public static <E, T> PageResponse<T> of(Page<E> page, Function<E, T> mapper) {
        return new PageResponse<>(page.getContent().stream().map(mapper).toList(),
                page.getTotalElements(), page.getNumber(), page.getSize());
    }
}
