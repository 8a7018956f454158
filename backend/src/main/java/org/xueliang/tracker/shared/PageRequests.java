package org.xueliang.tracker.shared;

import java.util.Map;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * Turns the API's {@code page}, {@code size} and {@code sort=field,dir} parameters into a
 * {@link Pageable}. Sortable fields are whitelisted per resource (API name → entity property) so a
 * client can never sort on an arbitrary column or learn the schema from errors.
 */
public final class PageRequests {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 500;

    private PageRequests() {
    }

    public static Pageable of(Integer page, Integer size, String sort, Map<String, String> sortable, Sort fallback) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw ApiException.badRequest("page", "page must be 0 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw ApiException.badRequest("size", "size must be between 1 and " + MAX_SIZE);
        }
        return PageRequest.of(p, s, parseSort(sort, sortable, fallback));
    }

    static Sort parseSort(String sort, Map<String, String> sortable, Sort fallback) {
        if (sort == null || sort.isBlank()) {
            return fallback;
        }
        String[] parts = sort.split(",");
        String property = sortable.get(parts[0].trim());
        if (property == null) {
            throw ApiException.badRequest("sort", "cannot sort by '" + parts[0].trim() + "'; sortable: "
                    + String.join(", ", sortable.keySet().stream().sorted().toList()));
        }
        Sort.Direction direction = Sort.Direction.ASC;
        if (parts.length > 1) {
            direction = Sort.Direction.fromOptionalString(parts[1].trim())
                    .orElseThrow(() -> ApiException.badRequest("sort", "direction must be asc or desc"));
        }
        return Sort.by(direction, property).and(fallback);
    }
}
