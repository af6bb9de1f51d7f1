package dev.adapthub.git.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

    @Test
    void singleRangesAreClampedToTheFile() {
        assertThat(ByteRange.of("bytes=0-9", 100)).isEqualTo(new ByteRange.Part(new ByteRange(0, 9)));
        assertThat(ByteRange.of("bytes=90-200", 100)).isEqualTo(new ByteRange.Part(new ByteRange(90, 99)));
        assertThat(ByteRange.of("bytes=95-", 100)).isEqualTo(new ByteRange.Part(new ByteRange(95, 99)));
        assertThat(ByteRange.of("bytes=-10", 100)).isEqualTo(new ByteRange.Part(new ByteRange(90, 99)));
        assertThat(ByteRange.of("bytes=-500", 100)).isEqualTo(new ByteRange.Part(new ByteRange(0, 99)));
        assertThat(new ByteRange(90, 99).contentRange(100)).isEqualTo("bytes 90-99/100");
    }

    @Test
    void rangesPastTheEndAreUnsatisfiable() {
        assertThat(ByteRange.of("bytes=100-", 100)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.of("bytes=-0", 100)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.of("bytes=0-", 0)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThat(ByteRange.of("bytes=99999999999999999999-", 100)).isInstanceOf(ByteRange.Unsatisfiable.class);
    }

    @Test
    void malformedAndMultiRangeHeadersGetTheWholeFile() {
        assertThat(ByteRange.of(null, 100)).isInstanceOf(ByteRange.Whole.class);
        assertThat(ByteRange.of("bytes=0-1,5-6", 100)).isInstanceOf(ByteRange.Whole.class);
        assertThat(ByteRange.of("items=0-1", 100)).isInstanceOf(ByteRange.Whole.class);
        assertThat(ByteRange.of("bytes=9-3", 100)).isInstanceOf(ByteRange.Whole.class);
        assertThat(ByteRange.of("bytes=-", 100)).isInstanceOf(ByteRange.Whole.class);
    }
}
