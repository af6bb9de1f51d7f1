package dev.adapthub.web.language;

import static org.assertj.core.api.Assertions.assertThat;

import dev.adapthub.chips.spi.ReasonCode;
import dev.adapthub.chips.validate.FindingCodes;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * Every page text exists in English and Chinese: for each basename of {@code spring.messages.basename}
 * (read from application.yml) the default and {@code _zh_CN} files have the same keys and no empty
 * value, and the Chinese one is not an English copy; every key a template names exists; every finding
 * code chip-backends can emit has a title in the findings bundle.
 */
class MessageBundlesTest {

    static final Path TEMPLATES = Path.of("src", "main", "resources", "templates");
    /** {@code #{key}} and {@code #{key(args)}}; keys built at run time ({@code #{'a.' + b}}) are not plain names. */
    static final Pattern MESSAGE_EXPRESSION = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)[}(]");
    /** {@code #messages.msg('key')}; a key with a run-time suffix ({@code 'status.component.' + id}) is not checked. */
    static final Pattern MESSAGES_CALL = Pattern.compile("#messages\\.msg(?:OrNull)?\\('([A-Za-z0-9_.\\-]+)'\\s*[,)]");
    /** Two English words in a row: a Chinese value that still has them unchanged from English is a copy. */
    static final Pattern ENGLISH_WORDS = Pattern.compile("[A-Za-z]{2,} [a-z]{2,} [a-z]{2,}");

    static List<String> basenames() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        String names = yaml.getObject().getProperty("spring.messages.basename");
        assertThat(names).as("spring.messages.basename in application.yml").isNotBlank();
        return List.of(names.split("\\s*,\\s*"));
    }

    static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the class path").isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    @Test
    void everyBundleHasTheSameKeysInEnglishAndChineseAndNoEmptyValue() {
        List<String> problems = new ArrayList<>();
        for (String basename : basenames()) {
            Properties en = load(basename + ".properties");
            Properties zh = load(basename + "_zh_CN.properties");
            Set<String> missingInZh = new TreeSet<>(en.stringPropertyNames());
            missingInZh.removeAll(zh.stringPropertyNames());
            Set<String> missingInEn = new TreeSet<>(zh.stringPropertyNames());
            missingInEn.removeAll(en.stringPropertyNames());
            missingInZh.forEach(k -> problems.add(basename + "_zh_CN lacks " + k));
            missingInEn.forEach(k -> problems.add(basename + " lacks " + k + " (only in _zh_CN)"));
            for (Properties p : List.of(en, zh)) {
                p.stringPropertyNames().stream().filter(k -> p.getProperty(k).isBlank())
                        .forEach(k -> problems.add(basename + (p == zh ? "_zh_CN" : "") + ": " + k + " is empty"));
            }
            for (String key : zh.stringPropertyNames()) {
                String value = zh.getProperty(key);
                if (value.equals(en.getProperty(key)) && ENGLISH_WORDS.matcher(value).find()) {
                    problems.add(basename + "_zh_CN: " + key + " is the English text");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String basename : basenames()) {
            keys.addAll(load(basename + ".properties").stringPropertyNames());
        }
        List<String> missing = new ArrayList<>();
        List<Path> templates;
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            templates = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        assertThat(templates).hasSizeGreaterThan(40);
        for (Path template : templates) {
            String text = Files.readString(template);
            for (Pattern pattern : List.of(MESSAGE_EXPRESSION, MESSAGES_CALL)) {
                Matcher m = pattern.matcher(text);
                while (m.find()) {
                    if (!keys.contains(m.group(1))) {
                        missing.add(TEMPLATES.relativize(template) + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).as("keys named in templates but in no bundle").isEmpty();
    }

    @Test
    void everyFindingCodeChipBackendsCanEmitHasATranslation() throws IllegalAccessException {
        Set<String> codes = new TreeSet<>();
        for (Field f : FindingCodes.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class
                    && !f.getName().equals("SUPPORT_PREFIX")) {
                codes.add((String) f.get(null));
            }
        }
        for (ReasonCode reason : ReasonCode.values()) {
            codes.add(FindingCodes.SUPPORT_PREFIX + reason.name());
        }
        assertThat(codes).hasSizeGreaterThan(30);
        Properties en = load("i18n/findings.properties");
        Properties zh = load("i18n/findings_zh_CN.properties");
        assertThat(codes).allSatisfy(code -> {
            assertThat(en.getProperty("finding." + code)).as("English title of " + code).isNotBlank();
            assertThat(zh.getProperty("finding." + code)).as("Chinese title of " + code).isNotBlank();
        });
    }
}
