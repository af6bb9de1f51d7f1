package dev.adapthub.web.layout;

import dev.adapthub.core.common.InvalidInputException;
import java.util.List;

/**
 * One page of a list already in memory, for list pages with Previous/Next links
 * (fragments/pager.html). Pages count from 0, as Spring Data's do.
 */
public record PageSlice<T>(List<T> items, int number, int size, int total) {

    /** Page {@code number} (null: the first) of {@code all}, {@code size} to a page; a page past the end is empty. */
    public static <T> PageSlice<T> of(List<T> all, Integer number, int size) {
        int page = number == null ? 0 : number;
        if (page < 0) {
            throw new InvalidInputException("page", "page counts from 0; " + page + " is below it.");
        }
        int from = (int) Math.min((long) page * size, all.size());
        return new PageSlice<>(List.copyOf(all.subList(from, Math.min(from + size, all.size()))), page, size, all.size());
    }

    public boolean hasPrevious() {
        return number > 0;
    }

    public boolean hasNext() {
        return (long) (number + 1) * size < total;
    }

    public int totalPages() {
        return Math.max(1, (total + size - 1) / size);
    }
}
