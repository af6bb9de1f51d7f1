package dev.adapthub.chips.spi;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/** Compiles a provider class with javax.tools and packs it as a third-party backend jar. */
final class PluginJar {

    private PluginJar() {
    }

    static Path build(Path dir, String className, String source) throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes-" + className.replace('.', '-')));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        SimpleJavaFileObject file = new SimpleJavaFileObject(
                URI.create("string:///" + className.replace('.', '/') + ".java"), SimpleJavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-d", classes.toString(),
                "--release", "17");
        boolean ok = compiler.getTask(null, null, null, options, null, List.of(file)).call();
        if (!ok) {
            throw new IllegalStateException("test backend did not compile");
        }
        Path jar = dir.resolve(className.replace('.', '-') + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/" + ChipBackendProvider.class.getName()));
            OutputStream s = out;
            s.write((className + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    /** Source of a provider; {@code body} is spliced into the class. */
    static String provider(String simpleName, String id, int spiVersion, String constructorBody) {
        return """
                package com.example.chips;

                import dev.adapthub.chips.catalog.ChipFamily;
                import dev.adapthub.chips.catalog.ChipSpec;
                import dev.adapthub.chips.spi.*;
                import java.util.Map;
                import java.util.Set;

                public final class %1$s implements ChipBackendProvider {
                    public %1$s() { %4$s }
                    public String id() { return "%2$s"; }
                    public String vendor() { return "Example Silicon"; }
                    public ChipFamily family() { return ChipFamily.NPU; }
                    public String version() { return "0.1.0"; }
                    public int spiVersion() { return %3$d; }
                    public Set<String> chipIds() { return Set.of("ascend-910b3"); }
                    public ChipBackend create(BackendContext context) {
                        return new ChipBackend() {
                            public Capabilities capabilities(ChipSpec chip) {
                                String e = "vllm-ascend";
                                return new Capabilities(Set.of(e), Map.of(e, Set.of("bf16", "fp16")),
                                        Map.of(e, Set.of("bf16", "fp16")), Map.of(e, Set.of("none")),
                                        Map.of(e, Set.of("mha", "gqa")),
                                        Map.of(e, Map.of("qwen2", Set.of("embedding", "rms_norm", "linear", "linear_bias",
                                                "rotary_embedding", "paged_attention", "silu_and_mul", "sampler"))),
                                        Map.of(e, new Capabilities.BlockSizeRule(128, 128, Set.of())),
                                        new Capabilities.ParallelLimits(8, 1, 1));
                            }
                        };
                    }
                }
                """.formatted(simpleName, id, spiVersion, constructorBody);
    }
}
