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
    /**
     * The last page anyone may ask for (0-based). Far beyond any list of the product (100,000 pages
     * of 500 = 50 million rows), and it keeps {@code page × size} well inside the int offset that
     * JPA and the databases take, which {@code page=2147483647} overflowed (issue 9).
     */
    public static final int MAX_PAGE = 100_000;

    private PageRequests() {
    }

    /** Page and size checked, no sort: for lists whose order is fixed. */
    public static Pageable of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0 || p > MAX_PAGE) {
            throw ApiException.badRequest("page", "page must be between 0 and " + MAX_PAGE);
        }
        if (s < 1 || s > MAX_SIZE) {
            throw ApiException.badRequest("size", "size must be between 1 and " + MAX_SIZE);
        }
        return PageRequest.of(p, s);
    }

    public static Pageable of(Integer page, Integer size, String sort, Map<String, String> sortable, Sort fallback) {
        Pageable checked = of(page, size);
        return PageRequest.of(checked.getPageNumber(), checked.getPageSize(), parseSort(sort, sortable, fallback));
    }

    static Sort parseSort(String sort, Map<String, String> sortable, Sort fallback) {
        if (sort == null || sort.isBlank()) {
            return fallback;
        }
        // limit -1 keeps empty parts, so "," and "id," are refused rather than read as something else
        String[] parts = sort.split(",", -1);
        if (parts.length > 2 || parts[0].isBlank() || (parts.length == 2 && parts[1].isBlank())) {
            throw ApiException.badRequest("sort", "sort must be a field name, optionally followed by ,asc or ,desc; sortable: "
                    + sortableNames(sortable));
        }
        String property = sortable.get(parts[0].trim());
        if (property == null) {
            String name = parts[0].trim();
            throw ApiException.badRequest("sort", "cannot sort by '" + (name.length() > 40 ? name.substring(0, 40) + "…" : name)
                    + "'; sortable: " + sortableNames(sortable));
        }
        Sort.Direction direction = Sort.Direction.ASC;
        if (parts.length > 1) {
            direction = Sort.Direction.fromOptionalString(parts[1].trim())
                    .orElseThrow(() -> ApiException.badRequest("sort", "direction must be asc or desc"));
        }
        return Sort.by(direction, property).and(fallback);
    }

    private static String sortableNames(Map<String, String> sortable) {
        return String.join(", ", sortable.keySet().stream().sorted().toList());
    }
}
