package dev.adapthub.web.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adapthub.core.common.InvalidInputException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PageSliceTest {

    final List<Integer> seventy = IntStream.range(0, 70).boxed().toList();

    @Test
    void pagesCutTheListInOrderAndSayWhetherMoreAreBeforeOrAfter() {
        PageSlice<Integer> first = PageSlice.of(seventy, null, 30);
        assertThat(first.items()).hasSize(30).startsWith(0).endsWith(29);
        assertThat(first.hasPrevious()).isFalse();
        assertThat(first.hasNext()).isTrue();
        assertThat(first.totalPages()).isEqualTo(3);

        PageSlice<Integer> last = PageSlice.of(seventy, 2, 30);
        assertThat(last.items()).containsExactlyElementsOf(seventy.subList(60, 70));
        assertThat(last.hasPrevious()).isTrue();
        assertThat(last.hasNext()).isFalse();

        assertThat(PageSlice.of(seventy, 1, 35).hasNext()).isFalse();
        assertThat(PageSlice.of(seventy, 9, 30).items()).isEmpty();
        assertThat(PageSlice.of(List.of(), 0, 30).totalPages()).isEqualTo(1);
    }

    @Test
    void aNegativePageIsTheCallersMistake() {
        assertThatThrownBy(() -> PageSlice.of(seventy, -1, 30)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("page counts from 0");
    }
}
