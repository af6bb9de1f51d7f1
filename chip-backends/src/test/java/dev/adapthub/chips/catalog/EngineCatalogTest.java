package dev.adapthub.chips.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adapthub.chips.spi.Engines;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Engine behaviour by version lives in data; the catalog finds the right range or says which it used. */
class EngineCatalogTest {

    private final EngineCatalog engines = EngineCatalog.builtIn();

    @Test
    void everyEngineHasProfilesWithSourcedFigures() {
        assertThat(engines.engines()).containsAll(Engines.ALL);
        for (String e : Engines.ALL) {
            for (EngineProfile p : engines.profiles(e)) {
                assertThat(p.figures()).as(p.describe()).containsKey(EngineProfile.MAX_NUM_SEQS);
                p.figures().values().forEach(f -> assertThat(p.sources()).containsKey(f.source()));
                p.families().values().forEach(m -> m.values().forEach(f ->
                        assertThat(p.sources()).as(p.describe()).containsKey(f.source())));
            }
        }
    }

    @Test
    void versionsFallIntoTheirRange() {
        EngineCatalog.Match v064 = engines.match("vllm", "0.6.4").orElseThrow();
        assertThat(v064.known()).isTrue();
        assertThat(v064.profile().modelled()).isEqualTo("0.6.4");
        assertThat(v064.profile().number(EngineProfile.CHUNKED_ABOVE, 0)).isEqualTo(32768);
        assertThat(engines.match("vllm", "v0.9.0rc1").orElseThrow().profile().scheduler()).isEqualTo("v1");
        assertThat(engines.match("vllm", "0.7.3").orElseThrow().profile().flag(EngineProfile.MLA_COMPRESSED_KV)).isTrue();
        assertThat(engines.match("vllm", "0.6.4").orElseThrow().profile().flag(EngineProfile.MLA_COMPRESSED_KV)).isFalse();
        assertThat(engines.match("llama.cpp", "b4226").orElseThrow().known()).isTrue();
        assertThat(engines.match("sglang", "0.4.6").orElseThrow().profile().memoryRule())
                .isEqualTo(EngineProfile.MemoryRule.STATIC_FRACTION);
    }

    @Test
    void unknownVersionsSayWhichVersionWasModelled() {
        EngineCatalog.Match old = engines.match("vllm", "0.1.0").orElseThrow();
        assertThat(old.known()).isFalse();
        assertThat(old.note()).hasValueSatisfying(n -> assertThat(n).contains("0.1.0").contains("0.2.7"));
        EngineCatalog.Match none = engines.match("vllm", null).orElseThrow();
        assertThat(none.note()).hasValueSatisfying(n -> assertThat(n).contains("no engine.version").contains("0.9.2"));
        EngineCatalog.Match garbage = engines.match("mindie", "latest").orElseThrow();
        assertThat(garbage.known()).isFalse();
        assertThat(engines.match("unknown-engine", "1.0")).isEmpty();
    }

    @Test
    void releasesCompareNumerically() {
        assertThat(EngineRelease.parse("0.10.0").orElseThrow()).isGreaterThan(EngineRelease.parse("0.9.2").orElseThrow());
        assertThat(EngineRelease.parse("0.6").orElseThrow()).isEqualByComparingTo(EngineRelease.parse("0.6.0").orElseThrow());
        assertThat(EngineRelease.parse("b1800").orElseThrow().parts()).containsExactly(1800);
        assertThat(EngineRelease.parse("latest")).isEmpty();
    }

    @Test
    void brokenProfilesFailWithFileAndField() {
        String overlapping = """
                engine: x
                sources: {s: {title: t, url: "https://example.org"}}
                versions:
                  - {from: "1.0", until: "2.0", modelled: "1.0", scheduler: v0, memoryRule: profile, prefillRule: fixed,
                     figures: {maxNumSeqs: {value: 1, source: s, confidence: docs}}}
                  - {from: "1.5", modelled: "1.5", scheduler: v0, memoryRule: profile, prefillRule: fixed}
                """;
        assertThatThrownBy(() -> EngineCatalog.parse("x.yaml", overlapping.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CatalogException.class).hasMessageContaining("x.yaml").hasMessageContaining("overlaps");
        String unsourced = overlapping.replace("source: s", "source: nowhere");
        assertThatThrownBy(() -> EngineCatalog.parse("x.yaml", unsourced.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CatalogException.class).hasMessageContaining("maxNumSeqs.source");
        String badRule = overlapping.replace("memoryRule: profile, prefillRule: fixed,\n", "memoryRule: magic, prefillRule: fixed,\n");
        assertThatThrownBy(() -> EngineCatalog.parse("x.yaml", badRule.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CatalogException.class).hasMessageContaining("memoryRule");
    }
}
