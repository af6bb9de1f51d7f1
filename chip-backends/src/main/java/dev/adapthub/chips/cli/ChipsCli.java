package dev.adapthub.chips.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.adapthub.chips.ChipBackends;
import dev.adapthub.chips.catalog.CatalogException;
import dev.adapthub.chips.catalog.ChipSpec;
import dev.adapthub.chips.config.ConfigException;
import dev.adapthub.chips.config.ConfigProblem;
import dev.adapthub.chips.config.InferenceConfig;
import dev.adapthub.chips.config.InferenceConfigParser;
import dev.adapthub.chips.export.EngineFormat;
import dev.adapthub.chips.export.Export;
import dev.adapthub.chips.model.ModelDirectory;
import dev.adapthub.chips.model.ModelException;
import dev.adapthub.chips.spi.BackendRegistry;
import dev.adapthub.chips.validate.ValidationReport;
import dev.adapthub.chips.validate.Validator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code chips} command line.
 *
 * <pre>
 * chips [--format json|text]                                   list the catalog and its backends
 * validate --config FILE [--model-config FILE] [--format json|text] [--numerics on|off]
 * export --config FILE --engine vllm|vllm-yaml|mindie|llamacpp [--model-config FILE]
 * calibrate [--format json|text] [--write FILE]                predict the calibration set, print the errors
 * </pre>
 *
 * {@code export} validates first and refuses a failing config; notes on what the engine form
 * cannot express go to standard error as {@code # note:} lines.
 *
 * Exit codes: 0 PASS or WARN, 1 FAIL, 2 usage or parse error.
 */
public final class ChipsCli {

    static final int OK = 0;
    static final int FAIL = 1;
    static final int USAGE = 2;
    private static final String USAGE_TEXT = """
            usage: chips [--format json|text]
                   validate --config FILE [--model-config FILE] [--format json|text] [--numerics on|off]
                   export --config FILE --engine vllm|vllm-yaml|mindie|llamacpp [--model-config FILE]
                   calibrate [--format json|text] [--write FILE]
            """;

    private ChipsCli() {
    }

    public static void main(String[] args) {
        // the JSON-Schema library logs through SLF4J; the CLI ships no logging backend, so keep
        // SLF4J's "no providers" notice off the user's terminal
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.print(USAGE_TEXT);
            return USAGE;
        }
        Map<String, String> opts = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                err.println("unexpected argument '" + args[i] + "'");
                err.print(USAGE_TEXT);
                return USAGE;
            }
            opts.put(args[i].substring(2), args[++i]);
        }
        String format = opts.getOrDefault("format", "text").toLowerCase(Locale.ROOT);
        if (!format.equals("json") && !format.equals("text")) {
            err.println("--format must be json or text");
            return USAGE;
        }
        try {
            return switch (args[0]) {
                case "chips" -> chips(format, out);
                case "validate" -> validate(opts, format, out, err);
                case "export" -> export(opts, out, err);
                case "calibrate" -> calibrate(opts, format, out, err);
                default -> {
                    err.println("unknown command '" + args[0] + "'");
                    err.print(USAGE_TEXT);
                    yield USAGE;
                }
            };
        } catch (CatalogException e) {
            err.println("chip catalog is broken: " + e.getMessage());
            return FAIL;
        }
    }

    private static int chips(String format, PrintStream out) {
        BackendRegistry registry = ChipBackends.load();
        if (format.equals("json")) {
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = json.createObjectNode();
            ArrayNode chips = root.putArray("chips");
            for (ChipSpec c : registry.catalog().all()) {
                ObjectNode n = chips.addObject();
                n.put("id", c.id());
                n.put("name", c.name());
                n.put("vendor", c.vendor());
                n.put("family", c.family().name());
                n.put("visibleGiB", c.memory().visibleGiB().value());
                n.put("backend", registry.providerFor(c.id()).map(p -> p.id()).orElse(null));
                ArrayNode types = n.putArray("dataTypes");
                c.dataTypes().forEach(types::add);
            }
            ArrayNode failures = root.putArray("backendLoadFailures");
            registry.failures().forEach(f -> failures.addObject().put("provider", f.provider()).put("reason", f.reason()));
            out.println(root.toPrettyString());
        } else {
            for (ChipSpec c : registry.catalog().all()) {
                out.printf(Locale.ROOT, "%-24s %-6s %-10s %8.2f GiB  %s%n", c.id(), c.family(), c.vendor(),
                        c.memory().visibleGiB().value(), registry.providerFor(c.id()).map(p -> p.id()).orElse("-"));
            }
            registry.failures().forEach(f -> out.println("not loaded: " + f.provider() + ": " + f.reason()));
        }
        return OK;
    }

    /**
     * Predicts every case of the calibration set and prints predicted against measured with the
     * median and p90 error per metric and chip family; {@code --write FILE} also writes the summary
     * JSON (the hub's expected-error figures and the regression baseline).
     */
    private static int calibrate(Map<String, String> opts, String format, PrintStream out, PrintStream err) {
        dev.adapthub.chips.calibration.CalibrationRun run = dev.adapthub.chips.calibration.Calibration.run();
        String summary = dev.adapthub.chips.calibration.Calibration.summaryJson(run);
        out.print(format.equals("json") ? summary : dev.adapthub.chips.calibration.Calibration.report(run));
        String write = opts.get("write");
        if (write != null) {
            try {
                Files.writeString(Path.of(write), summary, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("cannot write " + write + ": " + e.getMessage());
                return FAIL;
            }
        }
        return OK;
    }

    /** A config file read and parsed, with the report of validating it. */
    private record Validated(InferenceConfig config, ValidationReport report, BackendRegistry registry) { }

    private static int validate(Map<String, String> opts, String format, PrintStream out, PrintStream err) {
        String numerics = opts.getOrDefault("numerics", "on");
        if (!numerics.equals("on") && !numerics.equals("off")) {
            err.println("--numerics must be on or off");
            return USAGE;
        }
        Validated v = load(opts, "validate", numerics.equals("on"), err);
        if (v == null) {
            return USAGE;
        }
        out.print(format.equals("json") ? v.report().toJson() + "\n" : v.report().toText());
        return v.report().verdict() == ValidationReport.Verdict.FAIL ? FAIL : OK;
    }

    private static int export(Map<String, String> opts, PrintStream out, PrintStream err) {
        String engine = opts.get("engine");
        Optional<EngineFormat> target = engine == null ? Optional.empty() : EngineFormat.byName(engine);
        if (target.isEmpty()) {
            err.println("export needs --engine vllm|vllm-yaml|mindie|llamacpp" + (engine == null ? "" : ", not '" + engine + "'"));
            err.print(USAGE_TEXT);
            return USAGE;
        }
        Validated v = load(opts, "export", false, err);
        if (v == null) {
            return USAGE;
        }
        if (v.report().verdict() == ValidationReport.Verdict.FAIL) {
            err.println("the config does not validate; fix it before exporting:");
            err.print(v.report().toText());
            return FAIL;
        }
        ChipSpec chip = v.registry().catalog().find(v.config().target().chip()).orElse(null);
        Export export = target.get().render(v.config(), chip, v.report().memory());
        out.print(export.text().endsWith("\n") ? export.text() : export.text() + "\n");
        export.notes().forEach(n -> err.println("# note: " + n));
        return OK;
    }

    /** Reads, parses and validates {@code --config}; null (after telling the user why) on a usage error. */
    private static Validated load(Map<String, String> opts, String command, boolean numerics, PrintStream err) {
        String configFile = opts.get("config");
        if (configFile == null) {
            err.println(command + " needs --config FILE");
            err.print(USAGE_TEXT);
            return null;
        }
        Path configPath = Path.of(configFile);
        String yaml;
        try {
            if (Files.size(configPath) > 1024 * 1024) {
                err.println(configPath + ": larger than 1 MiB; an InferenceConfig is a few dozen lines");
                return null;
            }
            yaml = Files.readString(configPath, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("cannot read " + configPath + ": " + e.getMessage());
            return null;
        }
        InferenceConfig config;
        try {
            config = InferenceConfigParser.parse(yaml);
        } catch (ConfigException e) {
            for (ConfigProblem p : e.problems()) {
                err.println(configPath + ": " + p);
            }
            return null;
        }
        Path modelConfig = modelConfigPath(opts.get("model-config"), config, configPath);
        if (modelConfig == null) {
            err.println(configPath + ": model.config is not set (model.repo needs the hub); pass --model-config FILE");
            return null;
        }
        BackendRegistry registry = ChipBackends.load();
        Validator validator = ChipBackends.validator(registry);
        ValidationReport report = (numerics ? validator.withNumerics() : validator).validate(yaml,
                ref -> loadModel(modelConfig));
        return new Validated(config, report, registry);
    }

    private static Path modelConfigPath(String option, InferenceConfig config, Path configPath) {
        if (option != null) {
            return Path.of(option);
        }
        if (config.model().config() == null) {
            return null;
        }
        Path dir = configPath.toAbsolutePath().getParent();
        return dir.resolve(config.model().config()).normalize();
    }

    private static dev.adapthub.chips.model.ModelArchitecture loadModel(Path file) throws ModelException {
        if (!Files.isRegularFile(file)) {
            throw new ModelException("", "model config " + file + " does not exist");
        }
        return ModelDirectory.load(file);
    }
}
