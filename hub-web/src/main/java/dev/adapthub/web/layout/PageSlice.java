package dev.adapthub.web.layout;

import dev.adapthub.core.common.InvalidInputException;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;

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

    /** A page the database cut (Spring Data's {@link Page}: filtered, counted and limited in SQL). */
    public static <T> PageSlice<T> of(Page<T> page) {
        return new PageSlice<>(page.getContent(), page.getNumber(), page.getSize(), (int) page.getTotalElements());
    }

    /** The request for page {@code number} (null: the first), {@code size} to a page; below 0 is refused. */
    public static PageRequest request(Integer number, int size) {
        int page = number == null ? 0 : number;
        if (page < 0) {
            throw new InvalidInputException("page", "page counts from 0; " + page + " is below it.");
        }
        return PageRequest.of(page, size);
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
