package dev.adapthub.chips.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.adapthub.chips.TestConfigs;
import dev.adapthub.chips.TestModels;
import dev.adapthub.chips.catalog.ChipCatalog;
import dev.adapthub.chips.validate.ValidationReport;
import dev.adapthub.chips.validate.Validator;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A third-party backend in its own jar is found and used with no change to this module. */
class BackendRegistryTest {

    @TempDir
    Path dir;

    private URLClassLoader loaderWith(String simpleName, String id, int spi, String ctor) throws Exception {
        Path jar = PluginJar.build(dir, "com.example.chips." + simpleName, PluginJar.provider(simpleName, id, spi, ctor));
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader());
    }

    @Test
    void thirdPartyJarIsPickedUpAndDrivesItsChip() throws Exception {
        try (URLClassLoader loader = loaderWith("ExampleProvider", "example-npu", 1, "")) {
            BackendRegistry registry = BackendRegistry.load(loader, null, ChipCatalog.builtIn());
            assertThat(registry.providers()).extracting(ChipBackendProvider::id)
                    .contains("example-npu", "sim-npu", "sim-gpgpu", "sim-cpu");
            assertThat(registry.providerFor("ascend-910b3")).get().extracting(ChipBackendProvider::id)
                    .isEqualTo("example-npu");
            ValidationReport r = new Validator(registry).validate(TestConfigs.yaml("ascend-910b3", "vllm-ascend",
                    "limits: {maxModelLen: 8192}"), ref -> TestModels.load("qwen2.5-7b"));
            assertThat(r.backendId()).isEqualTo("example-npu");
            assertThat(r.verdict()).as(r.toText()).isEqualTo(ValidationReport.Verdict.PASS);
            ValidationReport llama = new Validator(registry).validate(TestConfigs.yaml("ascend-910b3", "vllm-ascend",
                    "limits: {maxModelLen: 8192}"), ref -> TestModels.load("llama-3.1-8b"));
            assertThat(llama.findings()).anySatisfy(f -> assertThat(f.code()).isEqualTo("SUPPORT_ARCHITECTURE_UNSUPPORTED"));
        }
    }

    @Test
    void duplicateIdsFailTheLoad() throws Exception {
        try (URLClassLoader loader = loaderWith("Impostor", "sim-npu", 1, "")) {
            assertThatThrownBy(() -> BackendRegistry.load(loader, null, ChipCatalog.builtIn()))
                    .isInstanceOf(BackendRegistry.DuplicateBackendException.class)
                    .hasMessageContaining("sim-npu").hasMessageContaining("com.example.chips.Impostor");
        }
    }

    @Test
    void loadFailuresAreKeptForTheStatusPage() throws Exception {
        try (URLClassLoader broken = loaderWith("Broken", "broken", 1, "throw new IllegalStateException(\"no driver\");")) {
            BackendRegistry registry = BackendRegistry.load(broken, null, ChipCatalog.builtIn());
            assertThat(registry.failures()).singleElement().satisfies(f -> assertThat(f.reason()).contains("no driver"));
            assertThat(registry.providers()).extracting(ChipBackendProvider::id).doesNotContain("broken");
        }
        try (URLClassLoader future = loaderWith("Future", "future", 2, "")) {
            BackendRegistry registry = BackendRegistry.load(future, null, ChipCatalog.builtIn());
            assertThat(registry.failures()).singleElement()
                    .satisfies(f -> assertThat(f.reason()).contains("SPI version 2"));
        }
    }

    @Test
    void allowListLimitsTheBackends() throws Exception {
        try (URLClassLoader loader = loaderWith("ExampleProvider", "example-npu", 1, "")) {
            BackendRegistry registry = BackendRegistry.load(loader, Set.of("sim-npu"), ChipCatalog.builtIn());
            assertThat(registry.providers()).extracting(ChipBackendProvider::id).containsExactly("sim-npu");
            assertThat(registry.failures()).extracting(BackendRegistry.LoadFailure::provider)
                    .contains("com.example.chips.ExampleProvider");
            assertThat(registry.providerFor("ascend-910b3")).get().extracting(ChipBackendProvider::id)
                    .isEqualTo("sim-npu");
        }
    }
}
